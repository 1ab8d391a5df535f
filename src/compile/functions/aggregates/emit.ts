import { baseType, type ChType, isNullable, T } from '../../../types/ast.js';
import { isJsonEncoded } from '../../../types/encoding.js';
import { printType } from '../../../types/print.js';
import { sqlLiteral } from '../define.js';
import type { CallInfo, Combinator, EmitContext, EmittedArg } from '../types.js';
import { isSmall, mayBeHuge, u64RealSql } from '../uint64.js';
import { type AggregateDef, emitHook } from './defs.js';
import { type AggMods, aggCall, defaultSql } from './native.js';
import { emptyResult, type Selector } from './udfs.js';

/** Aggregates ClickHouse rejects for text arguments (sum(String) is ILLEGAL_TYPE_OF_ARGUMENT, not 0). */
const NUMERIC_ONLY = new Set([
  'sum',
  'avg',
  'quantile',
  'quantiles',
  'varPop',
  'varSamp',
  'stddevPop',
  'stddevSamp',
  'groupArrayMovingSum',
]);

/** Resolves an aggregate name (with combinators) for states read by -Merge; set by the registry. */
export const lookupHook: { lookup?: (name: string) => { def: AggregateDef; combinators: readonly Combinator[] } | undefined } = {};

interface Plan {
  readonly def: AggregateDef;
  readonly combinators: readonly Combinator[];
}

/**
 * Emits an aggregate call with its combinators. Modes: direct, -State (JSON state text), -SimpleState
 * (the plain value typed SimpleAggregateFunction), -Merge / -MergeState (read states). -If becomes a
 * FILTER clause, -Distinct/DISTINCT a distinct set, -Array unnests array arguments, -OrNull/-OrDefault
 * and Nullable arguments decide what an empty group returns.
 */
export function emitAggregate(plan: Plan, call: CallInfo, ctx: EmitContext): { sql: string; type: ChType } {
  const combs = plan.combinators;
  const mergeAt = combs.findIndex((c) => c === 'Merge' || c === 'MergeState');
  if (mergeAt >= 0) return emitMerge(plan, call, ctx, mergeAt);

  const { def } = plan;
  const ifCount = combs.filter((c) => c === 'If').length;
  const args = unsignedKeys(def.name, call.args.slice(0, call.args.length - ifCount));
  const conds = call.args.slice(call.args.length - ifCount);
  if (args.length < def.minArgs || args.length > def.maxArgs) ctx.fail(`${def.name}: wrong number of arguments (${args.length})`);
  const isArray = combs.includes('Array');
  const distinct = combs.includes('Distinct') || call.distinct === true;
  const params = call.params.length ? call.params : (def.defaultParams ?? []);
  const valueTypes = args.map((a) => {
    const b = baseType(a.type);
    return isArray && b.kind === 'array' ? baseType(b.element) : b;
  });
  if (NUMERIC_ONLY.has(def.impl)) {
    const text = valueTypes.find((b) => ['string', 'fixedstring', 'uuid'].includes(b.kind));
    if (text) ctx.fail(`Illegal type ${printType(text)} of argument for aggregate function ${def.name} (ILLEGAL_TYPE_OF_ARGUMENT)`);
  }
  const nullableInput = def.nullable && args.some((a) => isNullable(a.type));
  const orNull = combs.includes('OrNull') || nullableInput;
  const orDefault = combs.includes('OrDefault');
  const valueType = def.result(valueTypes, params);
  const filter = conds.length ? conds.map((c) => `(${c.sql})`).join(' AND ') : undefined;
  const over = call.over;
  const small = args.length === 1 && !isArray && isSmall(args[0]!);
  const mods: AggMods = {
    ...(filter ? { filter } : {}),
    distinct,
    ...(over ? { over } : {}),
    nullIfEmpty: orNull,
    ...(small ? { small } : {}),
  };

  if (combs.includes('State')) {
    const fnName = def.name + combs.filter((c) => c !== 'State').join('');
    const type: ChType = { kind: 'aggregate', simple: false, fn: withParams(fnName, call.params), args: call.args.map((a) => a.type) };
    const native = def.native && !isArray && !(distinct && args.length > 1) && !distinct;
    if (native && def.native)
      return {
        sql: def.native.state(
          args.map((a) => a.sql),
          { ...mods, nullIfEmpty: false },
        ),
        type,
      };
    const sel = selector(def, params, args, isArray, distinct);
    return { sql: jsAggregate('ch_agg_state', sel, args, mods, ctx, 'state'), type };
  }

  const resultType = orNull ? T.nullable(valueType) : valueType;
  const type: ChType = combs.includes('SimpleState')
    ? { kind: 'aggregate', simple: true, fn: withParams(def.name, call.params), args: [valueType] }
    : resultType;
  const useNative = def.native && !isArray && !(distinct && args.length !== 1);
  let sql: string;
  if (useNative && def.native) {
    sql = def.native.direct(
      args.map((a) => (def.name === 'avg' && mayBeHuge(a) ? u64RealSql(a) : a.sql)),
      mods,
      valueType,
    );
    // count and native min/max/sum already return NULL on empty when nullIfEmpty; count needs the wrapper.
    if (orNull && def.name === 'count') sql = emptyGuard(sql, args, mods, 'NULL');
  } else {
    sql = jsAggregate('ch_agg', selector(def, params, args, isArray, distinct), args, mods, ctx, 'final', emptyFallback(def, valueType));
    if (orNull) sql = emptyGuard(sql, args, mods, 'NULL');
  }
  if (orDefault) sql = emptyGuard(sql, args, mods, defaultSql(valueType));
  return { sql, type };
}

