/**
 * Aggregate states in JS. Each aggregate keeps a state that is also its AggregateFunction storage form
 * (JSON text, see `toJson`), so `-State` writes it, `-Merge` reads and merges many, `final` gives the
 * value ClickHouse's plain aggregate returns (already in mk's storage encoding).
 *
 * State formats (stable: they are stored in tables):
 *   count, sum: number · avg: [sum, count] · min/max/any/anyLast: value | null · argMin/argMax: [arg, val] | null
 *   uniq*: array of distinct values (keys) · groupArray: array · groupUniqArray: array · quantile*: all values
 *   topK: [[value, count], …] · var/stddev: [n, mean, m2] · Distinct: array of argument tuples
 */
export interface AggImpl<S = any> {
  init(params: readonly (string | number)[]): S;
  add(s: S, args: readonly unknown[], params: readonly (string | number)[]): S;
  merge(a: S, b: S): S;
  final(s: S, params: readonly (string | number)[]): unknown;
  toJson(s: S): unknown;
  fromJson(j: unknown): S;
}

const id = <T>(x: T): T => x;

const cmp = (a: unknown, b: unknown): number => (a === b ? 0 : (a as number) < (b as number) ? -1 : 1);

const count: AggImpl<number> = {
  init: () => 0,
  add: (s) => s + 1,
  merge: (a, b) => a + b,
  final: id,
  toJson: id,
  fromJson: (j) => Number(j) || 0,
};

const sum: AggImpl<number> = {
  init: () => 0,
  add: (s, [v]) => s + Number(v),
  merge: (a, b) => a + b,
  final: id,
  toJson: id,
  fromJson: (j) => Number(j) || 0,
};

const avg: AggImpl<[number, number]> = {
  init: () => [0, 0],
  add: (s, [v]) => [s[0] + Number(v), s[1] + 1],
  merge: (a, b) => [a[0] + b[0], a[1] + b[1]],
  // 0/0 is NaN, which SQLite stores as NULL: mk's encoding of nan in a non-Nullable Float64.
  final: (s) => (s[1] === 0 ? null : s[0] / s[1]),
  toJson: id,
  fromJson: (j) => (Array.isArray(j) ? [Number(j[0]), Number(j[1])] : [0, 0]),
};

function extreme(sign: 1 | -1): AggImpl<unknown> {
  return {
    init: () => null,
    add: (s, [v]) => (s === null || cmp(v, s) * sign > 0 ? v : s),
    merge: (a, b) => (a === null ? b : b === null ? a : cmp(b, a) * sign > 0 ? b : a),
    final: id,
    toJson: id,
    fromJson: id,
  };
}

const any: AggImpl<unknown> = {
  init: () => null,
  add: (s, [v]) => (s === null ? v : s),
  merge: (a, b) => (a === null ? b : a),
  final: id,
  toJson: id,
  fromJson: id,
};

const anyLast: AggImpl<unknown> = { ...any, add: (_s, [v]) => v, merge: (a, b) => (b === null ? a : b) };

/** argMax/argMin: the first row reaching the extreme wins (ClickHouse leaves ties unspecified). */
function argExtreme(sign: 1 | -1): AggImpl<[unknown, unknown] | null> {
  const better = (a: [unknown, unknown] | null, b: [unknown, unknown] | null) =>
    a === null ? b : b === null ? a : cmp(b[1], a[1]) * sign > 0 ? b : a;
  return {
    init: () => null,
    add: (s, [arg, val]) => better(s, [arg, val]),
    merge: better,
    final: (s) => (s === null ? null : s[0]),
    toJson: id,
    fromJson: (j) => (Array.isArray(j) ? [j[0], j[1]] : null),
  };
}

/** Distinct values; several arguments count distinct tuples. */
const uniq: AggImpl<Set<unknown>> = {
  init: () => new Set(),
  add: (s, args) => s.add(args.length === 1 ? args[0] : JSON.stringify(args)),
  merge: (a, b) => {
    for (const v of b) a.add(v);
    return a;
  },
  final: (s) => s.size,
  toJson: (s) => [...s],
  fromJson: (j) => new Set(Array.isArray(j) ? j : []),
};

const groupArray: AggImpl<unknown[]> = {
  init: () => [],
  add: (s, [v], params) => {
    const max = params[0] === undefined ? Infinity : Number(params[0]);
    if (s.length < max) s.push(v);
    return s;
  },
  merge: (a, b) => a.concat(b),
  final: (s, params) => JSON.stringify(params[0] === undefined ? s : s.slice(0, Number(params[0]))),
  toJson: id,
  fromJson: (j) => (Array.isArray(j) ? j : []),
};

