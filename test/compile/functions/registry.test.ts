import { describe, expect, it } from 'vitest';
import { lookupFunction, typeDefault } from '../../../src/compile/functions/index.js';
import { compile, evalScalar, lit, openDb, ty } from './harness.js';

describe('lookupFunction', () => {
  it.each([
    ['countIf', 'count', ['If']],
    ['sumIfState', 'sum', ['If', 'State']],
    ['countStateIf', 'count', ['State', 'If']],
    ['uniqExactState', 'uniqExact', ['State']],
    ['sumMergeState', 'sum', ['MergeState']],
    ['avgOrNull', 'avg', ['OrNull']],
    ['groupArrayDistinctMerge', 'groupArray', ['Distinct', 'Merge']],
    ['anySimpleState', 'any', ['SimpleState']],
    ['COUNTDistinctState', 'countDistinct', ['State']],
    ['MINSimpleState', 'min', ['SimpleState']],
    ['CountMerge', 'count', ['Merge']],
    ['sumArray', 'sum', ['Array']],
    ['toStartOfHour', 'toStartOfHour', []],
    ['ROUND', 'round', []],
    ['toTimezone', 'toTimeZone', []],
  ])('%s → %s %j', (name, base, combinators) => {
    const r = lookupFunction(name);
    expect(r?.def.name).toBe(base);
    expect(r?.combinators).toEqual(combinators);
  });

  it('unknown names and combinators on scalars do not resolve', () => {
    expect(lookupFunction('noSuchFunction')).toBeUndefined();
    expect(lookupFunction('toStartOfHourIf')).toBeUndefined();
    expect(lookupFunction('tostartofhour')).toBeUndefined(); // case-sensitive in ClickHouse
  });

  it('wrong arity is reported through ctx.fail', () => {
    expect(() => compile('toStartOfHour', [])).toThrow(/expects/);
  });
});

describe('typeDefault', () => {
  it.each([
    ['UInt64', 0],
    ['String', ''],
    ['Nullable(String)', null],
    ['LowCardinality(String)', ''],
    ['Date', 0],
    ['DateTime64(3)', 0],
    ['Array(String)', '[]'],
    ['Map(String, UInt8)', '{}'],
    ['Tuple(String, Array(UInt8))', '["",[]]'],
    ['UUID', '00000000-0000-0000-0000-000000000000'],
    ['AggregateFunction(count)', '0'],
    ['AggregateFunction(avg, Float64)', '[0,0]'],
    ['AggregateFunction(uniq, String)', '[]'],
    ['AggregateFunction(argMax, String, DateTime)', 'null'],
    ['SimpleAggregateFunction(max, UInt32)', 0],
  ])('%s → %j', (type, expected) => {
    expect(typeDefault(ty(type))).toEqual(expected);
  });

  it('empty states merge to the empty result', () => {
    const db = openDb();
    const state = typeDefault(ty('AggregateFunction(uniq, String)')) as string;
    expect(evalScalar(db, 'length', [lit(state, 'Array(String)')])).toBe(0);
  });
});
