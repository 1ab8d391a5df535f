import { baseType, type ChType, T } from '../../../types/ast.js';
import type { CallInfo, EmitContext, FunctionDef } from '../types.js';
import { isSmall } from '../uint64.js';
import { NATIVE, type NativeAgg } from './native.js';

/** An aggregate: its JS impl (always, for states and combinators) and an optional native SQLite fast path. */
export interface AggregateDef extends FunctionDef {
  readonly kind: 'aggregate';
  /** Key of the JS implementation in IMPLS. */
  readonly impl: string;
  /** Result type for non-Nullable argument types (bases) and parameters. */
  readonly result: (args: readonly ChType[], params: readonly (string | number)[]) => ChType;
  /** Nullable arguments make the result Nullable (NULL when no non-NULL row). False for count, uniq, groupArray. */
  readonly nullable: boolean;
  readonly native?: NativeAgg;
  /** Parameters to use when none are written (`median` = quantile(0.5)). */
  readonly defaultParams?: readonly (string | number)[];
}

interface AggSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly ci?: boolean;
  readonly min: number;
  readonly max: number;
  readonly impl?: string;
  readonly result: (args: readonly ChType[], params: readonly (string | number)[]) => ChType;
  readonly nullable?: boolean;
  readonly native?: NativeAgg;
  readonly defaultParams?: readonly (string | number)[];
  /** When the result is below 2^63: always (counts), or when the value argument is (sum, min, any…). */
  readonly small?: 'always' | 'arg';
}

// Filled in by combinators.ts (which imports this module) to avoid an import cycle.
export const emitHook: { emit?: (def: AggregateDef, call: CallInfo, ctx: EmitContext) => { sql: string; type: ChType } } = {};

function agg(spec: AggSpec): AggregateDef {
  const def: AggregateDef = {
    name: spec.name,
    ...(spec.aliases ? { aliases: spec.aliases } : {}),
    ...(spec.ci ? { caseInsensitive: true } : {}),
    kind: 'aggregate',
    minArgs: spec.min,
    maxArgs: spec.max,
    impl: spec.impl ?? spec.name,
    result: spec.result,
    nullable: spec.nullable ?? true,
    ...(spec.native ? { native: spec.native } : {}),
    ...(spec.defaultParams ? { defaultParams: spec.defaultParams } : {}),
    ...(spec.small
      ? { small: spec.small === 'always' ? () => true : (call: CallInfo) => call.args[0] !== undefined && isSmall(call.args[0]) }
      : {}),
    returnType: (call) => must(emitHook.emit)(def, call, failingCtx).type,
    emit: (call, ctx) => must(emitHook.emit)(def, call, ctx).sql,
  };
  return def;
}

function must<T>(x: T | undefined): T {
  if (!x) throw new Error('mk: aggregate emitter not initialised');
  return x;
}

const failingCtx: EmitContext = {
  bind: () => '?',
  fail: (m) => {
    throw new Error(m);
  },
};

/** sum widens: signed ints → Int64, unsigned → UInt64, floats → Float64, Decimal(P,S) → Decimal(38,S). */
export function sumType(t: ChType | undefined): ChType {
  const b = t ? baseType(t) : T.int64;
  if (b.kind === 'int') return b.bits > 64 ? b : b.signed ? T.int64 : T.uint64;
  if (b.kind === 'bool') return T.uint64;
  if (b.kind === 'decimal') return { kind: 'decimal', precision: 38, scale: b.scale };
  return T.float64;
}

const first = (args: readonly ChType[]): ChType => args[0] ?? T.nothing;
const u64 = () => T.uint64;
const f64 = () => T.float64;
/** quantile of dates keeps the date type; of numbers is Float64. */
const quantileType = (args: readonly ChType[]): ChType => {
  const k = first(args).kind;
  return k === 'date' || k === 'date32' || k === 'datetime' || k === 'datetime64' ? first(args) : T.float64;
};

const UNIQ_NAMES = ['uniqExact', 'uniqCombined', 'uniqCombined64', 'uniqHLL12', 'uniqTheta', 'countDistinct'] as const;

