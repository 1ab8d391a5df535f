import { normalizeResult, udaf } from '../udf/registry.js';
import { type AggImpl, arrayImpl, distinctImpl, IMPLS } from './impls.js';

/**
 * Four SQLite aggregates drive every JS-backed ClickHouse aggregate. The first argument is a selector
 * (JSON text mk writes at compile time) naming the impl, its parameters and flags:
 *   ch_agg(sel, args…)          → the final value          (`uniq(x)`)
 *   ch_agg_state(sel, args…)    → the state as JSON text   (`uniqState(x)`)
 *   ch_agg_merge(sel, state)    → the final value          (`uniqMerge(s)`)
 *   ch_agg_merge_state(sel, s)  → the merged state         (`uniqMergeState(s)`)
 * With no input rows these return NULL and the emitted SQL supplies the empty result (COALESCE).
 */
export interface Selector {
  /** impl key in IMPLS */
  readonly f: string;
  readonly p: readonly (string | number)[];
  /** indices of arguments that arrive as JSON text (arrays, maps, tuples) and must be parsed */
  readonly j?: readonly number[];
  readonly d?: 1;
  readonly a?: 1;
}

interface Resolved {
  readonly sel: Selector;
  readonly impl: AggImpl;
}

const cache = new Map<string, Resolved>();

export function resolveSelector(text: string): Resolved {
  let r = cache.get(text);
  if (!r) {
    const sel = JSON.parse(text) as Selector;
    const base = IMPLS[sel.f];
    if (!base) throw new Error(`mk: unknown aggregate impl ${sel.f}`);
    let impl = base;
    if (sel.a) impl = arrayImpl(impl);
    if (sel.d) impl = distinctImpl(impl);
    r = { sel, impl };
    cache.set(text, r);
  }
  return r;
}

/** The finalized value or state of an empty aggregate, for the COALESCE in emitted SQL. */
export function emptyResult(sel: Selector, mode: 'final' | 'state'): unknown {
  const { impl } = resolveSelector(JSON.stringify(sel));
  const s = impl.init(sel.p);
  return mode === 'final' ? impl.final(s, sel.p) : JSON.stringify(impl.toJson(s));
}

interface Total {
  r?: Resolved;
  s?: unknown;
}

const start = (): Total => ({});

function ensure(t: Total, selText: string): Resolved {
  if (!t.r) {
    t.r = resolveSelector(selText);
    t.s = t.r.impl.init(t.r.sel.p);
  }
  return t.r;
}

function stepArgs(t: Total, selText: string, args: unknown[]): Total {
  const r = ensure(t, selText);
  // ClickHouse aggregates skip rows where an argument is NULL.
  for (const a of args) if (a === null || a === undefined) return t;
  const parsed = r.sel.j ? args.map((a, i) => (r.sel.j?.includes(i) && typeof a === 'string' ? JSON.parse(a) : a)) : args;
  t.s = r.impl.add(t.s, parsed, r.sel.p);
  return t;
}

function stepMerge(t: Total, selText: string, state: unknown): Total {
  const r = ensure(t, selText);
  if (state === null || state === undefined || state === '') return t;
  const other = r.impl.fromJson(typeof state === 'string' ? JSON.parse(state) : state);
  t.s = r.impl.merge(t.s, other);
  return t;
}

/** Float-valued finals stay REAL even when integral (avg 2.0, quantile 3.0). */
const REAL_FINALS = new Set(['avg', 'quantile', 'varPop', 'varSamp', 'stddevPop', 'stddevSamp']);
const final = (t: Total) => (t.r ? normalizeResult(stored(t.r.impl.final(t.s, t.r.sel.p)), REAL_FINALS.has(t.r.sel.f)) : null);

/** A value picked from a parsed JSON argument (`argMax(tags, ts)` of an Array) goes back as JSON text. */
function stored(v: unknown): unknown {
  return v !== null && typeof v === 'object' && !Buffer.isBuffer(v) ? JSON.stringify(v) : v;
}
const state = (t: Total) => (t.r ? JSON.stringify(t.r.impl.toJson(t.s)) : null);

export const AGG = udaf({
  name: 'ch_agg',
  raw: true,
  start,
  step: (t: Total, sel: string, ...args: unknown[]) => stepArgs(t, sel, args),
  result: final,
});
export const AGG_STATE = udaf({
  name: 'ch_agg_state',
  start,
  step: (t: Total, sel: string, ...args: unknown[]) => stepArgs(t, sel, args),
  result: state,
});
export const AGG_MERGE = udaf({
  name: 'ch_agg_merge',
  raw: true,
  start,
  step: (t: Total, sel: string, s: unknown) => stepMerge(t, sel, s),
  result: final,
});
export const AGG_MERGE_STATE = udaf({
  name: 'ch_agg_merge_state',
  start,
  step: (t: Total, sel: string, s: unknown) => stepMerge(t, sel, s),
  result: state,
});
