import type { AggregateDef } from './aggregates/defs.js';
import type { Combinator, FunctionDef, ResolvedFunction } from './types.js';

/**
 * Name → FunctionDef, plus ClickHouse's aggregate-combinator suffixes: `sumIfState` is sum + [If, State].
 * Case-insensitive functions (count, sum, round, coalesce …) also match any spelling (`COUNT`, `Round`).
 */
const exact = new Map<string, FunctionDef>();
const folded = new Map<string, FunctionDef>();
const all: FunctionDef[] = [];

// Longest first, so `MergeState` is not read as `Merge` + … and `SimpleState` not as `State`.
const SUFFIXES: readonly Combinator[] = [
  'SimpleState',
  'MergeState',
  'OrDefault',
  'Resample',
  'Distinct',
  'ForEach',
  'OrNull',
  'Merge',
  'State',
  'Array',
  'If',
];

export function register(defs: readonly FunctionDef[]): void {
  for (const def of defs) {
    all.push(def);
    for (const name of [def.name, ...(def.aliases ?? [])]) {
      exact.set(name, def);
      if (def.caseInsensitive) folded.set(name.toLowerCase(), def);
    }
  }
}

function findBase(name: string): FunctionDef | undefined {
  return exact.get(name) ?? folded.get(name.toLowerCase());
}

/** Resolves `countIf`, `uniqExactState`, `avgOrNull`, `groupArrayDistinctMerge`, `toStartOfHour` … */
export function lookupFunction(name: string): ResolvedFunction | undefined {
  const direct = findBase(name);
  if (direct) return { def: direct, combinators: [] };
  const combinators: Combinator[] = [];
  let rest = name;
  for (let guard = 0; guard < 6; guard++) {
    const suffix = SUFFIXES.find((s) => rest.endsWith(s) && rest.length > s.length);
    if (!suffix) return undefined;
    rest = rest.slice(0, -suffix.length);
    combinators.unshift(suffix);
    const base = findBase(rest);
    if (base) return base.kind === 'aggregate' ? { def: withCombinatorArity(base, combinators), combinators } : undefined;
  }
  return undefined;
}

/** -Merge and -MergeState take one state, whatever the aggregate's own arity (argMaxMerge(state)). */
function withCombinatorArity(def: FunctionDef, combinators: readonly Combinator[]): FunctionDef {
  const mergeAt = combinators.findIndex((c) => c === 'Merge' || c === 'MergeState');
  if (mergeAt < 0) return def;
  // The compiler adds one argument for any -If; only an -If after -Merge takes one (argMaxMergeIf(state, cond)).
  const arity = 1 + (combinators.slice(mergeAt + 1).includes('If') ? 1 : 0) - (combinators.includes('If') ? 1 : 0);
  return { ...def, minArgs: arity, maxArgs: arity };
}

/** The aggregate behind an AggregateFunction type name (`countIf` → count + If). */
export function lookupAggregate(name: string): { def: AggregateDef; combinators: readonly Combinator[] } | undefined {
  const r = lookupFunction(name);
  return r && r.def.kind === 'aggregate' ? { def: r.def as AggregateDef, combinators: r.combinators } : undefined;
}

export function listFunctions(): readonly FunctionDef[] {
  return all;
}
