import { beforeAll, describe, expect, it } from 'vitest';
import { printType } from '../../../src/types/index.js';
import { col, compile, evalAgg, lit, openDb, table } from './harness.js';

const db = openDb();

beforeAll(() => {
  table(
    db,
    't',
    ['g', 'x', 'n', 's', 'd'],
    [
      ['a', 1, 10, 'p', 19000],
      ['a', 2, null, 'q', 19001],
      ['b', 3, 30, 'p', 19002],
      ['b', 4, 40, 'r', 19003],
    ],
  );
  table(db, 'empty', ['x', 'n', 's'], []);
});

const x = col('x', 'Int32');
const n = col('n', 'Nullable(Int32)');
const s = col('s', 'String');
const cond = col('x > 1', 'UInt8');

describe('plain aggregates', () => {
  it.each([
    ['count', [], 4, 'UInt64'],
    ['count', [n], 3, 'UInt64'],
    ['sum', [x], 10, 'Int64'],
    ['sum', [n], 80, 'Nullable(Int64)'],
    ['avg', [x], 2.5, 'Float64'],
    ['min', [x], 1, 'Int32'],
    ['max', [s], 'r', 'String'],
    ['uniq', [s], 3, 'UInt64'],
    ['uniqExact', [s, x], 4, 'UInt64'],
    ['countDistinct', [s], 3, 'UInt64'],
    ['argMax', [s, x], 'r', 'String'],
    ['argMin', [s, x], 'p', 'String'],
    ['any', [s], 'p', 'String'],
    ['anyLast', [s], 'r', 'String'],
    ['groupArray', [x], '[1,2,3,4]', 'Array(Int32)'],
    ['groupUniqArray', [s], '["p","q","r"]', 'Array(String)'],
    ['median', [x], 2.5, 'Float64'],
    ['quantileExact', [x], 3, 'Int32'],
    ['varPop', [x], 1.25, 'Float64'],
    ['stddevSamp', [x], Math.sqrt(5 / 3), 'Float64'],
    ['topK', [s], '["p","q","r"]', 'Array(String)'],
  ] as const)('%s(%j) = %j', (name, args, expected, type) => {
    expect(evalAgg(db, name, [...args])).toEqual(expected);
    expect(printType(compile(name, [...args]).type)).toBe(type);
  });

  it('quantile(0.9) interpolates linearly; quantiles returns an array', () => {
    expect(evalAgg(db, 'quantile', [x], 't', { params: [0.9] })).toBeCloseTo(3.7);
    expect(evalAgg(db, 'quantiles', [x], 't', { params: [0.5, 1] })).toBe('[2.5,4]');
  });
});

describe('empty input (ClickHouse defaults, not NULL)', () => {
  const ex = col('x', 'Int32');
  it.each([
    ['count', [], 0],
    ['sum', [ex], 0],
    ['min', [ex], 0],
    ['max', [col('s', 'String')], ''],
    ['avg', [ex], null], // nan: SQLite stores NaN as NULL
    ['uniq', [ex], 0],
    ['groupArray', [ex], '[]'],
    ['argMax', [ex, ex], 0],
    ['sum', [col('n', 'Nullable(Int32)')], null],
  ] as const)('%s on no rows = %j', (name, args, expected) => {
    expect(evalAgg(db, name, [...args], 'empty')).toEqual(expected);
  });
});

describe('combinators', () => {
  it.each([
    ['countIf', [cond], 3],
    ['sumIf', [x, cond], 9],
    ['uniqIf', [s, cond], 3],
    ['avgIf', [x, cond], 3],
    ['argMaxIf', [s, x, col('x < 4', 'UInt8')], 'p'],
    ['sumDistinct', [col('x % 2', 'Int32')], 1],
    ['groupArrayDistinct', [s], '["p","q","r"]'],
    ['countDistinctIf', [s, cond], 3],
    ['sumArray', [col('json_array(x, 1)', 'Array(Int32)')], 14],
    ['avgOrNull', [x], 2.5],
    ['minOrNull', [x], 1],
  ] as const)('%s = %j', (name, args, expected) => {
    expect(evalAgg(db, name, [...args])).toEqual(expected);
  });

  it('-If over no matching rows gives 0, -OrNull gives NULL', () => {
    const none = col('x > 100', 'UInt8');
    expect(evalAgg(db, 'countIf', [none])).toBe(0);
    expect(evalAgg(db, 'sumIf', [x, none])).toBe(0);
    expect(evalAgg(db, 'avgOrNull', [col('x', 'Int32')], 'empty')).toBe(null);
    expect(evalAgg(db, 'sumOrNull', [col('x', 'Int32')], 'empty')).toBe(null);
    expect(evalAgg(db, 'countOrNull', [], 'empty')).toBe(null);
    expect(evalAgg(db, 'avgOrDefault', [col('x', 'Int32')], 'empty')).toBe(0);
  });

  it('SimpleState is the plain value typed SimpleAggregateFunction', () => {
    const c = compile('maxSimpleState', [x]);
    expect(printType(c.type)).toBe('SimpleAggregateFunction(max, Int32)');
    expect(evalAgg(db, 'maxSimpleState', [x])).toBe(4);
  });
});

