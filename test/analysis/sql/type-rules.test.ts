import { describe, expect, it } from 'vitest';
import { arithmeticType, literalType, scalarSubqueryType, supertype } from '../../../src/analysis/sql/type-rules.js';
import { mustParseType } from '../../../src/types/parse.js';
import { printType } from '../../../src/types/print.js';

const ty = mustParseType;
const show = (t: Parameters<typeof printType>[0]) => printType(t);

describe('ClickHouse type rules (checked against chdb)', () => {
  it('types literals by the smallest type that holds them', () => {
    expect([1, 300, 70000, -1, -200, 1.5, 'x', true, null].map((v) => show(literalType(v)))).toEqual([
      'UInt8',
      'UInt16',
      'UInt32',
      'Int8',
      'Int16',
      'Float64',
      'String',
      'Bool',
      'Nullable(Nothing)',
    ]);
  });

  it('widens arithmetic one size and makes / Float64', () => {
    expect(show(arithmeticType('+', ty('UInt8'), ty('UInt8')))).toBe('UInt16');
    expect(show(arithmeticType('-', ty('UInt8'), ty('UInt8')))).toBe('Int16');
    expect(show(arithmeticType('*', ty('Int32'), ty('UInt64')))).toBe('Int64');
    expect(show(arithmeticType('/', ty('UInt8'), ty('UInt8')))).toBe('Float64');
    expect(show(arithmeticType('%', ty('Int8'), ty('UInt8')))).toBe('Int16');
    expect(show(arithmeticType('%', ty('UInt32'), ty('UInt8')))).toBe('UInt8');
    expect(show(arithmeticType('+', ty('Date'), ty('UInt8')))).toBe('Date');
    expect(show(arithmeticType('-', ty('DateTime'), ty('DateTime')))).toBe('Int32');
    expect(show(arithmeticType('+', ty('Nullable(Int32)'), ty('UInt8')))).toBe('Nullable(Int64)');
  });

  it('finds common types of branches', () => {
    expect(show(supertype([ty('UInt8'), ty('Int8')]))).toBe('Int16');
    expect(show(supertype([ty('UInt8'), ty('UInt32')]))).toBe('UInt32');
    expect(show(supertype([ty('UInt8'), ty('Float32')]))).toBe('Float64');
    expect(show(supertype([ty('String'), ty('Nullable(Nothing)')]))).toBe('Nullable(String)');
    expect(show(supertype([ty('LowCardinality(String)'), ty('LowCardinality(String)')]))).toBe('LowCardinality(String)');
    expect(show(supertype([ty('Date'), ty('DateTime')]))).toBe('DateTime');
  });

  it('finds common types of arrays element-wise (an empty array gives way)', () => {
    expect(show(supertype([ty('Array(Nothing)'), ty('Array(String)')]))).toBe('Array(String)');
    expect(show(supertype([ty('Array(Array(UInt8))'), ty('Array(Array(UInt16))')]))).toBe('Array(Array(UInt16))');
    expect(show(supertype([ty('Array(UInt8)'), ty('Array(Nullable(Nothing))')]))).toBe('Array(Nullable(UInt8))');
  });

  it('makes scalar subqueries Nullable where ClickHouse can', () => {
    expect(show(scalarSubqueryType(ty('UInt64')))).toBe('Nullable(UInt64)');
    expect(show(scalarSubqueryType(ty('Array(UInt8)')))).toBe('Array(UInt8)');
  });
});
