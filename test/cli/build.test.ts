import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, mk } from '../helpers/cli.js';

function edit(file: string, from: string, to: string) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

describe('mk build', () => {
  it('builds the example and loads its fixtures', async () => {
    const project = copyExample('marketing');
    const r = await mk(['build', '--project', project]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('✓ datasources/marketing_events (2400 rows)');
    expect(r.stdout).toContain('✓ endpoint events_by_channel');
    expect(r.stdout).toMatch(/Build completed in \d+\.\ds/);
  });

  it('points one clear diagnostic at a mistyped column and exits 1', async () => {
    const project = copyExample('marketing');
    edit(join(project, 'endpoints/events_by_channel.pipe'), 'SELECT channel, event_type, user_id', 'SELECT chanel, event_type, user_id');
    const r = await mk(['build', '--project', project]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("error[MK4101]: Unknown column 'chanel'. Did you mean 'channel'?");
    expect(r.stderr).toContain('--> endpoints/events_by_channel.pipe:12:12');
    expect(r.stderr).toContain('12 |     SELECT chanel, event_type, user_id');
    expect(r.stderr).toContain(`   |            ^^^^^^\n`);
    expect(r.stderr).toContain('1 error, 0 warnings');
    expect(r.stdout).toContain('✗ Build failed');
  });

  it('reports every error of every file in one run, as JSON with --json', async () => {
    const project = copyExample('marketing');
    edit(join(project, 'endpoints/total_events.pipe'), 'SELECT count() AS total', 'SELECT count() AS total, event_tipe');
    edit(
      join(project, 'datasources/marketing_events.datasource'),
      'ENGINE_SORTING_KEY "event_time, channel, campaign"',
      'ENGINE_SORTING_KEY "event_time, chanel"',
    );
    edit(join(project, 'endpoints/events_by_campaign.pipe'), 'NODE by_campaign', 'ODE by_campaign');
    const r = await mk(['build', '--project', project, '--json']);
    expect(r.exitCode).toBe(1);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      diagnostics: { code: string; file: string; range: { start: { line: number } } }[];
    };
    expect(report.ok).toBe(false);
    const found = report.diagnostics.map((d) => `${d.code} ${d.file}:${d.range.start.line}`);
    expect(found).toEqual(
      expect.arrayContaining(['MK2003 datasources/marketing_events.datasource:15', 'MK1001 endpoints/events_by_campaign.pipe:6']),
    );
  });

  it('fails clearly on a folder that does not exist', async () => {
    const r = await mk(['build', '--project', '/nonexistent/mk-project']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Project folder not found');
  });
});

describe('mk fmt', () => {
  it('--check passes on formatted files and fails on others, naming them', async () => {
    const project = copyExample('marketing');
    const clean = await mk(['fmt', '--check', '--project', project]);
    expect(clean.exitCode, clean.stdout + clean.stderr).toBe(0);
    edit(join(project, 'datasources/marketing_events.datasource'), 'ENGINE "MergeTree"', 'engine   MergeTree');
    const dirty = await mk(['fmt', '--check', '--project', project]);
    expect(dirty.exitCode).toBe(1);
    expect(dirty.stdout).toContain('datasources/marketing_events.datasource is not formatted');
    const fix = await mk(['fmt', '--project', project]);
    expect(fix.exitCode).toBe(0);
    expect(readFileSync(join(project, 'datasources/marketing_events.datasource'), 'utf8')).toContain('ENGINE "MergeTree"');
    expect((await mk(['fmt', '--check', '--project', project])).exitCode).toBe(0);
  });
});

describe('mk --help', () => {
  it('lists the commands and every project command takes --project', async () => {
    const r = await mk(['--help']);
    expect(r.exitCode).toBe(0);
    for (const cmd of ['build', 'dev', 'deploy', 'serve', 'login', 'fmt']) expect(r.stdout).toContain(cmd);
    for (const cmd of ['build', 'dev', 'deploy', 'fmt', 'login']) {
      const help = await mk([cmd, '--help']);
      expect(help.stdout, cmd).toContain('--project <dir>');
    }
  });
});
