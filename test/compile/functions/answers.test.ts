import { describe, expect, it } from 'vitest';
import type { EmittedArg } from '../../../src/compile/functions/types.js';
import { printType } from '../../../src/types/index.js';
import { col, compile, evalScalar, lit, openDb, ty } from './harness.js';

/** Values and types the differential suite found different from ClickHouse 26.7, now its answers. */
const db = openDb();
const str = (v: string) => lit(v, 'String');
const NULL = lit(null, 'Nullable(Nothing)');
const J = (json: string) => str(json);
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86400000;

type Case = readonly [string, readonly EmittedArg[], unknown, string];
describe('values and types', () => {
  it.each<Case>([
    ['toDateOrNull', [str('2024-13-01')], 0, 'Nullable(Date)'], // impossible month: the zero date
    ['toDateOrNull', [str('2024-02-30')], days('2024-03-01'), 'Nullable(Date)'],
    ['toDateOrNull', [str('2024-1-5')], days('2024-01-05'), 'Nullable(Date)'],
    ['toDateOrNull', [str('x')], null, 'Nullable(Date)'],
    ['toString', [{ sql: '(-0.0)', type: ty('Float64') }], '-0', 'String'],
    ['toString', [lit(1e20, 'Float64')], '100000000000000000000', 'String'],
    ['toString', [lit(1e21, 'Float64')], '1e21', 'String'],
    ['JSONExtractString', [J('{"n":1.50}'), str('n')], '1.5', 'String'],
    ['JSONExtractString', [J('{"n":true}'), str('n')], 'true', 'String'],
    ['JSONExtractString', [J('{"n":[1, 2]}'), str('n')], '[1,2]', 'String'],
    ['JSONExtractString', [J('{"n":null}'), str('n')], '', 'String'],
    ['JSONExtractUInt', [J('{"n":-3}'), str('n')], 0, 'UInt64'],
    ['JSONExtractUInt', [J('{"n":"5"}'), str('n')], 5, 'UInt64'],
    ['JSONExtractInt', [J('{"n":true}'), str('n')], 0, 'Int64'],
    ['JSONExtractFloat', [J('{"n":true}'), str('n')], 0, 'Float64'],
    ['JSONExtract', [J('{"n":true}'), str('n'), str('Int64')], 1, 'Int64'],
    ['JSONExtract', [J('{"n":-3}'), str('n'), str('UInt64')], 0, 'UInt64'],
    ['concat', [str('x'), NULL], null, 'Nullable(Nothing)'],
    ['toString', [NULL], null, 'Nullable(Nothing)'],
    ['arrayUniq', [lit('[1,1,2]', 'Array(UInt8)')], 2, 'UInt32'],
    ['nullIf', [{ sql: "''", type: ty('LowCardinality(String)') }, str('')], null, 'LowCardinality(Nullable(String))'],
  ])('%s(%j)', (name, args, expected, type) => {
    expect(evalScalar(db, name, [...args])).toEqual(expected);
    expect(printType(compile(name, [...args]).type)).toBe(type);
  });

  it('arrayCount is UInt32', () => {
    const gt1 = {
      sql: '',
      type: ty('UInt8'),
      lambda: { params: ['x'], body: ([x]: readonly EmittedArg[]) => ({ sql: `(${x!.sql} > 1)`, type: ty('UInt8') }) },
    };
    const c = compile('arrayCount', [gt1 as EmittedArg, lit('[1,2,3]', 'Array(UInt8)')]);
    expect(printType(c.type)).toBe('UInt32');
  });
});

describe('lag / lead defaults', () => {
  db.exec('CREATE TABLE lg (v INTEGER, n INTEGER); INSERT INTO lg VALUES (10, NULL), (20, 5), (30, NULL)');
  const run = (name: string, args: EmittedArg[]) => {
    const c = compile(name, args, { over: '(ORDER BY v)' });
    return (db.prepare(`SELECT ${c.sql} AS r FROM lg ORDER BY v`).all() as { r: unknown }[]).map((r) => r.r);
  };
  it('gives the type default outside the partition', () => {
    expect(run('lagInFrame', [col('v', 'UInt32')])).toEqual([0, 10, 20]);
    expect(run('leadInFrame', [col('v', 'UInt32')])).toEqual([20, 30, 0]);
    expect(run('lag', [col('v', 'UInt32'), lit(2, 'UInt8')])).toEqual([0, 0, 10]);
    expect(run('lagInFrame', [col('v', 'UInt32'), lit(1, 'UInt8'), lit(-1, 'Int32')])).toEqual([-1, 10, 20]);
  });
  it('keeps NULL values inside the partition, and NULL as the default of Nullable', () => {
    expect(run('leadInFrame', [col('n', 'Nullable(Int32)')])).toEqual([5, null, null]);
  });
});

describe('-Merge takes one state whatever the aggregate arity', () => {
  it.each([
    // The compiler adds one argument for any -If: argMaxMergeIf(state, cond) is 2, countIfMerge(state) is 1.
    ['argMaxMerge', 1, 1],
    ['argMaxMergeIf', 1, 1],
    ['countIfMerge', 0, 0],
  ] as const)('%s', async (name, min, max) => {
    const { lookupFunction } = await import('../../../src/compile/functions/index.js');
    const r = lookupFunction(name)!;
    expect([r.def.minArgs, r.def.maxArgs]).toEqual([min, max]);
  });
});

describe('aggregates ClickHouse rejects for text', () => {
  it.each(['sum', 'avg', 'quantile', 'sumIf'])('%s(String) is ILLEGAL_TYPE_OF_ARGUMENT', (name) => {
    const args = name.endsWith('If') ? [col('s', 'String'), col('c', 'UInt8')] : [col('s', 'String')];
    expect(() => compile(name, args)).toThrow(/Illegal type String of argument for aggregate function/);
  });
  it('still sums numbers and counts strings', () => {
    expect(printType(compile('sum', [col('n', 'Int32')]).type)).toBe('Int64');
    expect(printType(compile('count', [col('s', 'String')]).type)).toBe('UInt64');
  });
});
