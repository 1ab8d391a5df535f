import type { Project } from '../project/project.js';
import { resourceName } from '../project/project.js';
import type { PipeFile } from '../syntax/datafile/ast.js';

// Tables only a Tinybird workspace or organization (or a ClickHouse server) has: mk cannot run what
// reads them. `organization.*` is the organization-wide twin of `tinybird.*` (usage across workspaces).
const SERVICE_TABLE = /\b(?:FROM|JOIN)\s+[`"]?(tinybird|system|organization)[`"]?\s*\.\s*[`"]?(\w+)/gi;
/**
 * Service tables mk has: `system.one`, `system.numbers` (bounded by the query, see src/compile/sqlite/system-tables.ts)
 * and the service data sources it records (src/workspace/query-stats.ts).
 */
const EMULATED = /^(system\.(numbers(_mt)?|one)|tinybird\.(pipe_stats_rt|pipe_stats|datasources_ops_log|jobs_log))$/i;

/**
 * Why each pipe needs a service mk does not emulate, by pipe path: sinks and exports (Kafka, S3, GCS),
 * and reads of `tinybird.*` / `organization.*` / `system.*` tables, directly or through another such pipe (which
 * then gives its reason).
 */
export function externalPipes(project: Project): Map<string, string> {
  const out = new Map<string, string>();
  for (const pipe of project.pipes) {
    const reason = ownReason(pipe);
    if (reason) out.set(pipe.path, reason);
  }
  // A pipe reading an external pipe (as a table) is external too; repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    const names = new Map(project.pipes.filter((p) => out.has(p.path)).map((p) => [resourceName(p.path), p.path]));
    for (const pipe of project.pipes) {
      if (out.has(pipe.path)) continue;
      const via = [...names.keys()].find((name) => readsName(pipe, name));
      if (via) {
        out.set(pipe.path, out.get(names.get(via)!)!);
        changed = true;
      }
    }
  }
  return out;
}

function ownReason(pipe: PipeFile): string | undefined {
  for (const node of pipe.nodes) {
    if (node.type === 'sink') return 'sink (exports to an external service)';
    const exportSetting = node.settings.find((s) => s.key.startsWith('EXPORT_'));
    if (exportSetting) return `export (${exportSetting.key})`;
    for (const service of (node.sql?.text ?? '').matchAll(SERVICE_TABLE)) {
      const table = `${service[1]!.toLowerCase()}.${service[2]}`;
      if (!EMULATED.test(table)) return `reads ${table} (service table)`;
    }
  }
  return undefined;
}

function readsName(pipe: PipeFile, name: string): boolean {
  const re = new RegExp(`\\b(?:FROM|JOIN)\\s+[\`"]?${name.replace(/[^\w]/g, '\\$&')}\\b`, 'i');
  return pipe.nodes.some((n) => re.test(n.sql?.text ?? ''));
}