function emitMerge(plan: Plan, call: CallInfo, ctx: EmitContext, mergeAt: number): { sql: string; type: ChType } {
  const { def, combinators } = plan;
  const stateArg = call.args[0];
  if (!stateArg) return ctx.fail(`${def.name}Merge needs a state argument`);
  const after = combinators.slice(mergeAt + 1);
  const filter = after.includes('If') && call.args[1] ? call.args[1].sql : undefined;
  const source = stateSource(def, combinators.slice(0, mergeAt), stateArg.type);
  const params = call.params.length ? call.params : source.params.length ? source.params : (def.defaultParams ?? []);
  const valueType = def.result(source.args, params);
  const mods: AggMods = { ...(filter ? { filter } : {}), distinct: false, ...(call.over ? { over: call.over } : {}), nullIfEmpty: false };
  const isState = combinators[mergeAt] === 'MergeState';
  const native = def.native && !source.distinct && !source.array;
  const sel = selectorFor(def, params, source.jsonArgs, source.array, source.distinct);
  if (isState) {
    const type: ChType =
      baseType(stateArg.type).kind === 'aggregate'
        ? baseType(stateArg.type)
        : { kind: 'aggregate', simple: false, fn: def.name, args: source.args };
    const sql =
      native && def.native
        ? def.native.mergeState(stateArg.sql, mods, valueType)
        : jsAggregate('ch_agg_merge_state', sel, [stateArg], mods, ctx, 'state');
    return { sql, type };
  }
  const sql =
    native && def.native
      ? def.native.merge(stateArg.sql, mods, valueType)
      : jsAggregate('ch_agg_merge', sel, [stateArg], mods, ctx, 'final', emptyFallback(def, valueType));
  return { sql, type: valueType };
}

interface StateSource {
  readonly args: readonly ChType[];
  readonly params: readonly (string | number)[];
  readonly jsonArgs: readonly boolean[];
  readonly distinct: boolean;
  readonly array: boolean;
}

/** What produced a state: from the AggregateFunction type when known, else from the -Merge name itself. */
function stateSource(def: AggregateDef, before: readonly Combinator[], stateType: ChType): StateSource {
  const b = baseType(stateType);
  let combs = before;
  let argTypes: readonly ChType[] = [];
  let params: readonly (string | number)[] = [];
  if (b.kind === 'aggregate' && !b.simple) {
    const parsed = parseAggName(b.fn);
    params = parsed.params;
    const resolved = lookupHook.lookup?.(parsed.name);
    if (resolved) combs = [...new Set([...combs, ...resolved.combinators])];
    const ifs = combs.filter((c) => c === 'If').length;
    argTypes = b.args.slice(0, b.args.length - ifs);
  } else {
    // Unknown state type: assume a Float64 argument (only the result type of sum/min/max/argMax depends on it).
    argTypes = def.minArgs > 0 ? Array.from({ length: def.minArgs }, () => T.float64) : [];
  }
  const array = combs.includes('Array');
  const args = argTypes.map((t) => {
    const bt = baseType(t);
    return array && bt.kind === 'array' ? baseType(bt.element) : bt;
  });
  return { args, params, jsonArgs: argTypes.map((t) => isJsonEncoded(t)), distinct: combs.includes('Distinct'), array };
}

