import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/api/build.js';
import { LiveHost } from '../../src/deploy/live-host.js';
import { rebuildProject } from '../../src/dev/session.js';
import { loadProject } from '../../src/project/load.js';
import { type LocalWorkspace, openWorkspaceStore } from '../../src/workspace/index.js';
import { writeProject } from '../helpers/cli.js';

const DATASOURCE = `SCHEMA >
    \`timestamp\` DateTime \`json:$.timestamp\`,
    \`action\` LowCardinality(String) \`json:$.action\`,
    \`user_id\` UInt64 \`json:$.user_id\`

ENGINE "MergeTree"
ENGINE_SORTING_KEY "timestamp"
`;

// Tinybird's generator files: CTEs, arrayJoin, numbers(), as in the web analytics starter kit.
const GENERATOR = `WITH actions AS (SELECT arrayJoin(['page_hit', 'click']) AS action)
SELECT
    toDateTime('2025-07-17 00:00:00') - number * 60 AS timestamp,
    if(number % 3 = 0, 'click', 'page_hit') AS action,
    toUInt64(9007199254740993 + number) AS user_id
FROM numbers(30)
`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = writeProject(files, 'mk-sqlfix-');
  dirs.push(root);
  return root;
}

describe('fixtures/<ds>.sql: generator queries fill their datasource at build', () => {
  it('runs the query and ingests its rows like an NDJSON fixture', async () => {
    const root = project({ 'datasources/events.datasource': DATASOURCE, 'fixtures/events.sql': GENERATOR });
    const report = await build({ project: root });
    expect(report.ok).toBe(true);
    expect(report.diagnostics).toEqual([]);
    expect(report.datasources).toEqual([{ name: 'events', rows: 30 }]);
    const store = openWorkspaceStore(report.storeFile!);
    try {
      const physical = store.physicalName('events')!;
      const rows = store.db
        .prepare(`SELECT action, count(*) AS n, max(timestamp) AS last FROM "${physical}" GROUP BY action ORDER BY action`)
        .all();
      expect(rows).toEqual([
        { action: 'click', n: 10, last: 1752710400 },
        { action: 'page_hit', n: 20, last: 1752710340 },
      ]);
      // Integers beyond 2^53 survive the trip through JSON.
      const low = store.db.prepare(`SELECT min(user_id) AS u FROM "${physical}"`).safeIntegers(true).get() as { u: bigint };
      expect(low.u).toBe(9007199254740993n);
    } finally {
      store.close();
    }
  });

  it('reports a query it cannot compile as a warning on the fixture, and builds the rest', async () => {
    const root = project({
      'datasources/events.datasource': DATASOURCE,
      'fixtures/events.sql': 'SELECT now() AS timestamp, nosuchfunction(1) AS action, 1 AS user_id',
    });
    const report = await build({ project: root });
    expect(report.ok).toBe(true);
    expect(report.datasources).toEqual([{ name: 'events', rows: 0 }]);
    const warning = report.diagnostics.find((d) => d.file === 'fixtures/events.sql');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/nosuchfunction.*the fixture's rows are not loaded/);
    expect(warning?.range?.start.line).toBe(1);
  });

  it('prefers a data file, and ignores .sql files that name no datasource', () => {
    const root = project({
      'datasources/events.datasource': DATASOURCE,
      'fixtures/events.ndjson': '{"timestamp":"2025-01-01 00:00:00","action":"click","user_id":1}\n',
      'fixtures/events.sql': GENERATOR,
      'fixtures/check_totals.sql': 'SELECT count() FROM events',
    });
    const { project: loaded, diagnostics } = loadProject(root);
    expect(diagnostics).toEqual([]);
    expect(loaded.fixtures).toEqual([{ datasource: 'events', path: 'fixtures/events.ndjson', format: 'ndjson' }]);
  });

  it('mk dev re-runs a saved generator and replaces the rows', () => {
    const root = project({ 'datasources/events.datasource': DATASOURCE, 'fixtures/events.sql': GENERATOR });
    const store = openWorkspaceStore(join(root, 'dev.sqlite'));
    try {
      const host = new LiveHost('p.admin');
      const first = rebuildProject(root, store, host, (n) => `p.${n}`);
      expect(first.loaded).toEqual({ events: 30 });
      writeFileSync(join(root, 'fixtures/events.sql'), GENERATOR.replace('numbers(30)', 'numbers(5)'));
      const second = rebuildProject(root, store, host, (n) => `p.${n}`, [join(root, 'fixtures/events.sql')]);
      expect(second.loaded).toEqual({ events: 5 });
      const workspace = host.current() as LocalWorkspace;
      expect(workspace.rowsOfSql('SELECT count() AS n FROM events')).toEqual([{ n: 5 }]);
    } finally {
      store.close();
    }
  });
});