const groupUniqArray: AggImpl<Set<unknown>> = {
  ...uniq,
  add: (s, [v]) => s.add(typeof v === 'object' && v !== null ? JSON.stringify(v) : v),
  final: (s, params) => {
    const vals = [...s].map((v) => (typeof v === 'string' && /^[[{]/.test(v) ? safeParse(v) : v));
    return JSON.stringify(params[0] === undefined ? vals : vals.slice(0, Number(params[0])));
  },
};

function safeParse(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

const values: AggImpl<unknown[]> = {
  init: () => [],
  add: (s, [v]) => {
    s.push(v);
    return s;
  },
  merge: (a, b) => a.concat(b),
  final: (s) => s,
  toJson: id,
  fromJson: (j) => (Array.isArray(j) ? j : []),
};

const sortNumeric = (xs: unknown[]): number[] => xs.map(Number).sort((a, b) => a - b);

/** `quantile` (reservoir sampling, exact below 8192 values): linear interpolation between neighbours. */
export function interpolatedQuantile(sorted: readonly number[], level: number): number | null {
  if (sorted.length === 0) return null;
  const index = level * (sorted.length - 1);
  const left = Math.floor(index);
  const right = Math.min(left + 1, sorted.length - 1);
  const w = index - left;
  const l = sorted[left] as number;
  const r = sorted[right] as number;
  return w === 0 ? l : l + (r - l) * w;
}

/** `quantileExact`: the element at position floor(level * n) of the sorted values, no interpolation. */
export function exactQuantile(sorted: readonly number[], level: number): number | null {
  if (sorted.length === 0) return null;
  const n = level < 1 ? Math.floor(level * sorted.length) : sorted.length - 1;
  return sorted[n] ?? null;
}

const levelOf = (params: readonly (string | number)[]) => (params[0] === undefined ? 0.5 : Number(params[0]));

const quantile: AggImpl<unknown[]> = { ...values, final: (s, p) => interpolatedQuantile(sortNumeric(s), levelOf(p)) };
const quantileExact: AggImpl<unknown[]> = { ...values, final: (s, p) => exactQuantile(sortNumeric(s), levelOf(p)) };
const quantiles: AggImpl<unknown[]> = {
  ...values,
  final: (s, p) => {
    const sorted = sortNumeric(s);
    return JSON.stringify(p.map((l) => interpolatedQuantile(sorted, Number(l)) ?? null));
  },
};
/**
 * `quantileTiming`: for request times in milliseconds. Values count as whole milliseconds, negatives are
 * dropped and anything above 30 s counts as 30 s (checked on ClickHouse 26); then the nearest rank.
 */
const timings = (xs: unknown[]): number[] =>
  sortNumeric(xs.filter((x) => Number(x) >= 0).map((x) => Math.min(30_000, Math.floor(Number(x)))));
const quantileTiming: AggImpl<unknown[]> = { ...values, final: (s, p) => exactQuantile(timings(s), levelOf(p)) };
const quantilesTiming: AggImpl<unknown[]> = {
  ...values,
  final: (s, p) => {
    const sorted = timings(s);
    return JSON.stringify(p.map((l) => exactQuantile(sorted, Number(l)) ?? 0));
  },
};
const quantilesExact: AggImpl<unknown[]> = {
  ...values,
  final: (s, p) => {
    const sorted = sortNumeric(s);
    return JSON.stringify(p.map((l) => exactQuantile(sorted, Number(l)) ?? 0));
  },
};

/** topK(N): exact counts (ClickHouse's Filtered Space-Saving is exact while distinct values stay few). */
const topK: AggImpl<Map<unknown, number>> = {
  init: () => new Map(),
  add: (s, [v]) => s.set(v, (s.get(v) ?? 0) + 1),
  merge: (a, b) => {
    for (const [k, n] of b) a.set(k, (a.get(k) ?? 0) + n);
    return a;
  },
  final: (s, p) => {
    const n = p[0] === undefined ? 10 : Number(p[0]);
    const sorted = [...s.entries()].sort((a, b) => b[1] - a[1]);
    return JSON.stringify(sorted.slice(0, n).map(([k]) => k));
  },
  toJson: (s) => [...s.entries()],
  fromJson: (j) => new Map(Array.isArray(j) ? (j as [unknown, number][]) : []),
};

/** anyHeavy: the most frequent value (ClickHouse's heavy-hitter pick agrees when one value dominates). */
const anyHeavy: AggImpl<Map<unknown, number>> = {
  ...topK,
  final: (s) => {
    let best: unknown = null;
    let bestN = 0;
    for (const [k, n] of s) if (n > bestN) [best, bestN] = [k, n];
    return best;
  },
};

type Moments = [number, number, number];
/** Welford's online moments: [n, mean, m2]; merge uses Chan's parallel formula. */
function moments(final: (n: number, m2: number) => number | null): AggImpl<Moments> {
  return {
    init: () => [0, 0, 0],
    add: ([n, mean, m2], [v]) => {
      const x = Number(v);
      const n1 = n + 1;
      const d = x - mean;
      const mean1 = mean + d / n1;
      return [n1, mean1, m2 + d * (x - mean1)];
    },
    merge: (a, b) => {
      const n = a[0] + b[0];
      if (n === 0) return a;
      const d = b[1] - a[1];
      return [n, a[1] + (d * b[0]) / n, a[2] + b[2] + (d * d * a[0] * b[0]) / n];
    },
    final: ([n, , m2]) => final(n, m2),
    toJson: id,
    fromJson: (j) => (Array.isArray(j) ? [Number(j[0]), Number(j[1]), Number(j[2])] : [0, 0, 0]),
  };
}

const nanIfZero = (x: number, d: number) => (d <= 0 ? null : x / d);

/** groupArrayMovingSum: running sums (window = all values, or the parameter). */
const groupArrayMovingSum: AggImpl<unknown[]> = {
  ...values,
  final: (s, p) => {
    const w = p[0] === undefined ? Infinity : Number(p[0]);
    const out: number[] = [];
    let acc = 0;
    s.forEach((v, i) => {
      acc += Number(v);
      if (i >= w) acc -= Number(s[i - w]);
      out.push(acc);
    });
    return JSON.stringify(out);
  },
};

export const IMPLS: Record<string, AggImpl> = {
  count,
  sum,
  avg,
  min: extreme(-1),
  max: extreme(1),
  any,
  anyLast,
  anyHeavy,
  argMax: argExtreme(1),
  argMin: argExtreme(-1),
  uniq,
  groupArray,
  groupUniqArray,
  groupArrayMovingSum,
  quantile,
  quantileExact,
  quantiles,
  quantilesExact,
  quantileTiming,
  quantilesTiming,
  topK,
  varPop: moments((n, m2) => nanIfZero(m2, n)),
  varSamp: moments((n, m2) => nanIfZero(m2, n - 1)),
  stddevPop: moments((n, m2) => {
    const v = nanIfZero(m2, n);
    return v === null ? null : Math.sqrt(v);
  }),
  stddevSamp: moments((n, m2) => {
    const v = nanIfZero(m2, n - 1);
    return v === null ? null : Math.sqrt(v);
  }),
};

/** Wraps an impl for `-Distinct`: the state keeps distinct argument tuples; the nested aggregate runs at the end. */
export function distinctImpl(inner: AggImpl): AggImpl<Map<string, unknown[]>> {
  const replay = (s: Map<string, unknown[]>, params: readonly (string | number)[]) => {
    let st = inner.init(params);
    for (const args of s.values()) st = inner.add(st, args, params);
    return st;
  };
  return {
    init: () => new Map(),
    add: (s, args) => s.set(JSON.stringify(args), [...args]),
    merge: (a, b) => {
      for (const [k, v] of b) a.set(k, v);
      return a;
    },
    final: (s, params) => inner.final(replay(s, params), params),
    toJson: (s) => [...s.values()],
    fromJson: (j) => new Map((Array.isArray(j) ? (j as unknown[][]) : []).map((args) => [JSON.stringify(args), args])),
  };
}

/** Wraps an impl for `-Array`: each argument is an array; the nested aggregate sees their elements. */
export function arrayImpl(inner: AggImpl): AggImpl {
  return {
    ...inner,
    add: (s, args, params) => {
      const arrays = args as unknown[][];
      const n = Math.max(0, ...arrays.map((a) => (Array.isArray(a) ? a.length : 0)));
      let st = s;
      for (let i = 0; i < n; i++) {
        const el = arrays.map((a) => a[i]);
        if (el.some((x) => x === null || x === undefined)) continue;
        st = inner.add(st, el, params);
      }
      return st;
    },
  };
}
