import type { ResolvedDatasource } from '../analysis/project/resolved.js';
import type { Catalog } from '../analysis/sql/catalog.js';
import { typeDefault } from '../compile/functions/index.js';
import { compilePipe } from '../compile/sqlite/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { TemplateError } from '../template/index.js';
import type { ChType } from '../types/ast.js';
import { convertSql, quoteIdent, storedLiteral } from './convert-sql.js';
import type { PreparedPipe } from './pipe.js';

/** Stands for the table of freshly inserted rows; replaced by the real temp table on each insert. */
const NEW_ROWS = '__mk_new_rows__';

/** A materialized view ready to run: its trigger datasource and the INSERT … SELECT over new rows. */
export interface Materialization {
  readonly pipe: string;
  readonly source: string;
  readonly target: string;
  /** SELECT producing the target's columns in order, reading new rows from `rowsTable`. */
  select(rowsTable: string): { sql: string; params: readonly unknown[] };
}

/**
 * Compiles a materialized pipe. Its trigger is the first datasource its FROM clauses read (ClickHouse
 * fires a view on inserts into its FROM table; joined tables do not trigger it).
 */
export function prepareMaterialization(...args: Parameters<typeof compileMaterialization>): ReturnType<typeof compileMaterialization> {
  const pipe = args[0];
  try {
    return compileMaterialization(...args);
  } catch (error) {
    // A view's template renders once, with defaults: a required parameter or error() makes it unusable.
    if (!(error instanceof TemplateError)) throw error;
    const message = `Materialized pipe ${pipe.name} cannot render its SQL without request parameters: ${error.message}`;
    return { diagnostics: [diagnostic('MK2023', message, { file: pipe.file.path })] };
  }
}

function compileMaterialization(
  pipe: PreparedPipe,
  target: ResolvedDatasource,
  datasources: readonly ResolvedDatasource[],
  pipes: ReadonlyMap<string, PreparedPipe>,
  catalogFor: (substitute: { name: string; sqliteName: string } | undefined) => Catalog,
): { materialization?: Materialization; diagnostics: Diagnostic[] } {
  const names = new Set(datasources.map((d) => d.name));
  const source = triggerSource(pipe, names, pipes, new Set());
  if (!source) {
    return {
      diagnostics: [
        diagnostic('MK2014', `Materialized pipe ${pipe.name} reads no datasource, so no insert can trigger it`, { file: pipe.file.path }),
      ],
    };
  }
  const compiled = compilePipe(pipe.render({}, 'run'), catalogFor({ name: source, sqliteName: NEW_ROWS }), { outputNode: pipe.outputNode });
  if (!compiled.query) return { diagnostics: [...compiled.diagnostics] };
  const outputs = new Map(compiled.query.columns.map((c) => [c.name, c.type]));
  const select = target.columns.map((col) => {
    const fromType = outputs.get(col.name);
    if (!fromType) return `${storedLiteral(typeDefault(col.type))} AS ${quoteIdent(col.name)}`;
    return `${convertSql(`__mv.${quoteIdent(col.name)}`, fromType, col.type)} AS ${quoteIdent(col.name)}`;
  });
  const sql = `SELECT ${select.join(', ')} FROM (${compiled.query.sql}) AS __mv`;
  const params = compiled.query.params;
  return {
    materialization: {
      pipe: pipe.name,
      source,
      target: target.name,
      select: (rowsTable) => ({ sql: sql.split(NEW_ROWS).join(rowsTable), params }),
    },
    diagnostics: [...compiled.diagnostics],
  };
}

/**
 * The datasource whose inserts fire the view: the first FROM that names a datasource, looking through
 * pipes read as tables (Tinybird resolves a view over a pipe to that pipe's own source).
 */
function triggerSource(
  pipe: PreparedPipe,
  datasources: ReadonlySet<string>,
  pipes: ReadonlyMap<string, PreparedPipe>,
  seen: Set<string>,
): string | undefined {
  if (seen.has(pipe.name)) return undefined;
  seen.add(pipe.name);
  for (const node of pipe.render({}, 'analyze')) {
    const re = /\bFROM\s+`?([A-Za-z_][A-Za-z0-9_.]*)`?/gi;
    for (let m = re.exec(node.sql); m; m = re.exec(node.sql)) {
      const name = m[1]!;
      if (datasources.has(name)) return name;
      const other = pipes.get(name);
      const found = other && triggerSource(other, datasources, pipes, seen);
      if (found) return found;
    }
  }
  return undefined;
}

export type { ChType };
