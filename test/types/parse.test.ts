import { describe, expect, it } from 'vitest';
import { parseType, printType, storageClass } from '../../src/types/index.js';

describe('parseType', () => {
  it.each([
    ['String', 'String'],
    ['UInt64', 'UInt64'],
    ['Int8', 'Int8'],
    ['LowCardinality(String)', 'LowCardinality(String)'],
    ['Nullable(DateTime64(3))', 'Nullable(DateTime64(3))'],
    ["DateTime('UTC')", "DateTime('UTC')"],
    ["DateTime64(6, 'Europe/Madrid')", "DateTime64(6, 'Europe/Madrid')"],
    ['Array(Nullable(String))', 'Array(Nullable(String))'],
    ['Map(String, Array(UInt8))', 'Map(String, Array(UInt8))'],
    ['Tuple(a String, b Int32)', 'Tuple(a String, b Int32)'],
    ["Enum8('a' = 1, 'b' = -2)", "Enum8('a' = 1, 'b' = -2)"],
    ['Decimal(10, 2)', 'Decimal(10, 2)'],
    ['AggregateFunction(uniq, String)', 'AggregateFunction(uniq, String)'],
    ['AggregateFunction(quantiles(0.5, 0.9), Float64)', 'AggregateFunction(quantiles(0.5, 0.9), Float64)'],
    ['SimpleAggregateFunction(max, DateTime)', 'SimpleAggregateFunction(max, DateTime)'],
    ['  Bool ', 'Bool'],
    ['DateTime64', 'DateTime64(3)'],
    ['JSON(max_dynamic_types = 4, max_dynamic_paths=16)', 'JSON'],
    ['int', 'Int32'],
    ['BIGINT', 'Int64'],
    ['Double', 'Float64'],
  ])('%s', (text, printed) => {
    const r = parseType(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(printType(r.type)).toBe(printed);
  });

  it.each([
    ['Strin', "Unknown type 'Strin'"],
    ['Array(String', 'Invalid type'],
    ['String(3)', 'takes no arguments'],
    ["DateTime64('UTC')", 'takes a precision'],
  ])('rejects %s', (text, message) => {
    const r = parseType(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(message);
  });

  it('chooses storage classes', () => {
    const cls = (t: string) => {
      const r = parseType(t);
      if (!r.ok) throw new Error(r.error.message);
      return storageClass(r.type);
    };
    expect(cls('DateTime')).toBe('INTEGER');
    expect(cls('Nullable(Float32)')).toBe('REAL');
    expect(cls('Array(String)')).toBe('TEXT');
    expect(cls('SimpleAggregateFunction(sum, UInt64)')).toBe('INTEGER');
    expect(cls('AggregateFunction(sum, UInt64)')).toBe('TEXT');
  });
});
