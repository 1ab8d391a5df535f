import type { ResolvedDatasource } from '../analysis/project/resolved.js';
import { parseJsonPath } from '../ingest/jsonpath.js';
import type { SqlHints } from './hints.js';
import { jsonKeyValue, placeKey } from './strings.js';
import { distinctIds, NO_VALUE, seededRng, type ValueContext, valueFor } from './values.js';

export interface GeneratedRows {
  /** NDJSON, one object per row, shaped by the columns' JSONPaths. */
  readonly ndjson: string;
  readonly rows: number;
  /** Columns left out (AggregateFunction states, which only materialized views produce). */
  readonly skipped: readonly string[];
}

type Step = NonNullable<ReturnType<typeof parseJsonPath>>[number];

/**
 * Generates `count` rows of plausible values for every column of a datasource, seeded by its name so
 * runs repeat; `hints` (what the project's SQL compares, casts and reads out of JSON) steer the values.
 * Each value is placed where the column's JSONPath reads it (`$.a.b`, `$.items[:].id`), so the rows go
 * through the same ingestion path as real events. A column that keeps the whole row (`json:$`) gets the
 * JSON keys the SQL reads placed in the row itself.
 */
export function generateRows(ds: ResolvedDatasource, count: number, now: number, hints?: SqlHints): GeneratedRows {
  const rng = seededRng(ds.name);
  const distinct = distinctIds(count);
  const wholeRow = ds.columns.some((c) => c.jsonPath?.trim() === '$');
  const skipped = new Set<string>();
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = {};
    if (wholeRow) fillReadKeys(row, { column: '', rng, now, distinct, ...(hints ? { hints } : {}) });
    for (const column of ds.columns) {
      const steps = parseJsonPath(column.jsonPath ?? `$.${column.name}`);
      if (!steps || steps.length === 0) continue; // `$` keeps the whole row: nothing to place.
      const value = valueFor(column.type, { column: column.name, rng, now, distinct, ...(hints ? { hints } : {}) });
      if (value === NO_VALUE) {
        skipped.add(column.name);
        continue;
      }
      place(row, steps, value);
    }
    lines.push(JSON.stringify(row));
  }
  return { ndjson: `${lines.join('\n')}\n`, rows: count, skipped: [...skipped] };
}

/** The keys the project's SQL reads out of JSON text, placed in a row kept whole as JSON. */
function fillReadKeys(row: Record<string, unknown>, ctx: ValueContext): void {
  const keys = [...(ctx.hints?.jsonKeys ?? [])].sort((a, b) => a.path.length - b.path.length);
  for (const key of keys) placeKey(row, key.path, jsonKeyValue(key.hint, key.path.at(-1)!, ctx));
}

/** Sets `value` at the path; `[:]` spreads an array value over the elements of an array of objects. */
function place(target: unknown, steps: readonly Step[], value: unknown): void {
  const [step, ...rest] = steps;
  if (!step || target === null || typeof target !== 'object') return;
  const container = target as Record<string | number, unknown>;
  if (step.kind === 'each') return;
  const key = step.kind === 'key' ? step.key : Math.max(step.index, 0);
  if (rest.length === 0) {
    container[key] ??= value;
    return;
  }
  const next = rest[0]!;
  if (next.kind === 'each') {
    const items = Array.isArray(value) ? value : [value];
    if (rest.length === 1) {
      container[key] ??= items;
      return;
    }
    if (!Array.isArray(container[key])) container[key] = [];
    const list = container[key] as unknown[];
    items.forEach((item, i) => {
      list[i] ??= {};
      place(list[i], rest.slice(1), item);
    });
    return;
  }
  if (container[key] === undefined || container[key] === null || typeof container[key] !== 'object') {
    container[key] = next.kind === 'index' ? [] : {};
  }
  if (next.kind === 'index' && Array.isArray(container[key])) {
    const list = container[key] as unknown[];
    while (list.length <= next.index) list.push(rest.length === 1 ? null : {});
  }
  place(container[key], rest, value);
}
