import { describe, expect, it } from 'vitest';
import { formatResponse, type QueryResult } from '../../src/store/index.js';

const result: QueryResult = {
  meta: [
    { name: 'name', type: 'String' },
    { name: 'n', type: 'UInt64' },
    { name: 'ok', type: 'Bool' },
    { name: 'day', type: 'Date' },
    { name: 'tags', type: 'Array(String)' },
    { name: 'm', type: 'Map(String, UInt8)' },
    { name: 'x', type: 'Nullable(Float64)' },
  ],
  data: [
    { name: 'a "q", b', n: 18446744073709551615n, ok: true, day: '2024-01-02', tags: ["it's", 'x'], m: { k: 1 }, x: null },
    { name: 'tab\there\nnl', n: 2, ok: false, day: '1970-01-01', tags: [], m: {}, x: 1.5 },
  ],
  rows: 2,
  rows_before_limit_at_least: 2,
  statistics: { elapsed: 0.001, rows_read: 2, bytes_read: 64 },
};

describe('formatResponse', () => {
  it("json: Tinybird's shape, with exact big integers", () => {
    const text = formatResponse(result, 'json');
    expect(text.startsWith('{"meta":[{"name":"name","type":"String"}')).toBe(true);
    expect(text).toContain('"n":18446744073709551615,');
    expect(text).toContain('"rows":2,"rows_before_limit_at_least":2,"statistics":{"elapsed":0.001,"rows_read":2,"bytes_read":64}}');
  });

  it('ndjson: one object per line', () => {
    const lines = formatResponse(result, 'ndjson').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toEqual({ name: 'tab\there\nnl', n: 2, ok: false, day: '1970-01-01', tags: [], m: {}, x: 1.5 });
  });

  it('csv and csvwithnames: ClickHouse quoting, literals for composites, \\N for NULL', () => {
    expect(formatResponse(result, 'csv')).toBe(
      '"a ""q"", b",18446744073709551615,true,"2024-01-02","[\'it\\\'s\',\'x\']","{\'k\':1}",\\N\n' +
        '"tab\there\nnl",2,false,"1970-01-01","[]","{}",1.5\n',
    );
    expect(formatResponse(result, 'csvwithnames').split('\n')[0]).toBe('"name","n","ok","day","tags","m","x"');
  });

  it('tsv: escapes tabs and newlines', () => {
    expect(formatResponse(result, 'tsv').split('\n')[1]).toBe('tab\\there\\nnl\t2\tfalse\t1970-01-01\t[]\t{}\t1.5');
  });
});
