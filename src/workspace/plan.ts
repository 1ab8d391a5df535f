import type { ResolvedDatasource } from '../analysis/project/resolved.js';
import type { Store } from '../store/index.js';
import type { PreparedPipe } from './pipe.js';
import { tableDef } from './table-def.js';

/** What a build changes relative to what is live, by resource name (Tinybird's deployment summary). */
export interface ResourceChanges {
  readonly newDatasources: string[];
  readonly changedDatasources: string[];
  readonly unchangedDatasources: string[];
  readonly deletedDatasources: string[];
  readonly newPipes: string[];
  readonly changedPipes: string[];
  readonly deletedPipes: string[];
}

/**
 * Compares a build with the store's live tables and the previous workspace's pipes. A datasource is
 * unchanged when its table definition is identical, so its table and rows stay exactly as they are.
 */
export function planChanges(
  datasources: readonly ResolvedDatasource[],
  pipes: ReadonlyMap<string, PreparedPipe>,
  store: Store,
  previous?: { preparedPipes: ReadonlyMap<string, PreparedPipe> },
): ResourceChanges {
  const changes: ResourceChanges = {
    newDatasources: [],
    changedDatasources: [],
    unchangedDatasources: [],
    deletedDatasources: [],
    newPipes: [],
    changedPipes: [],
    deletedPipes: [],
  };
  const names = new Set(datasources.map((d) => d.name));
  for (const ds of datasources) {
    const live = store.table(ds.name);
    if (!live) changes.newDatasources.push(ds.name);
    else if (JSON.stringify(live.def) === JSON.stringify(tableDefJson(ds))) changes.unchangedDatasources.push(ds.name);
    else changes.changedDatasources.push(ds.name);
  }
  for (const t of store.listTables()) if (!names.has(t.name)) changes.deletedDatasources.push(t.name);
  const before = previous?.preparedPipes ?? new Map<string, PreparedPipe>();
  for (const [name, pipe] of pipes) {
    const old = before.get(name);
    if (!old) changes.newPipes.push(name);
    else if (pipeText(old) !== pipeText(pipe)) changes.changedPipes.push(name);
  }
  for (const name of before.keys()) if (!pipes.has(name)) changes.deletedPipes.push(name);
  return changes;
}

function pipeText(pipe: PreparedPipe): string {
  return JSON.stringify(pipe.file.nodes.map((n) => [n.name, n.sql?.text, n.type, n.datasource?.text, n.targetDatasource?.text]));
}

/** The TableDef as the store records it (JSON round trip drops undefined fields). */
function tableDefJson(ds: ResolvedDatasource) {
  return JSON.parse(JSON.stringify(tableDef(ds)));
}
