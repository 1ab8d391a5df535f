import { parseSelect } from '../syntax/sql/index.js';

/**
 * Tables a `q=` query names besides `_` and its own CTEs. Tokens that may only read one endpoint
 * (resource tokens, JWTs with fixed parameters) must not use `q` to read the datasources beneath it,
 * or row-level security would be one query parameter away from bypassed.
 */
export function tablesBeyondResult(q: string): string[] {
  const parsed = parseSelect(q);
  if (!parsed.ast) return [];
  const ctes = new Set<string>();
  const tables: string[] = [];
  walk(parsed.ast, (node) => {
    if (node.kind === 'cte' && typeof node.name === 'string') ctes.add(node.name);
    if (node.kind === 'table' && Array.isArray(node.parts)) tables.push((node.parts as string[]).join('.'));
    if (node.kind === 'tableFunction' && typeof node.name === 'string') tables.push(`${node.name}()`);
  });
  return [...new Set(tables.filter((t) => t !== '_' && !ctes.has(t)))];
}

function walk(value: unknown, visit: (node: Record<string, unknown> & { kind: string }) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) walk(v, visit);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  if (typeof node.kind === 'string') visit(node as Record<string, unknown> & { kind: string });
  for (const [key, child] of Object.entries(node)) if (key !== 'range') walk(child, visit);
}
