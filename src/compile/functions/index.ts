import type { ChType } from '../../types/ast.js';
import type { AggregateDef } from './aggregates/defs.js';
import { AGGREGATES } from './aggregates/defs.js';
import { emitAggregate, lookupHook } from './aggregates/emit.js';
import { ARITH } from './dates/arith.js';
import { CONVERT } from './dates/convert.js';
import { PARTS } from './dates/parts.js';
import { START_OF } from './dates/start-of.js';
import { listFunctions, lookupAggregate, lookupFunction, register } from './registry.js';
import { SCALARS } from './scalars/index.js';
import type { CallInfo, Combinator, EmitContext, ResolvedFunction, UdfHost } from './types.js';
import { installUdfs } from './udf/registry.js';

register([...AGGREGATES, ...START_OF, ...PARTS, ...CONVERT, ...ARITH, ...SCALARS]);
lookupHook.lookup = lookupAggregate;

export { dateAddSql, dateAddType } from './dates/arith.js';
export { typeDefault } from './type-default.js';
export type * from './types.js';
export { listFunctions, lookupFunction };

/**
 * Emits a resolved call, applying aggregate combinators (`sumIf`, `uniqMerge`, `avgOrNull` …), and
 * returns the SQLite SQL with the ClickHouse result type. Scalars with combinators are rejected.
 * @example emitCall(lookupFunction('countIf')!, { params: [], args: [cond] }, ctx) → `count(*) FILTER (WHERE (cond))`
 */
export function emitCall(resolved: ResolvedFunction, call: CallInfo, ctx: EmitContext): { sql: string; type: ChType; small?: true } {
  const { def, combinators } = resolved;
  if (def.kind === 'aggregate') {
    const r = emitAggregate({ def: def as AggregateDef, combinators }, call, ctx);
    return smallResult(resolved, call) ? { ...r, small: true } : r;
  }
  if (combinators.length) return ctx.fail(`${def.name} is not an aggregate function: -${combinators.join('-')} does not apply`);
  if (call.args.length < def.minArgs || call.args.length > def.maxArgs) {
    return ctx.fail(
      `${def.name} expects ${def.minArgs === def.maxArgs ? def.minArgs : `${def.minArgs}..${def.maxArgs}`} arguments, got ${call.args.length}`,
    );
  }
  return { sql: def.emit(call, ctx), type: def.returnType(call), ...(smallResult(resolved, call) ? { small: true } : {}) };
}

/** Combinators after which a small aggregate stays small; -Merge reads stored states, which can hold anything. */
const KEEPS_SMALL = new Set<Combinator>(['If', 'Distinct', 'OrNull', 'OrDefault']);

function smallResult({ def, combinators }: ResolvedFunction, call: CallInfo): boolean {
  return def.small !== undefined && combinators.every((c) => KEEPS_SMALL.has(c)) && def.small(call);
}

/** Registers every `ch_*` UDF and aggregate the emitted SQL calls on a SQLite connection. */
export function registerFunctions(host: UdfHost): void {
  installUdfs(host);
}
