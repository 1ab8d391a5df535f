import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../../src/api/build.js';
import { writeProject } from '../../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = writeProject(files, 'mk-classic-');
  dirs.push(root);
  return root;
}

const DS = 'SCHEMA >\n    `n` Int32 `json:$.n`\n';
const PIPE = 'NODE counted\nSQL >\n    SELECT count() AS c FROM events\n\nNODE endpoint\nSQL >\n    SELECT c FROM counted\n';

describe('Tinybird Classic pipes without TYPE', () => {
  it('are served as endpoints from their last node when they sit in endpoints/, with a warning', async () => {
    const root = project({
      'datasources/events.datasource': DS,
      'endpoints/events_count.pipe': PIPE,
      'pipes/helper.pipe': PIPE,
    });
    const report = await build({ project: root });
    expect(report.ok).toBe(true);
    expect(report.pipes).toEqual(
      expect.arrayContaining([
        { name: 'events_count', kind: 'endpoint' },
        { name: 'helper', kind: 'standard' },
      ]),
    );
    expect(report.diagnostics).toMatchObject([
      { code: 'MK2024', severity: 'warning', file: 'endpoints/events_count.pipe', range: { start: { line: 5 } } },
    ]);
  });

  it('stay as written when any node has a TYPE', async () => {
    const root = project({
      'datasources/events.datasource': DS,
      'endpoints/explicit.pipe': `${PIPE}\nTYPE endpoint\n`,
    });
    const report = await build({ project: root });
    expect(report.diagnostics).toEqual([]);
    expect(report.pipes).toEqual([{ name: 'explicit', kind: 'endpoint' }]);
  });
});
