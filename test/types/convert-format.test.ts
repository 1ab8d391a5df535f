import { describe, expect, it } from 'vitest';
import { compileConverter, FAIL } from '../../src/types/convert.js';
import { formatValue } from '../../src/types/format.js';
import { mustParseType } from '../../src/types/index.js';

const fmt = (type: string, stored: unknown) => formatValue(stored, mustParseType(type));

describe('formatValue', () => {
  it.each<[string, unknown, unknown]>([
    ['DateTime', 1704164645, '2024-01-02 03:04:05'],
    ["DateTime('Europe/Madrid')", 1704164645, '2024-01-02 04:04:05'],
    ['Date', 19724, '2024-01-02'],
    ['Date32', -3653, '1960-01-01'],
    ['DateTime64(3)', 1704164645123, '2024-01-02 03:04:05.123'],
    ['DateTime64(3)', -500, '1969-12-31 23:59:59.500'],
    ['DateTime64(6)', 1704164645000001, '2024-01-02 03:04:05.000001'],
    ['UInt64', 18446744073709551615n, 18446744073709551615n],
    ['Int64', 5n, 5],
    ['Int128', '170141183460469231731687303715884105727', 170141183460469231731687303715884105727n],
    ['Bool', 1, true],
    ['Bool', 0, false],
    ['Float64', Number.POSITIVE_INFINITY, null],
    ['Float32', 0.5, 0.5],
    ['Nullable(DateTime)', null, null],
    ['Array(DateTime)', '[1704164645]', ['2024-01-02 03:04:05']],
    ['Map(String, Date)', '{"a":19724}', { a: '2024-01-02' }],
    ['Tuple(String, Bool)', '["x",1]', ['x', true]],
    ['Tuple(a String, b Bool)', '["x",0]', { a: 'x', b: false }],
    ['JSON', '{"a":[1]}', { a: [1] }],
    ['LowCardinality(String)', 'x', 'x'],
    ["Enum8('a' = 1)", 'a', 'a'],
  ])('%s %s', (type, stored, expected) => {
    expect(fmt(type, stored)).toEqual(expected);
  });

  it('round-trips conversions for every common type', () => {
    const cases: [string, unknown][] = [
      ['DateTime', '2024-01-02 03:04:05'],
      ['DateTime64(3)', '2024-01-02 03:04:05.120'],
      ['Date', '2024-02-29'],
      ['Array(Nullable(String))', ['a', null]],
      ['Map(String, Array(UInt8))', { k: [1, 2] }],
      ['UUID', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'],
    ];
    for (const [type, input] of cases) {
      const t = mustParseType(type);
      const stored = compileConverter(t)(input);
      expect(stored).not.toBe(FAIL);
      expect(formatValue(stored, t)).toEqual(input);
    }
  });
});
