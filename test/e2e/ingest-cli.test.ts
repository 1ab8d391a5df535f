import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExample, freePort, mk, type RunningMk, startMk } from '../helpers/cli.js';

describe('mk datasource against mk dev, through bin/mk', () => {
  const children: RunningMk[] = [];
  afterAll(async () => {
    await Promise.allSettled(children.map((c) => c.stop()));
  });

  it('appends, lists, shows quarantine, deletes, copies and truncates', { timeout: 120_000 }, async () => {
    const project = copyExample('marketing');
    mkdirSync(join(project, 'copies'));
    writeFileSync(
      join(project, 'datasources', 'campaign_totals.datasource'),
      'SCHEMA >\n    `campaign` String,\n    `events` UInt64\n\nENGINE "MergeTree"\nENGINE_SORTING_KEY "campaign"\n',
    );
    writeFileSync(
      join(project, 'copies', 'campaign_totals_copy.pipe'),
      "NODE totals\nSQL >\n    %\n    SELECT campaign, count() AS events FROM marketing_events WHERE channel = {{ String(channel, 'email') }} GROUP BY campaign\n\nTYPE COPY\nTARGET_DATASOURCE campaign_totals\nCOPY_MODE replace\n",
    );
    const port = await freePort();
    children.push(await startMk(['dev', '--project', project, '--port', String(port), '--no-watch'], `http://127.0.0.1:${port}`));
    const dir = mkdtempSync(join(tmpdir(), 'mk-cli-data-'));
    const csv = join(dir, 'more.csv');
    writeFileSync(
      csv,
      'event_time,channel,campaign,user_id,event_type\n2026-11-01 00:00:00,email,cli,u_cli1,click\n2026-11-01 00:00:01,email,cli,u_cli2,click\nnot a date,email,cli,u_cli3,click\n',
    );

    const append = await mk(['datasource', 'append', 'marketing_events', csv, '--project', project]);
    expect(append.exitCode, append.stderr).toBe(0);
    expect(append.stdout).toMatch(/Appended 2 rows to marketing_events/);
    expect(append.stdout).toMatch(/1 rows went to marketing_events_quarantine/);

    const ls = await mk(['datasource', 'ls', '--project', project, '--json']);
    expect(JSON.parse(ls.stdout).find((d: { name: string }) => d.name === 'marketing_events')).toMatchObject({
      rows: 2402,
      quarantine_rows: 1,
    });

    const quarantine = await mk(['datasource', 'quarantine', 'marketing_events', '--project', project, '--json']);
    expect(JSON.parse(quarantine.stdout)).toMatchObject([{ user_id: 'u_cli3', event_time: 'not a date' }]);

    const dry = await mk([
      'datasource',
      'delete',
      'marketing_events',
      '--sql-condition',
      "campaign = 'cli'",
      '--dry-run',
      '--project',
      project,
    ]);
    expect(dry.stdout).toContain('2 rows of marketing_events match; nothing deleted (dry run)');
    const del = await mk(['datasource', 'delete', 'marketing_events', '--sql-condition', "campaign = 'cli'", '--project', project]);
    expect(del.stdout).toContain('Deleted 2 rows from marketing_events');

    const bad = await mk(['datasource', 'delete', 'marketing_events', '--sql-condition', '1 UNION ALL SELECT 1', '--project', project]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/answered 400/);

    const copied = await mk(['copy', 'run', 'campaign_totals_copy', '--param', 'channel=social', '--project', project]);
    expect(copied.exitCode, copied.stderr).toBe(0);
    expect(copied.stdout).toMatch(/campaign_totals_copy: Replaced 5 rows in campaign_totals/);
    const totals = await mk(['datasource', 'ls', '--project', project, '--json']);
    expect(JSON.parse(totals.stdout).find((d: { name: string }) => d.name === 'campaign_totals')).toMatchObject({ rows: 5 });

    const truncate = await mk(['datasource', 'truncate', 'marketing_events', '--project', project]);
    expect(truncate.exitCode).toBe(0);
    const after = await mk(['datasource', 'ls', '--project', project]);
    expect(after.stdout).toMatch(/marketing_events\s+MergeTree\s+0\s+1/);
  });
});
