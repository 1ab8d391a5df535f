import { describe, expect, it } from 'vitest';
import { compileRowConverter, convertCsv, convertNdjson, type IngestColumn } from '../../src/ingest/index.js';
import { mustParseType } from '../../src/types/index.js';

const col = (name: string, type: string, extra: Partial<IngestColumn> = {}): IngestColumn => ({
  name,
  type: mustParseType(type),
  ...extra,
});

const columns = [
  col('ts', 'DateTime', { jsonPath: '$.timestamp' }),
  col('user_id', 'String', { jsonPath: '$.user.id' }),
  col('tags', 'Array(String)', { jsonPath: '$.tags[:]' }),
  col('amount', 'Float64', { defaultExpr: '0' }),
  col('note', 'Nullable(String)'),
];

describe('convertNdjson', () => {
  it('lands good rows and quarantines bad ones, with original values and errors', () => {
    const rows = compileRowConverter(columns);
    const body = [
      '{"timestamp":"2024-01-02 03:04:05","user":{"id":"u1"},"tags":["a"],"amount":1.5,"note":"hi"}',
      '{"timestamp":"nope","user":{"id":7},"tags":[],"amount":"x"}',
      'not json',
      '{"timestamp":1704164645,"user":{"id":"u2"},"tags":["b","c"]}',
      '',
      '{"timestamp":1704164645,"tags":[]}',
    ].join('\n');
    const { good, bad } = convertNdjson(body, rows);
    expect(good).toEqual([
      [1704164645, 'u1', '["a"]', 1.5, 'hi'],
      [1704164645, 'u2', '["b","c"]', 0, null],
    ]);
    expect(bad).toHaveLength(3);
    expect(bad[0]).toEqual({
      errorColumns: ['ts', 'amount'],
      errors: ["value 'nope' on column 'ts' is not DateTime", "value 'x' on column 'amount' is not Float64"],
      values: ['nope', '7', '[]', 'x', null],
    });
    expect(bad[1]!.errors[0]).toMatch(/^invalid JSON: .* in line: not json$/);
    expect(bad[2]).toEqual({
      errorColumns: ['user_id'],
      errors: ["missing value on column 'user_id' (String is not Nullable and has no DEFAULT)"],
      values: ['1704164645', null, '[]', null, null],
    });
  });

  it('accepts a single pretty-printed JSON object', () => {
    const rows = compileRowConverter([col('a', 'UInt8'), col('b', 'String')]);
    expect(convertNdjson('{\n  "a": 1,\n  "b": "x"\n}\n', rows)).toEqual({ good: [[1, 'x']], bad: [] });
  });

  it('keeps the whole row text for json:$ and treats null on a non-Nullable as missing', () => {
    const rows = compileRowConverter([col('data', 'String', { jsonPath: '$' }), col('n', 'UInt8', { defaultExpr: '7' })]);
    const line = '{"n": null, "x": [1, 2]}';
    expect(convertNdjson(line, rows).good).toEqual([[line, 7]]);
  });

  it('evaluates literal, function and column DEFAULTs, and defers others to the hook', () => {
    const before = Math.floor(Date.now() / 1000);
    const rows = compileRowConverter(
      [
        col('id', 'UUID', { defaultExpr: "toUUID('00000000-0000-0000-0000-000000000001')" }),
        col('at', 'DateTime', { defaultExpr: 'now()' }),
        col('day', 'Date', { defaultExpr: 'today()' }),
        col('label', 'LowCardinality(String)', { defaultExpr: "'thing'" }),
        col('list', 'Array(String)', { defaultExpr: '[]' }),
        col('flag', 'Bool', { defaultExpr: 'false' }),
        col('copy', 'DateTime', { defaultExpr: 'at' }),
        col('odd', 'UInt32', { defaultExpr: 'length(label) * 2' }),
      ],
      { evaluateDefault: (expr, _c, row) => (expr === 'length(label) * 2' ? String(row.label).length * 2 : null) },
    );
    expect(rows.diagnostics).toEqual([]);
    const [r] = convertNdjson('{}', rows).good;
    expect(r![0]).toBe('00000000-0000-0000-0000-000000000001');
    expect(r![1]).toBeGreaterThanOrEqual(before);
    expect(r![2]).toBe(Math.floor(Date.now() / 86400000));
    expect(r!.slice(3)).toEqual(['thing', '[]', 0, r![1], 10]);
  });

  it('reports DEFAULTs it cannot evaluate and falls back to the type default', () => {
    const rows = compileRowConverter([col('x', 'UInt8', { defaultExpr: 'rand() % 3' })]);
    expect(rows.diagnostics.map((d) => d.code)).toEqual(['MK5002']);
    expect(convertNdjson('{}', rows).good).toEqual([[0]]);
  });
});

describe('convertCsv', () => {
  const rows = compileRowConverter([col('d', 'Date'), col('station', 'String'), col('abslevel', 'Float32'), col('n', 'Nullable(Int8)')]);

  it('converts by position without a header and quarantines bad fields', () => {
    const { good, bad } = convertCsv('2014-07-30,"Siurana, Cornudella",11.57,\n2014-07-31,x,,3\n', rows);
    expect(good).toEqual([[16281, 'Siurana, Cornudella', Math.fround(11.57), null]]);
    expect(bad).toEqual([
      { errorColumns: ['abslevel'], errors: ["value '' on column 'abslevel' is not Float32"], values: ['2014-07-31', 'x', '', '3'] },
    ]);
  });

  it('maps by name when the first line is a header', () => {
    expect(convertCsv('station,d,abslevel\nx,2014-07-30,1\n', rows).good).toEqual([[16281, 'x', 1, null]]);
  });
});

describe('64-bit integers in NDJSON', () => {
  it('keeps integers beyond 2^53 exact', () => {
    const rows = compileRowConverter([
      col('id', 'UInt64'),
      col('s', 'Int64'),
      col('raw', 'String'),
      col('f', 'Float64'),
      col('u', 'UInt8'),
    ]);
    const line =
      '{"id": 18446744073709551615, "s": -9223372036854775808, "raw": {"id": 1234567890123456789}, "f": 12345678901234567, "u": 1234567890123456789}';
    const { good, bad } = convertNdjson(`${line}\n{"id":1,"s":2,"raw":"x","f":1,"u":1}`, rows);
    expect(good).toEqual([[1, 2, 'x', 1, 1]]);
    expect(bad).toEqual([
      {
        errorColumns: ['u'],
        errors: ["value '1234567890123456789' on column 'u' is not UInt8"],
        values: ['18446744073709551615', '-9223372036854775808', '{"id":1234567890123456789}', '12345678901234567', '1234567890123456789'],
      },
    ]);
    const ok = convertNdjson(line.replace('"u": 1234567890123456789', '"u": 7'), rows).good[0]!;
    // UInt64 beyond Int64's max is stored two's complement: 2^64 - 1 as -1.
    expect(ok.slice(0, 3)).toEqual([-1n, -9223372036854775808n, '{"id":1234567890123456789}']);
    expect(ok[3]).toBe(12345678901234567);
  });

  it('still reports malformed lines', () => {
    const rows = compileRowConverter([col('id', 'UInt64')]);
    expect(convertNdjson('{"id": 12345678901234567890', rows).bad[0]!.errors[0]).toMatch(/^invalid JSON/);
  });
});