export const AGGREGATES: readonly AggregateDef[] = [
  agg({ name: 'count', ci: true, min: 0, max: Infinity, result: u64, nullable: false, native: NATIVE.count, small: 'always' }),
  // A sum of values ≥ 0 stays ≥ 0: past 2^63 SQLite's sum() raises `integer overflow` rather than wrap.
  agg({
    name: 'sum',
    ci: true,
    aliases: ['sumWithOverflow'],
    min: 1,
    max: 1,
    result: (a) => sumType(a[0]),
    native: NATIVE.sum,
    small: 'arg',
  }),
  agg({ name: 'avg', ci: true, min: 1, max: 1, result: f64, native: NATIVE.avg }),
  agg({ name: 'min', ci: true, min: 1, max: 1, result: first, native: NATIVE.min, small: 'arg' }),
  agg({ name: 'max', ci: true, min: 1, max: 1, result: first, native: NATIVE.max, small: 'arg' }),
  agg({ name: 'any', ci: true, aliases: ['any_value', 'first_value_respect_nulls'], min: 1, max: 1, result: first, small: 'arg' }),
  agg({ name: 'anyLast', min: 1, max: 1, result: first, small: 'arg' }),
  agg({ name: 'anyHeavy', min: 1, max: 1, result: first, small: 'arg' }),
  agg({ name: 'argMax', min: 2, max: 2, result: first, small: 'arg' }),
  agg({ name: 'argMin', min: 2, max: 2, result: first, small: 'arg' }),
  agg({ name: 'uniq', min: 1, max: Infinity, result: u64, nullable: false, small: 'always' }),
  // countDistinct is case-insensitive so `COUNTDistinctState` reads as countDistinct + State, not count + Distinct.
  ...UNIQ_NAMES.map((name) =>
    agg({ name, ci: name === 'countDistinct', min: 1, max: Infinity, impl: 'uniq', result: u64, nullable: false, small: 'always' }),
  ),
  agg({ name: 'groupArray', min: 1, max: 1, result: (a) => T.array(first(a)), nullable: false }),
  agg({ name: 'groupUniqArray', min: 1, max: 1, result: (a) => T.array(first(a)), nullable: false }),
  agg({ name: 'groupArrayMovingSum', min: 1, max: 1, result: (a) => T.array(sumType(a[0])), nullable: false }),
  agg({ name: 'quantile', min: 1, max: 1, result: quantileType, defaultParams: [0.5] }),
  agg({ name: 'quantileTiming', min: 1, max: 1, result: () => T.float32, defaultParams: [0.5] }),
  agg({ name: 'quantilesTiming', min: 1, max: 1, result: () => T.array(T.float32) }),
  ...['quantileTDigest', 'quantileDeterministic', 'quantileBFloat16', 'quantileInterpolatedWeighted'].map((name) =>
    agg({ name, min: 1, max: 2, impl: 'quantile', result: quantileType, defaultParams: [0.5] }),
  ),
  agg({ name: 'median', min: 1, max: 1, impl: 'quantile', result: quantileType, defaultParams: [0.5] }),
  agg({ name: 'medianExact', min: 1, max: 1, impl: 'quantileExact', result: first, defaultParams: [0.5] }),
  agg({ name: 'quantileExact', min: 1, max: 1, result: first, defaultParams: [0.5] }),
  agg({ name: 'quantiles', min: 1, max: 1, result: () => T.array(T.float64) }),
  agg({ name: 'quantilesTDigest', min: 1, max: 1, impl: 'quantiles', result: () => T.array(T.float64) }),
  agg({ name: 'quantilesExact', min: 1, max: 1, result: (a) => T.array(first(a)) }),
  agg({ name: 'topK', min: 1, max: 1, result: (a) => T.array(first(a)), nullable: false }),
  agg({ name: 'varPop', ci: true, aliases: ['VAR_POP'], min: 1, max: 1, result: f64 }),
  agg({ name: 'varSamp', ci: true, aliases: ['VAR_SAMP', 'variance'], min: 1, max: 1, result: f64 }),
  agg({ name: 'stddevPop', ci: true, aliases: ['STDDEV_POP', 'std'], min: 1, max: 1, result: f64 }),
  agg({ name: 'stddevSamp', ci: true, aliases: ['STDDEV_SAMP', 'stddev'], min: 1, max: 1, result: f64 }),
];
