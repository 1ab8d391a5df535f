import { resolveEngine } from '../analysis/project/check-datasource.js';
import type { ResolvedDatasource } from '../analysis/project/resolved.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseType } from '../types/parse.js';
import { checkPipeSql } from './check-sql.js';
import type { PreparedPipe } from './pipe.js';

/**
 * Classic Tinybird lets a materialized node define its target: `TYPE materialized`, `DATASOURCE name`
 * and ENGINE settings in the node, no .datasource file. The target's columns are the view's output
 * columns, with their types; its engine is the node's.
 */
export function nodeDefinedTargets(
  pipes: ReadonlyMap<string, PreparedPipe>,
  datasources: readonly ResolvedDatasource[],
): { datasources: ResolvedDatasource[]; diagnostics: Diagnostic[] } {
  const out: ResolvedDatasource[] = [];
  const diagnostics: Diagnostic[] = [];
  const known = new Set(datasources.map((d) => d.name));
  for (const pipe of pipes.values()) {
    if (pipe.kind !== 'materialized') continue;
    const node = pipe.file.nodes.find((n) => n.name === pipe.outputNode);
    const name = node?.datasource?.text;
    if (!node?.engine || !name || known.has(name)) continue;
    const check = checkPipeSql(pipe, [...datasources, ...out], pipes);
    // Errors stop the build here; warnings are reported when the pipe is checked with the others.
    diagnostics.push(...check.diagnostics.filter((d) => d.severity === 'error'));
    if (!check.columns) continue;
    const columns = check.columns.map((c) => {
      const parsed = parseType(c.type);
      return { name: c.name, type: parsed.ok ? parsed.type : { kind: 'string' as const } };
    });
    out.push({ name, columns, engine: resolveEngine(node.engine, pipe.file.path, diagnostics) });
    known.add(name);
  }
  return { datasources: out, diagnostics };
}
