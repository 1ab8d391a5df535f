import type { ResolvedDatasource } from '../analysis/project/resolved.js';
import type { Store } from '../store/index.js';
import { convertSql, quoteIdent } from './convert-sql.js';

/**
 * Copies the live rows of a changed datasource into its staged table, column by column where names
 * match (types re-encoded), so a schema change never loses data. New columns take their type default
 * through the table's DEFAULT; dropped columns are left behind with the old table.
 */
export function carryOverRows(store: Store, ds: string, stagedTable: string, next: ResolvedDatasource): number {
  const live = store.table(ds);
  if (!live) return 0;
  const oldTypes = new Map(live.def.columns.map((c) => [c.name, c.type]));
  const shared = next.columns.filter((c) => oldTypes.has(c.name));
  if (shared.length === 0) return 0;
  const cols = shared.map((c) => quoteIdent(c.name)).join(', ');
  const values = shared.map((c) => convertSql(quoteIdent(c.name), oldTypes.get(c.name)!, c.type)).join(', ');
  return store.transaction((tx) => tx.run(`INSERT INTO ${quoteIdent(stagedTable)} (${cols}) SELECT ${values} FROM ${quoteIdent(live.physical)}`).changes);
}
