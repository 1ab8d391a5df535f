import { storageClass } from '../types/encoding.js';
import type { TableDef } from './types.js';

/** Quotes an SQLite identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Physical names of generation `gen` of datasource `name`: `ds__events__3`, `q__events__3`. */
export function physicalNames(name: string, gen: number): { physical: string; quarantine: string } {
  return { physical: `ds__${name}__${gen}`, quarantine: `q__${name}__${gen}` };
}

/** Matches the physical names mk creates, to find which tables a query reads. */
export const PHYSICAL_NAME_RE = /\b(?:ds|q)__[A-Za-z0-9_]+?__\d+\b/g;

/** The quarantine table's columns before the original ones, as on Tinybird. */
export const QUARANTINE_PREFIX = ['c__error_column', 'c__error', 'c__import_id'] as const;

/**
 * The quarantine's last column, when the row landed: `insertion_date` as on Tinybird, unless the
 * datasource has a column of that name (its original value is kept under it), then `c__insertion_date`.
 */
export function quarantineDateColumn(columnNames: readonly string[]): string {
  return columnNames.includes('insertion_date') ? 'c__insertion_date' : 'insertion_date';
}

/**
 * DDL for a datasource: the table (columns in the SQLite class of their storage encoding), an index
 * on the sorting key's plain columns (ORDER BY and range filters use it), and the quarantine table.
 */
export function createStatements(def: TableDef, physical: string, quarantine: string): string[] {
  const cols = def.columns.map((c) => `${ident(c.name)} ${storageClass(c.type)}`);
  const names = new Set(def.columns.map((c) => c.name));
  const keyCols = def.engine.sortingKey.map((k) => k.trim().replace(/^`(.*)`$/, '$1')).filter((k) => names.has(k));
  const qcols = [
    'c__error_column TEXT',
    'c__error TEXT',
    'c__import_id TEXT',
    ...def.columns.map((c) => `${ident(c.name)} TEXT`),
    `${quarantineDateColumn(def.columns.map((c) => c.name))} INTEGER`,
  ];
  const out = [`CREATE TABLE ${ident(physical)} (${cols.join(', ')})`, `CREATE TABLE ${ident(quarantine)} (${qcols.join(', ')})`];
  if (keyCols.length > 0) out.push(`CREATE INDEX ${ident(`${physical}__sk`)} ON ${ident(physical)} (${keyCols.map(ident).join(', ')})`);
  return out;
}

export function dropStatements(physical: string, quarantine: string): string[] {
  return [`DROP TABLE IF EXISTS ${ident(physical)}`, `DROP TABLE IF EXISTS ${ident(quarantine)}`];
}
