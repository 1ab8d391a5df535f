import type { ResolvedDatasource } from '../analysis/project/resolved.js';
import type { NodeSql } from '../analysis/sql/catalog.js';
import { compilePipe } from '../compile/sqlite/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { TemplateError } from '../template/index.js';
import { printType } from '../types/print.js';
import { requestCatalog } from './catalog.js';
import type { PreparedPipe } from './pipe.js';
import { remapRenderedDiagnostics } from './positions.js';

export interface PipeCheck {
  readonly diagnostics: Diagnostic[];
  /** Output columns with ClickHouse types, when the pipe compiled. */
  readonly columns?: { name: string; type: string }[];
}

/** Marks diagnostics of rendered template SQL, whose offsets must be mapped back to the source. */
const RENDERED = '\u0000rendered:';

/**
 * Validates a pipe's SQL before anything runs: templates rendered with placeholders (Tinybird's
 * analyze mode), then every node compiled against the project's schemas. Unknown columns, tables and
 * functions come back as diagnostics at the word in the .pipe file.
 */
export function checkPipeSql(
  pipe: PreparedPipe,
  datasources: readonly ResolvedDatasource[],
  pipes: ReadonlyMap<string, PreparedPipe>,
): PipeCheck {
  let rendered: NodeSql[];
  try {
    rendered = pipe.render({}, 'analyze');
  } catch (error) {
    // Templates that raise in analyze mode (error() calls, required params) are checked at request time.
    if (error instanceof TemplateError) return { diagnostics: [] };
    throw error;
  }
  const templated = new Set(pipe.nodes.filter((n) => n.template).map((n) => n.name));
  const nodes = rendered.map((n) => (templated.has(n.name) ? { name: n.name, sql: n.sql, file: `${RENDERED}${n.name}` } : n));
  const catalog = requestCatalog({ datasources, pipes, physical: (name) => `__check__${name}` }, {}, 'analyze');
  const compiled = compilePipe(nodes, catalog, { outputNode: pipe.outputNode });
  const diagnostics = compiled.diagnostics.map((d) => {
    if (!d.file?.startsWith(RENDERED)) return d;
    const name = d.file.slice(RENDERED.length);
    const source = pipe.nodes.find((n) => n.name === name)?.def.sql;
    const text = nodes.find((n) => n.name === name)?.sql ?? '';
    return source ? remapRenderedDiagnostics([d], text, source, pipe.file.path)[0]! : { ...d, file: pipe.file.path };
  });
  const columns = compiled.query?.columns.map((c) => ({ name: c.name, type: printType(c.type) }));
  // Every node's own errors are reported: the compiler does not echo a failed node's mistakes into
  // the nodes that read it (relations built from a failed node or an unknown table are incomplete).
  return columns ? { diagnostics, columns } : { diagnostics };
}
