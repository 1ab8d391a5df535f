import type { LocalWorkspace } from '../workspace/index.js';
import type { PreparedPipe } from '../workspace/pipe.js';
import type { View } from './execute-steps.js';

const READS = /\b(?:FROM|JOIN)\s+`?([A-Za-z_][A-Za-z0-9_]*)`?/gi;

/**
 * The materialized pipes of a built workspace, each with the datasources it reads in order (the first
 * one's inserts trigger it). A FROM that names another pipe is followed into that pipe, as mk and
 * Tinybird resolve a view over a pipe to that pipe's own source; targets that materialized nodes define
 * themselves are datasources of the workspace like the others.
 */
export function materializedViews(ws: LocalWorkspace): View[] {
  const names = new Set(ws.resolvedDatasources.map((d) => d.name));
  const views: View[] = [];
  for (const pipe of ws.preparedPipes.values()) {
    if (pipe.kind !== 'materialized') continue;
    const target = pipe.file.nodes.find((n) => n.name === pipe.outputNode)?.datasource?.text;
    if (!target) continue;
    const reads: string[] = [];
    collectReads(pipe, ws.preparedPipes, names, reads, new Set());
    views.push({ path: pipe.file.path, name: pipe.name, target, reads });
  }
  return views;
}

function collectReads(
  pipe: PreparedPipe,
  pipes: ReadonlyMap<string, PreparedPipe>,
  datasources: ReadonlySet<string>,
  reads: string[],
  seen: Set<string>,
): void {
  if (seen.has(pipe.name)) return;
  seen.add(pipe.name);
  for (const sql of renderedSql(pipe)) {
    for (const m of sql.matchAll(READS)) {
      const name = m[1]!;
      if (datasources.has(name)) {
        if (!reads.includes(name)) reads.push(name);
        continue;
      }
      const other = pipes.get(name);
      if (other && other.name !== pipe.name) collectReads(other, pipes, datasources, reads, seen);
    }
  }
}

function renderedSql(pipe: PreparedPipe): string[] {
  try {
    return pipe.render({}, 'analyze').map((n) => n.sql);
  } catch {
    return [];
  }
}
