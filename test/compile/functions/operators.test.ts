import { describe, expect, it } from 'vitest';
import type { EmittedArg } from '../../../src/compile/functions/types.js';
import { printType } from '../../../src/types/index.js';
import { compile, evalScalar, lit, openDb } from './harness.js';

const db = openDb();
const n = (v: number, type: string) => lit(v, type);

type Case = readonly [string, readonly EmittedArg[], unknown, string];
function table(cases: readonly Case[]) {
  it.each(cases)('%s(%j)', (name, args, expected, type) => {
    expect(evalScalar(db, name, [...args])).toEqual(expected);
    expect(printType(compile(name, [...args]).type)).toBe(type);
  });
}

describe('operator functions (ClickHouse 26 answers)', () => {
  table([
    ['negate', [n(5, 'UInt8')], -5, 'Int16'],
    ['negate', [n(2, 'Int32')], -2, 'Int32'],
    ['negate', [n(3, 'UInt64')], -3, 'Int64'],
    ['plus', [n(1, 'UInt8'), n(2, 'UInt8')], 3, 'UInt16'],
    ['plus', [n(2, 'UInt32'), n(2, 'Int32')], 4, 'Int64'],
    ['plus', [n(19723, 'Date'), n(1, 'UInt8')], 19724, 'Date'],
    ['minus', [n(5, 'UInt8'), n(3, 'UInt8')], 2, 'Int16'],
    ['minus', [n(19723, 'Date'), n(19723, 'Date')], 0, 'Int32'],
    ['plus', [n(1704068100, 'DateTime'), n(1, 'IntervalDay')], 1704154500, 'DateTime'], // calendar arithmetic
    ['minus', [n(19723, 'Date'), n(1, 'IntervalMonth')], 19692, 'Date'],
    ['plus', [n(2, 'IntervalHour'), n(1704068100, 'DateTime')], 1704075300, 'DateTime'],
    ['multiply', [n(2, 'UInt8'), n(3, 'UInt8')], 6, 'UInt16'],
    ['multiply', [n(20, 'Float64'), n(2, 'UInt8')], 40, 'Float64'],
    ['divide', [n(1, 'UInt8'), n(4, 'UInt8')], 0.25, 'Float64'],
    ['abs', [n(-3, 'Int8')], 3, 'UInt8'],
    ['abs', [n(-2.5, 'Float64')], 2.5, 'Float64'],
    ['modulo', [n(7, 'UInt8'), n(3, 'UInt8')], 1, 'UInt8'],
    ['modulo', [n(-7, 'Int8'), n(3, 'UInt8')], -1, 'Int16'],
    ['modulo', [n(7, 'UInt8'), n(-3, 'Int8')], 1, 'UInt8'],
    ['modulo', [n(-1, 'Int32'), n(3, 'UInt8')], -1, 'Int16'],
  ]);
  it('modulo by an integer zero is an error, as in ClickHouse', () => {
    expect(() => evalScalar(db, 'modulo', [n(1, 'UInt8'), n(0, 'UInt8')])).toThrow(/ILLEGAL_DIVISION/);
  });
});

describe('bit functions', () => {
  table([
    ['bitAnd', [n(12, 'UInt8'), n(10, 'UInt8')], 8, 'UInt8'],
    ['bitOr', [n(12, 'UInt8'), n(10, 'UInt8')], 14, 'UInt8'],
    ['bitXor', [n(12, 'UInt8'), n(10, 'UInt8')], 6, 'UInt8'],
    ['bitXor', [n(-1, 'Int8'), n(1, 'UInt8')], -2, 'Int8'],
    ['bitAnd', [n(-1, 'Int32'), n(3, 'UInt8')], 3, 'Int32'],
    ['bitOr', [n(4, 'UInt32'), n(256, 'UInt16')], 260, 'UInt32'],
    ['bitNot', [n(5, 'UInt8')], 250, 'UInt8'],
    ['bitShiftLeft', [n(1, 'UInt8'), n(4, 'UInt8')], 16, 'UInt8'],
    ['bitShiftLeft', [n(1, 'UInt8'), n(9, 'UInt8')], 0, 'UInt8'],
    ['bitShiftLeft', [n(4, 'UInt32'), n(40, 'UInt8')], 0, 'UInt32'],
    ['bitShiftLeft', [n(1, 'Int64'), n(63, 'UInt8')], -(2 ** 63), 'Int64'],
    ['bitShiftRight', [n(1024, 'UInt16'), n(3, 'UInt8')], 128, 'UInt16'],
    ['bitTest', [n(5, 'UInt8'), n(0, 'UInt8')], 1, 'UInt8'],
    ['bitCount', [n(255, 'UInt8')], 8, 'UInt8'],
    ['bitCount', [n(-1, 'Int8')], 8, 'UInt8'],
  ]);
});

describe('math constants and roots', () => {
  table([
    ['e', [], Math.E, 'Float64'],
    ['cbrt', [n(27, 'UInt8')], 3, 'Float64'],
    ['cbrt', [n(-27, 'Int8')], -3, 'Float64'],
    ['exp2', [n(3, 'UInt8')], 8, 'Float64'],
  ]);
});

describe('integer conversions wrap like ClickHouse', () => {
  table([
    ['toUInt8', [n(-1, 'Int8')], 255, 'UInt8'],
    ['toInt8', [n(200, 'UInt8')], -56, 'Int8'],
    ['toUInt32', [n(-1, 'Int8')], 4294967295, 'UInt32'],
    ['toUInt16', [n(65537, 'UInt32')], 1, 'UInt16'],
    ['toUInt8', [n(3.7, 'Float64')], 3, 'UInt8'],
    ['toInt32', [n(7, 'UInt8')], 7, 'Int32'],
    ['toUInt8', [lit('-1', 'String')], 255, 'UInt8'],
    // UInt64 keeps the bits (two's complement in the storage encoding): -1 is stored for 2^64 - 1.
    ['toUInt64', [n(-1, 'Int8')], -1, 'UInt64'],
  ]);
});
