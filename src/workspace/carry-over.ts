import type { ResolvedDatasource } from '../analysis/project/resolved.js';
import { compileDefault } from '../ingest/index.js';
import { QUARANTINE_PREFIX, quarantineDateColumn, type Store } from '../store/index.js';
import { FAIL, typeDefault } from '../types/convert.js';
import { convertSql, quoteIdent } from './convert-sql.js';

/**
 * Copies the live rows of a changed datasource into its staged table, so a schema change never loses
 * data: columns that keep their name are re-encoded to their new type; new columns take their DEFAULT
 * (evaluated once for the copy) or their type's default; dropped columns stay behind with the old table.
 * The quarantine's rows come along the same way.
 */
export function carryOverRows(store: Store, ds: string, stagedTable: string, next: ResolvedDatasource): number {
  const live = store.table(ds);
  if (!live) return 0;
  const oldTypes = new Map(live.def.columns.map((c) => [c.name, c.type]));
  if (!next.columns.some((c) => oldTypes.has(c.name))) return 0;
  const params: unknown[] = [];
  const values = next.columns.map((c) => {
    const oldType = oldTypes.get(c.name);
    if (oldType) return convertSql(quoteIdent(c.name), oldType, c.type);
    params.push(defaultFor(c, next));
    return '?';
  });
  const cols = next.columns.map((c) => quoteIdent(c.name)).join(', ');
  const sql = `INSERT INTO ${quoteIdent(stagedTable)} (${cols}) SELECT ${values.join(', ')} FROM ${quoteIdent(live.physical)}`;
  const quarantine = quarantineCopy(
    live.quarantine,
    stagedTable.replace(/^ds__/, 'q__'),
    [...oldTypes.keys()],
    next.columns.map((c) => c.name),
  );
  return store.transaction((tx) => {
    tx.run(quarantine);
    return tx.run(sql, params).changes;
  });
}

/** Quarantined rows move too: their original values are text, so columns that kept their name copy as is. */
function quarantineCopy(from: string, to: string, oldNames: readonly string[], newNames: readonly string[]): string {
  const kept = newNames.filter((n) => oldNames.includes(n));
  const cols = [...QUARANTINE_PREFIX, ...kept];
  const target = [...cols, quarantineDateColumn(newNames)].map(quoteIdent).join(', ');
  const source = [...cols, quarantineDateColumn(oldNames)].map(quoteIdent).join(', ');
  return `INSERT INTO ${quoteIdent(to)} (${target}) SELECT ${source} FROM ${quoteIdent(from)}`;
}

function defaultFor(column: ResolvedDatasource['columns'][number], ds: ResolvedDatasource): unknown {
  if (column.defaultExpr !== undefined) {
    const compiled = compileDefault(column, ds.columns);
    const value = compiled.supported ? compiled.fn({}) : FAIL;
    if (value !== FAIL) return value;
  }
  return typeDefault(column.type);
}
