import type { LocalWorkspace } from './local-workspace.js';

/**
 * `truncate --cascade`: the datasources fed from `datasource` by materialized views, transitively,
 * in the order inserts flow (breadth first), `datasource` itself first. The edges are the ones the
 * build wired as insert listeners (materialize.ts), so the cascade empties exactly what inserts fill.
 */
export function cascadeTargets(workspace: LocalWorkspace, datasource: string): string[] {
  const order = [datasource];
  for (let i = 0; i < order.length; i++) {
    for (const { source, target } of workspace.views) if (source === order[i] && !order.includes(target)) order.push(target);
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