/** `quantiles(0.5, 0.9)` → name `quantiles`, params [0.5, 0.9]. */
export function parseAggName(fn: string): { name: string; params: (string | number)[] } {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$/s.exec(fn);
  if (!m) return { name: fn, params: [] };
  const params = (m[2] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => (Number.isFinite(Number(p)) ? Number(p) : p.replace(/^'(.*)'$/s, '$1')));
  return { name: m[1] as string, params };
}

/**
 * argMax/argMin compare their key in JS, where a UInt64 stored negative (≥ 2^63) would rank low: the
 * key goes as its 20-digit zero-padded text, which sorts as the unsigned numbers do.
 */
function unsignedKeys(name: string, args: readonly EmittedArg[]): readonly EmittedArg[] {
  const key = args[1];
  if ((name !== 'argMax' && name !== 'argMin') || !key || !mayBeHuge(key)) return args;
  const text = `printf('%020llu', ${key.sql})`;
  const sql = isNullable(key.type) ? `(CASE WHEN ${key.sql} IS NULL THEN NULL ELSE ${text} END)` : text;
  return [args[0]!, { ...key, sql, type: isNullable(key.type) ? T.nullable(T.string) : T.string }, ...args.slice(2)];
}

function withParams(name: string, params: readonly (string | number)[]): string {
  return params.length ? `${name}(${params.map((p) => (typeof p === 'number' ? String(p) : `'${p}'`)).join(', ')})` : name;
}

function selector(
  def: AggregateDef,
  params: readonly (string | number)[],
  args: readonly EmittedArg[],
  array: boolean,
  distinct: boolean,
): Selector {
  return selectorFor(
    def,
    params,
    args.map((a) => isJsonEncoded(a.type)),
    array,
    distinct,
  );
}

function selectorFor(
  def: AggregateDef,
  params: readonly (string | number)[],
  json: readonly boolean[],
  array: boolean,
  distinct: boolean,
): Selector {
  const j = json.flatMap((isJson, i) => (isJson ? [i] : []));
  return {
    f: def.impl,
    p: params,
    ...(j.length ? { j } : {}),
    ...(distinct ? { d: 1 as const } : {}),
    ...(array ? { a: 1 as const } : {}),
  };
}

/** `COALESCE(ch_agg('{…}', x) FILTER (WHERE c), <empty result>)` */
function jsAggregate(
  fn: string,
  sel: Selector,
  args: readonly EmittedArg[],
  m: AggMods,
  ctx: EmitContext,
  mode: 'final' | 'state',
  fallback?: string,
): string {
  if (m.over) return ctx.fail(`${sel.f} cannot be used as a window function in mk yet`);
  // -Merge reads states, so the selector's JSON flags describe the state's source, not this argument.
  const sql = aggCall(fn, [sqlLiteral(JSON.stringify(sel)), ...args.map((a) => a.sql)], { ...m, distinct: false });
  const empty = emptyResult(sel, mode);
  if (empty === null || empty === undefined) return fallback ? `COALESCE(${sql}, ${fallback})` : sql;
  return `COALESCE(${sql}, ${typeof empty === 'number' ? String(empty) : sqlLiteral(String(empty))})`;
}

/** `CASE WHEN count(*) FILTER (WHERE cond AND args NOT NULL) > 0 THEN agg ELSE fallback END` */
function emptyGuard(sql: string, args: readonly EmittedArg[], m: AggMods, fallback: string): string {
  const conds = [...(m.filter ? [m.filter] : []), ...args.map((a) => `(${a.sql}) IS NOT NULL`)];
  const counter = aggCall('count', ['*'], {
    distinct: false,
    ...(conds.length ? { filter: conds.join(' AND ') } : {}),
    ...(m.over ? { over: m.over } : {}),
  });
  return `CASE WHEN ${counter} > 0 THEN ${sql} ELSE ${fallback} END`;
}

/** Aggregates whose empty result is nan (NULL in storage); the others return their type's default. */
const NAN_WHEN_EMPTY = new Set(['avg', 'quantile', 'quantileTiming', 'varPop', 'varSamp', 'stddevPop', 'stddevSamp']);

function emptyFallback(def: AggregateDef, valueType: ChType): string | undefined {
  return NAN_WHEN_EMPTY.has(def.impl) ? undefined : defaultSql(valueType);
}

emitHook.emit = (def, call, ctx) => emitAggregate({ def, combinators: [] }, call, ctx);