describe('State → Merge round trips equal the direct aggregate', () => {
  const cases: [string, unknown[], unknown, number[]?][] = [
    ['count', [], 4],
    ['countIf', [cond], 3],
    ['sum', [x], 10],
    ['avg', [x], 2.5],
    ['min', [s], 'p'],
    ['max', [x], 4],
    ['uniq', [s], 3],
    ['uniqExact', [x], 4],
    ['uniqCombined', [s], 3],
    ['argMax', [s, x], 'r'],
    ['argMin', [s, x], 'p'],
    ['any', [s], 'p'],
    ['groupArray', [x], '[1,2,3,4]'],
    ['groupArrayDistinct', [s], '["p","q","r"]'],
    ['quantile', [x], 2.5, [0.5]],
    ['topK', [s], '["p","q","r"]'],
    ['stddevPop', [x], Math.sqrt(1.25)],
    ['countDistinct', [s], 3],
  ];
  it.each(cases)('%s', (name, args, expected, params) => {
    const extra = params ? { params } : {};
    const state = compile(`${name}State`, args as never, extra);
    expect(printType(state.type)).toMatch(/^AggregateFunction\(/);
    db.exec('DROP TABLE IF EXISTS st');
    db.exec(`CREATE TABLE st AS SELECT g, ${state.sql} AS s FROM t GROUP BY g`);
    const stateArg = col('s', printType(state.type));
    const base = name.replace(/If$/, '');
    const mergeName = name.endsWith('If') ? `${name}Merge` : `${base}Merge`;
    expect(evalAgg(db, mergeName, [stateArg], 'st', extra)).toEqual(expected);
    // MergeState then Merge gives the same answer.
    const ms = compile(`${base}MergeState`, [stateArg], extra);
    db.exec('DROP TABLE IF EXISTS st2');
    db.exec(`CREATE TABLE st2 AS SELECT ${ms.sql} AS s FROM st`);
    expect(evalAgg(db, mergeName, [col('s', printType(state.type))], 'st2', extra)).toEqual(expected);
  });

  it('merging no states gives the empty result', () => {
    table(db, 'nostates', ['s'], []);
    expect(evalAgg(db, 'countMerge', [col('s', 'AggregateFunction(count)')], 'nostates')).toBe(0);
    expect(evalAgg(db, 'uniqMerge', [col('s', 'AggregateFunction(uniq, String)')], 'nostates')).toBe(0);
    expect(evalAgg(db, 'sumMerge', [col('s', 'AggregateFunction(sum, Int32)')], 'nostates')).toBe(0);
  });

  it('merge result types come from the AggregateFunction type', () => {
    expect(printType(compile('sumMerge', [col('s', 'AggregateFunction(sum, Int32)')]).type)).toBe('Int64');
    expect(printType(compile('argMaxMerge', [col('s', 'AggregateFunction(argMax, String, DateTime)')]).type)).toBe('String');
    expect(printType(compile('countIfMerge', [col('s', 'AggregateFunction(countIf, UInt8)')]).type)).toBe('UInt64');
    expect(printType(compile('quantilesMerge', [col('s', 'AggregateFunction(quantiles(0.5, 0.9), Float64)')]).type)).toBe('Array(Float64)');
  });
});

describe('windows', () => {
  it('native aggregates take OVER', () => {
    const c = compile('sum', [x], { over: '(ORDER BY x)' });
    const rows = db.prepare(`SELECT ${c.sql} AS r FROM t ORDER BY x`).all() as { r: number }[];
    expect(rows.map((r) => r.r)).toEqual([1, 3, 6, 10]);
  });
});

void lit;
