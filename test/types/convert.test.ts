import { describe, expect, it } from 'vitest';
import { convertValue, typeDefault } from '../../src/types/convert.js';
import { mustParseType } from '../../src/types/index.js';

const conv = (type: string, v: unknown, mode: 'json' | 'text' = 'json') => {
  const r = convertValue(v, mustParseType(type), { mode, column: 'c' });
  return r.ok ? r.value : `ERR ${r.error}`;
};

describe('convertValue: good values', () => {
  it.each<[string, unknown, unknown]>([
    ['UInt8', 255, 255],
    ['Int8', -128, -128],
    ['Int64', 9007199254740993n, 9007199254740993n],
    ['UInt64', 42, 42],
    ['Int128', 5, '5'],
    ['Float32', 0.1, Math.fround(0.1)], // single precision, as ClickHouse stores it (printed back as 0.1)
    ['Float64', -1.5e10, -1.5e10],
    ['Decimal(10, 2)', Math.PI, 3.14],
    ['Decimal(10, 2)', '0.29', 0.29],
    ['Bool', true, 1],
    ['Bool', 0, 0],
    ['String', 'hi', 'hi'],
    ['String', 12, '12'],
    ['String', { a: [1] }, '{"a":[1]}'],
    ['FixedString(3)', 'abc', 'abc'],
    ['FixedString(3)', 'a', 'a\0\0'],
    ['UUID', '6BA7B810-9DAD-11D1-80B4-00C04FD430C8', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'],
    ['UUID', '6ba7b8109dad11d180b400c04fd430c8', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'],
    ['IPv4', '10.0.0.1', '10.0.0.1'],
    ['IPv4', 167772161, '10.0.0.1'],
    ['IPv6', '2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['IPv6', '1.2.3.4', '::ffff:1.2.3.4'],
    ['Date', '2024-01-02', 19724],
    ['Date', 19724, 19724],
    ['Date32', '1960-01-01', -3653],
    ['DateTime', '2024-01-02 03:04:05', 1704164645],
    ['DateTime', '2024-01-02T03:04:05Z', 1704164645],
    ['DateTime', '2024-01-02T05:04:05+02:00', 1704164645],
    ['DateTime', '2024-01-02T03:04:05.999Z', 1704164645],
    ['DateTime', '2024-01-02', 1704153600],
    ['DateTime', 1704164645, 1704164645],
    ['DateTime', '1704164645', 1704164645],
    // digit strings by their count, as ClickHouse's text parser: 13/16/19 digits are ms/µs/ns, 8 are YYYYMMDD
    ['DateTime', '1704164645123', 1704164645],
    ['DateTime64(3)', '1704164645123', 1704164645123],
    ['DateTime64(6)', '1704164645123456', 1704164645123456],
    ['DateTime64(3)', '1704164645123456789', 1704164645123],
    ['DateTime', '20240102', 1704153600],
    ["DateTime('Europe/Madrid')", '2024-01-02 04:04:05', 1704164645],
    ["DateTime('Europe/Madrid')", '2024-07-02 05:04:05', 1719889445],
    ["DateTime('Nowhere/Atlantis')", '2024-01-02 03:04:05', 1704164645],
    ['DateTime64(3)', '2024-01-02 03:04:05.123456', 1704164645123],
    ['DateTime64(3)', '2024-01-02T03:04:05.1Z', 1704164645100],
    ['DateTime64(3)', 1704164645.123, 1704164645123],
    ['DateTime64(6)', '2024-01-02 03:04:05.123456', 1704164645123456],
    ['DateTime64(3)', -1.25, -1250],
    ['DateTime64(3)', '1969-12-31 23:59:59.5', -500],
    ['DateTime64(0)', '2024-01-02 03:04:05.9', 1704164645],
    // JSON integers are ticks, as ClickHouse reads them: Date.now() in a DateTime64(3) is its instant
    ['DateTime64(3)', 1704164645123, 1704164645123],
    ['DateTime64(6)', 1704164645123456, 1704164645123456],
    ['DateTime64(0)', 1704164645, 1704164645],
    ['DateTime64(3)', -1, -1],
    ['DateTime64(9)', 1704164645123456789n, 1704164645123456789n],
    ['Nullable(Int32)', null, null],
    ['LowCardinality(String)', 'x', 'x'],
    ['LowCardinality(Nullable(String))', null, null],
    ["Enum8('a' = 1, 'b' = 2)", 'b', 'b'],
    ["Enum8('a' = 1, 'b' = 2)", 1, 'a'],
    ['Array(String)', ['a', 'b'], '["a","b"]'],
    ['Array(DateTime)', ['2024-01-02 03:04:05'], '[1704164645]'],
    ['Array(Array(Int8))', [[1], []], '[[1],[]]'],
    ['Array(Nullable(Int8))', [1, null], '[1,null]'],
    ['Map(String, UInt8)', { a: 1 }, '{"a":1}'],
    ['Map(UInt16, Date)', { '7': '1970-01-02' }, '{"7":1}'],
    ['Tuple(String, Int8)', ['a', 1], '["a",1]'],
    ['Tuple(a String, b Int8)', { a: 'x', b: 2 }, '["x",2]'],
    ['JSON', { a: { b: 1 } }, '{"a":{"b":1}}'],
    ['JSON', '{"a":1}', '{"a":1}'],
    ['SimpleAggregateFunction(max, DateTime)', '2024-01-02 03:04:05', 1704164645],
  ])('%s ← %s', (type, input, expected) => {
    expect(conv(type, input)).toEqual(expected);
  });
});

describe('convertValue: bad values carry Tinybird-style errors', () => {
  it.each<[string, unknown]>([
    ['UInt8', 256],
    ['UInt8', -1],
    ['Int8', 1.5],
    ['Int16', '3'],
    ['Int64', 'x'],
    ['UInt64', -1],
    ['Float32', ''],
    ['Float64', '1.5'],
    ['Decimal(4, 2)', 100],
    ['Bool', 'true'],
    ['Bool', 2],
    ['FixedString(2)', 'abc'],
    ['UUID', 'not-a-uuid'],
    ['IPv4', '300.1.1.1'],
    ['IPv6', 'zz::'],
    ['Date', '2024-02-30'],
    ['Date', 'yesterday'],
    ['DateTime', '2024-01-02 25:00:00'],
    ['DateTime', '1969-12-31 23:59:59'],
    ['DateTime', true],
    ['DateTime', '99999'],
    ['DateTime64(3)', '17041646451'],
    ['DateTime64(3)', 'soon'],
    // 1704164645 s in milliseconds is past 2299: ticks outside DateTime64's range are rejected
    ['DateTime64(3)', 1704164645123000],
    ["Enum8('a' = 1)", 'z'],
    ["Enum8('a' = 1)", 2],
    ['Array(Int8)', [1, 'x']],
    ['Array(Int8)', [1, null]],
    ['Array(String)', 'a,b'],
    ['Map(String, UInt8)', [1]],
    ['Tuple(String, Int8)', ['a']],
    ['JSON', [1]],
    ['String', null],
    ['Int32', null],
  ])('%s ← %s', (type, input) => {
    const text = typeof input === 'string' ? input : JSON.stringify(input);
    expect(conv(type, input)).toBe(`ERR value '${text}' on column 'c' is not ${type}`);
  });

  it('matches the example in Tinybird docs', () => {
    const r = convertValue('', mustParseType('Float32'), { column: 'abslevel', mode: 'text' });
    expect(r).toEqual({ ok: false, error: "value '' on column 'abslevel' is not Float32" });
  });
});

describe('convertValue: text mode (CSV fields)', () => {
  it.each<[string, string, unknown]>([
    ['Int16', '3', 3],
    ['Int64', '-9223372036854775808', -9223372036854775808n],
    ['UInt64', '18446744073709551615', -1n],
    ['UInt64', '9223372036854775808', -9223372036854775808n],
    ['UInt64', '9223372036854775807', 9223372036854775807n],
    ['Float32', 'nan', Number.NaN],
    ['Float64', '-inf', Number.NEGATIVE_INFINITY],
    ['Float64', '1e3', 1000],
    ['Bool', 'true', 1],
    ['Bool', 'FALSE', 0],
    ['Nullable(Int8)', '', null],
    ['Nullable(Int8)', '\\N', null],
    ['String', '', ''],
    ["Enum8('a' = 1)", '1', 'a'],
    ['Array(String)', "['a','b\\'c']", '["a","b\'c"]'],
    ['Array(UInt8)', '[1, 2]', '[1,2]'],
    ['Map(String, Array(Int8))', "{'k':[1]}", '{"k":[1]}'],
    ['Tuple(Int8, String)', "(1,'x')", '[1,"x"]'],
    ['DateTime', '2024-01-02 03:04:05', 1704164645],
  ])('%s ← %s', (type, input, expected) => {
    expect(conv(type, input, 'text')).toEqual(expected);
  });

  it('rejects an empty number and a bad literal', () => {
    expect(conv('Int8', '', 'text')).toMatch(/^ERR/);
    expect(conv('Array(Int8)', "['a'", 'text')).toMatch(/^ERR/);
    expect(conv('UInt8', '256', 'text')).toMatch(/^ERR/);
  });
});

describe('typeDefault', () => {
  it.each<[string, unknown]>([
    ['String', ''],
    ['UInt64', 0],
    ['Int256', '0'],
    ['Nullable(String)', null],
    ['LowCardinality(String)', ''],
    ['DateTime64(3)', 0],
    ['UUID', '00000000-0000-0000-0000-000000000000'],
    ['Array(String)', '[]'],
    ['Map(String, String)', '{}'],
    ['Tuple(String, UInt8)', '["",0]'],
    ["Enum8('b' = 2, 'a' = 1)", 'a'],
  ])('%s', (type, expected) => {
    expect(typeDefault(mustParseType(type))).toEqual(expected);
  });
});

describe('convertValue: date text as ClickHouse best-effort reads it (test/differential/ingest.test.ts)', () => {
  const ok = (v: unknown, type: string) => convertValue(v, mustParseType(type));
  it('reads YYYY/MM/DD and day-first DD/MM/YYYY date-times', () => {
    expect(ok('2024/01/02 03:04:05', 'DateTime')).toEqual({ ok: true, value: 1704164645 });
    expect(ok('02/01/2024', 'DateTime')).toEqual({ ok: true, value: 1704153600 });
    expect(ok('2024/01/02 03:04:05', 'DateTime64(3)')).toEqual({ ok: true, value: 1704164645000 });
  });
  it('reads YYYYMMDD and YYYY/MM/DD dates, and rejects other digit strings', () => {
    expect(ok('20240102', 'Date')).toEqual({ ok: true, value: 19724 });
    expect(ok('2024/01/02', 'Date')).toEqual({ ok: true, value: 19724 });
    expect(ok('19724', 'Date').ok).toBe(false);
    expect(ok(19724, 'Date')).toEqual({ ok: true, value: 19724 });
  });
});
