import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProject } from '../../src/conformance/run-project.js';

const bucketView = (n: number) => `NODE pick
SQL >
    SELECT id, count() AS c FROM events WHERE cityHash64(id) % 10 = ${n} GROUP BY id

TYPE materialized
DATASOURCE bucket_${n}_ds
`;
const bucketTarget = `SCHEMA >
    \`id\` String,
    \`c\` UInt64

ENGINE MergeTree
ENGINE_SORTING_KEY id
`;

describe('views that keep none of the generated rows', () => {
  it('get a second run with ten times the rows (and ids) before they count as failed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mk-retry-'));
    mkdirSync(join(root, 'datasources'));
    mkdirSync(join(root, 'pipes'));
    writeFileSync(join(root, 'datasources/events.datasource'), 'SCHEMA >\n    `id` String `json:$.id`\n');
    for (let n = 0; n < 10; n++) {
      writeFileSync(join(root, `datasources/bucket_${n}_ds.datasource`), bucketTarget);
      writeFileSync(join(root, `pipes/bucket_${n}.pipe`), bucketView(n));
    }
    // Fifty rows draw on ten ids, which hash into five of the ten buckets; the second run's 500 rows
    // draw on 100 ids.
    const report = await runProject({ name: 'buckets', root, maxDepth: 3 }, { rows: 50, now: Date.now() });
    const views = report.pipes.filter((p) => p.kind === 'materialized');
    expect(views).toHaveLength(10);
    expect(views.filter((v) => !v.executed).map((v) => v.name)).toEqual([]);
  });
});
