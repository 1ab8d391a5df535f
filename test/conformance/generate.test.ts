import { describe, expect, it } from 'vitest';
import type { ResolvedDatasource } from '../../src/analysis/project/resolved.js';
import { causeOf } from '../../src/conformance/causes.js';
import { generateRows } from '../../src/conformance/generate.js';
import { sampleParams } from '../../src/conformance/params.js';
import { parseType } from '../../src/types/parse.js';

const NOW = Date.UTC(2025, 5, 15, 12);

function ds(columns: [string, string, string?][]): ResolvedDatasource {
  return {
    name: 'events',
    engine: { kind: 'MergeTree', sortingKey: [] },
    columns: columns.map(([name, type, jsonPath]) => {
      const parsed = parseType(type);
      if (!parsed.ok) throw new Error(type);
      return { name, type: parsed.type, ...(jsonPath ? { jsonPath } : {}) };
    }),
  };
}

describe('generateRows', () => {
  it('places values where the JSONPaths read them, typed and seeded', () => {
    const source = ds([
      ['ts', 'DateTime64(3)', '$.ts'],
      ['country', 'LowCardinality(String)', '$.location.country'],
      ['ids', 'Array(String)', '$.items[:].id'],
      ['props', 'Map(String, Int32)'],
      ['payload', 'String'],
    ]);
    const first = generateRows(source, 5, NOW);
    expect(first.ndjson).toBe(generateRows(source, 5, NOW).ndjson);
    const rows = first.ndjson
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.ts).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
      expect(Date.parse(`${row.ts.replace(' ', 'T')}Z`)).toBeLessThanOrEqual(NOW);
      expect(Date.parse(`${row.ts.replace(' ', 'T')}Z`)).toBeGreaterThan(NOW - 31 * 86_400_000);
      expect(['US', 'ES', 'DE', 'FR', 'GB']).toContain(row.location.country);
      expect(Array.isArray(row.items ?? [])).toBe(true);
      expect(typeof row.props).toBe('object');
      expect(() => JSON.parse(row.payload)).not.toThrow();
    }
  });

  it('leaves AggregateFunction states out and says so', () => {
    const out = generateRows(
      ds([
        ['hits', 'AggregateFunction(count)'],
        ['total', 'SimpleAggregateFunction(sum, UInt64)'],
      ]),
      3,
      NOW,
    );
    expect(out.skipped).toEqual(['hits']);
    expect(JSON.parse(out.ndjson.split('\n')[0]!)).toHaveProperty('total');
  });
});

describe('sampleParams', () => {
  it('fills every parameter on the second try, defaults included (`defined(x)` ignores a default)', () => {
    const params = [{ name: 'date_from', type: 'Date', required: false, default: '2020-09-09' }];
    expect(sampleParams(params, Date.UTC(2025, 5, 15), false)).toEqual({});
    expect(sampleParams(params, Date.UTC(2025, 5, 15), true)).toEqual({ date_from: '2025-05-16' });
  });

  it('fills required parameters without defaults, by type and name', () => {
    const params = sampleParams(
      [
        { name: 'start_date', type: 'Date', required: true },
        { name: 'limit', type: 'Int32', required: true },
        { name: 'page', type: 'Int32', required: false, default: 0 },
        { name: 'country', type: 'String', required: false },
        { name: 'kinds', type: 'Array(String)', required: true, enum: ['a', 'b'] },
      ],
      NOW,
      false,
    );
    expect(params).toEqual({ start_date: '2025-05-16', limit: '10', kinds: 'a' });
    expect(['US', 'ES', 'DE', 'FR', 'GB']).toContain(
      sampleParams([{ name: 'country', type: 'String', required: false }], NOW, true).country,
    );
  });
});

describe('causeOf', () => {
  it('keeps what names the fix and drops what names the project', () => {
    expect(causeOf("build: Unknown function 'joinGet'")).toBe("Unknown function 'joinGet'");
    expect(causeOf("Unknown column 'x'. Did you mean 'y'?")).toBe(causeOf("Unknown column 'z'"));
    expect(causeOf("Unknown column '__timestamp'")).toMatch(/Kafka/);
    expect(causeOf("build: reads events, which failed: Unexpected 'toUInt16'")).toBe("SQL syntax: unexpected 'toUInt16'");
    expect(causeOf("insert: materialized view failed on insert into e: Materialized view over 'e' failed: Unknown function 'f'")).toBe(
      "Unknown function 'f'",
    );
  });
});
