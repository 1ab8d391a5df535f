import type { ResolvedDatasource } from '../analysis/project/resolved.js';
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

/**
 * Validates a pipe's SQL before anything runs: templates rendered with placeholders (Tinybird's
 * analyze mode), then every node compiled against the project's schemas. Unknown columns, tables and
 * functions come back as diagnostics at the word in the .pipe file.
 */
export function checkPipeSql(pipe: PreparedPipe, datasources: readonly ResolvedDatasource[], pipes: ReadonlyMap<string, PreparedPipe>): PipeCheck {
  let nodes;
  try {
    nodes = pipe.render({}, 'analyze');
  } catch (error) {
    // Templates that raise in analyze mode (error() calls, required params) are checked at request time.
    if (error instanceof TemplateError) return { diagnostics: [] };
    throw error;
  }
  const catalog = requestCatalog({ datasources, pipes, physical: (name) => `__check__${name}` }, {}, 'analyze');
  const compiled = compilePipe(nodes, catalog, { outputNode: pipe.outputNode });
  const diagnostics: Diagnostic[] = [];
  for (const d of compiled.diagnostics) {
    // Diagnostics from templated nodes carry rendered offsets: point them back at the source.
    const node = pipe.nodes.find((n) => n.template && d.file === undefined && d.message.includes(''));
    if (d.file === pipe.file.path || !pipe.templated) diagnostics.push(d.file ? d : { ...d, file: pipe.file.path });
    else {
      const rendered = nodes.find((n) => n.name === nodeNameOf(d, nodes))?.sql ?? nodes[0]?.sql ?? '';
      const sourceNode = pipe.nodes.find((n) => n.name === nodeNameOf(d, nodes)) ?? node;
      if (sourceNode?.def.sql) diagnostics.push(...remapRenderedDiagnostics([d], rendered, sourceNode.def.sql, pipe.file.path));
      else diagnostics.push({ ...d, file: pipe.file.path });
    }
  }
  const columns = compiled.query?.columns.map((c) => ({ name: c.name, type: printType(c.type) }));
  return columns ? { diagnostics, columns } : { diagnostics };
}

/** Which node a diagnostic came from, when the compiler says so (`node` field), else the last one. */
function nodeNameOf(d: Diagnostic, nodes: readonly { name: string }[]): string | undefined {
  const named = (d as Diagnostic & { node?: string }).node;
  return named ?? nodes[nodes.length - 1]?.name;
}
