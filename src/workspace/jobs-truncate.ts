import type { LocalWorkspace } from './local-workspace.js';
import { triggerSource } from './materialize.js';

/**
 * `truncate --cascade`: the datasources fed from `datasource` by materialized views, transitively,
 * in the order inserts flow (breadth first), `datasource` itself first. An edge is a materialized
 * pipe's trigger (the first datasource its FROM clauses read, looking through pipes, as
 * materialize.ts wires the insert listeners) to its DATASOURCE.
 */
export function cascadeTargets(workspace: LocalWorkspace, datasource: string): string[] {
  const names = new Set(workspace.resolvedDatasources.map((d) => d.name));
  const edges = new Map<string, string[]>();
  for (const pipe of workspace.preparedPipes.values()) {
    if (pipe.kind !== 'materialized') continue;
    const target = pipe.file.nodes.find((n) => n.name === pipe.outputNode)?.datasource?.text;
    const source = target && triggerSource(pipe, names, workspace.preparedPipes, new Set());
    if (!target || !source) continue;
    edges.set(source, [...(edges.get(source) ?? []), target]);
  }
  const order = [datasource];
  for (let i = 0; i < order.length; i++) {
    for (const next of edges.get(order[i]!) ?? []) if (!order.includes(next)) order.push(next);
  }
  return order;
}

/** Truncates `datasource` (and with `cascade` every datasource its views feed); returns their names. */
export function truncateDatasources(
  workspace: LocalWorkspace,
  datasource: string,
  options: { cascade?: boolean; dryRun?: boolean } = {},
): string[] {
  const targets = options.cascade ? cascadeTargets(workspace, datasource) : [datasource];
  // One transaction each: the store's truncate also tells the read workers the table was reset.
  if (!options.dryRun) for (const name of targets) workspace.store.truncate(name);
  return targets;
}
