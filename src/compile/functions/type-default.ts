import { baseType, type ChType } from '../../types/ast.js';
import { typeDefault as storedDefault } from '../../types/convert-default.js';
import { parseAggName } from './aggregates/emit.js';
import { emptyResult } from './aggregates/udfs.js';
import { lookupAggregate } from './registry.js';

/**
 * The storage-encoded default value of a type: what ClickHouse puts in a LEFT JOIN's unmatched columns
 * and what an empty aggregate state holds. Plain types take src/types' default (0, '', epoch 0, '[]' …);
 * AggregateFunction columns take the empty state of their function, which only this library knows.
 */
export function typeDefault(t: ChType): unknown {
  const b = baseType(t);
  if (t.kind !== 'nullable' && b.kind === 'aggregate' && !b.simple) {
    const { name, params } = parseAggName(b.fn);
    const agg = lookupAggregate(name);
    if (!agg) return 'null';
    const sel = {
      f: agg.def.impl,
      p: params.length ? params : (agg.def.defaultParams ?? []),
      ...(agg.combinators.includes('Distinct') ? { d: 1 as const } : {}),
    };
    return emptyResult(sel, 'state');
  }
  return storedDefault(t);
}
