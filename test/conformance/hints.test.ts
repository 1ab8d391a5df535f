import { describe, expect, it } from 'vitest';
import { analyzeProject } from '../../src/analysis/project/check-project.js';
import { externalPipes } from '../../src/conformance/external.js';
import { generateRows } from '../../src/conformance/generate.js';
import { sqlHints } from '../../src/conformance/hints.js';
import { loadProject } from '../../src/project/index.js';
import { writeProject } from '../helpers/cli.js';

const NOW = Date.UTC(2025, 5, 15, 12);

function project(files: Record<string, string>) {
  return loadProject(writeProject(files, 'mk-hints-'), { env: {} }).project;
}

const RAW = `SCHEMA >
    \`data\` String \`json:$\`,
    \`val\` String \`json:$.val\`,
    \`msgs\` Array(String) \`json:$.msgs[:]\`,
    \`bot\` Int8 \`json:$.bot\`,
    \`id\` String \`json:$.id\`
`;

const VIEW = `NODE parse
SQL >
    SELECT
        parseDateTimeBestEffort(JSONExtractString(data, '_time')) AS ts,
        JSONExtractInt(data, 'status') AS status,
        JSON_VALUE(data, '$.payload.thread.id') AS thread,
        toInt8(val) AS v,
        base64Decode(encoded) AS m
    FROM raw ARRAY JOIN msgs AS encoded
    WHERE bot = 0 AND cityHash64(id) % 10 = 3
`;

describe('sqlHints', () => {
  it('finds JSON keys with how they are read, numeric casts, base64 columns and compared numbers', () => {
    const hints = sqlHints(project({ 'datasources/raw.datasource': RAW, 'pipes/parse.pipe': VIEW }));
    expect(hints.jsonKeys).toEqual([
      { path: ['_time'], hint: 'datetime' },
      { path: ['status'], hint: 'int' },
      { path: ['payload', 'thread', 'id'], hint: 'string' },
    ]);
    expect([...hints.jsonColumns]).toEqual(['data']);
    expect(hints.numericColumns.has('val')).toBe(true);
    expect(hints.base64Columns.has('msgs')).toBe(true);
    expect(hints.numbers.get('bot')).toEqual([0]);
  });

  it('steers generated rows: keys in the whole-row JSON, digits for cast strings, base64 JSON, spread ids', () => {
    const p = project({ 'datasources/raw.datasource': RAW, 'pipes/parse.pipe': VIEW });
    const raw = analyzeProject(p).datasources.find((d) => d.name === 'raw')!;
    const rows = generateRows(raw, 500, NOW, sqlHints(p))
      .ndjson.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const row of rows.slice(0, 20)) {
      expect(row._time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(typeof row.status).toBe('number');
      expect(typeof row.payload.thread.id).toBe('string');
      expect(row.val).toMatch(/^\d+$/);
      for (const msg of row.msgs) expect(JSON.parse(Buffer.from(msg, 'base64').toString())).toHaveProperty('_time');
    }
    expect(rows.filter((r) => r.bot === 0).length).toBeGreaterThan(100);
    // 500 rows draw from 100 ids, so every hash bucket of `cityHash64(id) % 10` gets some.
    expect(new Set(rows.map((r) => r.id)).size).toBeGreaterThan(50);
  });
});

describe('externalPipes', () => {
  it('counts organization.* reads as service data, also through another pipe', () => {
    const p = project({
      'endpoints/usage.pipe': 'NODE n\nSQL >\n    SELECT workspace_id FROM organization.pipe_stats_rt\n\nTYPE endpoint\n',
      'endpoints/total.pipe': 'NODE n\nSQL >\n    SELECT count() FROM usage\n\nTYPE endpoint\n',
    });
    expect([...externalPipes(p).values()]).toEqual([
      'reads organization.pipe_stats_rt (service table)',
      'reads organization.pipe_stats_rt (service table)',
    ]);
  });
});
