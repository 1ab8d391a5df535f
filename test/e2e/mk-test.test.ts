import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTestFile } from '../../src/testing/parse.js';
import { copyExample, mk } from '../helpers/cli.js';

describe('mk test on the marketing example, through bin/mk', () => {
  it('passes, fails on a tampered result with a diff, is fixed by update, and reports JSON', { timeout: 120_000 }, async () => {
    const project = copyExample('marketing');
    const file = join(project, 'tests/total_events.yaml');
    const original = readFileSync(file, 'utf8');

    const passing = await mk(['test', '--project', project]);
    expect(passing.exitCode, passing.stdout + passing.stderr).toBe(0);
    expect(passing.stdout).toMatch(/✓ (\d+)\/\1 passed/);
    expect(passing.stdout).toContain('tests/events_by_campaign.yaml');

    // A wrong total: the run fails, names the test and shows the expected and actual lines.
    const { cases } = parseTestFile(original, 'tests/total_events.yaml');
    const total = cases.find((c) => c.expectedHttpStatus === undefined && c.expectedResult?.includes('"total"'));
    expect(total).toBeDefined();
    const tampered = original.replace(total!.expectedResult!.trim(), '{"total":1}');
    expect(tampered).not.toBe(original);
    writeFileSync(file, tampered);
    const failing = await mk(['test', 'run', '--project', project]);
    expect(failing.exitCode, failing.stdout + failing.stderr).toBe(1);
    expect(failing.stdout).toMatch(/✗ \d+\/\d+ passed/);
    expect(failing.stdout).toContain(`✗ ${total!.name}`);
    expect(failing.stdout).toContain('    - {"total":1}');
    expect(failing.stdout).toContain(`    + ${total!.expectedResult!.trim()}`);

    // --json: one object, the failure with both sides.
    const json = await mk(['test', 'run', '--project', project, '--json']);
    expect(json.exitCode).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.ok).toBe(false);
    expect(report.total).toBeGreaterThan(report.passed);
    const failed = report.files.flatMap((f: any) => f.tests).filter((t: any) => !t.passed);
    expect(failed.map((t: any) => t.name)).toEqual([total!.name]);
    expect(failed[0].expected).toBe('{"total":1}\n');

    // update restores the file as it was generated.
    const update = await mk(['test', 'update', 'tests/total_events.yaml', '--project', project], { cwd: project });
    expect(update.exitCode, update.stdout + update.stderr).toBe(0);
    expect(update.stdout).toContain('Updated 1 of');
    expect(readFileSync(file, 'utf8')).toBe(original);
    const again = await mk(['test', '--project', project, '--json']);
    expect(again.exitCode).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true });
  });

  it('creates a test file, skips a file without a pipe, and reports bad YAML with its position', { timeout: 120_000 }, async () => {
    const project = copyExample('marketing');
    const created = await mk([
      'test',
      'create',
      'events_by_channel',
      '--param',
      'event_type=purchase',
      '--name',
      'purchases',
      '--project',
      project,
    ]);
    expect(created.exitCode, created.stdout + created.stderr).toBe(0);
    const text = readFileSync(join(project, 'tests/events_by_channel.yaml'), 'utf8');
    expect(text).toMatch(/\n\n- name: purchases\n {2}parameters: event_type=purchase\n {2}expected_result: \|\n {4}\{"channel":/);

    writeFileSync(join(project, 'tests/no_such_pipe.yaml'), '- name: x\n  parameters: a=1\n');
    const skipped = await mk(['test', '--project', project]);
    expect(skipped.exitCode, skipped.stdout + skipped.stderr).toBe(0);
    expect(skipped.stderr).toContain('MK7007');
    expect(skipped.stdout).toContain('tests/no_such_pipe.yaml skipped');

    writeFileSync(join(project, 'tests/no_such_pipe.yaml'), '- name: x\n- name: x\n');
    const bad = await mk(['test', '--project', project]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('MK7004');
    expect(bad.stderr).toContain('tests/no_such_pipe.yaml:2:9');
    expect(existsSync(join(project, '.mk/dev.sqlite'))).toBe(false);
  });
});
