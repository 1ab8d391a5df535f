import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../src/conformance/main.js';
import { findProjectRoots } from '../../src/conformance/roots.js';
import { runCorpus } from '../../src/conformance/run-corpus.js';
import { countAll, rankBlockers } from '../../src/conformance/totals.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/projects/conformance');

describe('conformance runner on the fixture corpus', () => {
  it('finds a nested layout project and a flat one', () => {
    expect(findProjectRoots(FIXTURES).map((r) => r.name)).toEqual(['alpha/tinybird', 'beta']);
  });

  it('counts parsed files, compiled pipes, executed endpoints and views, and external pipes', async () => {
    const reports = await runCorpus(FIXTURES, { rows: 20, now: Date.now() });
    expect(countAll(reports)).toMatchObject({
      projects: 2,
      datafiles: 8,
      parsed: 8,
      pipes: 5,
      compiled: 4,
      endpoints: 4,
      executed: 3,
      endpointPipes: 3,
      endpointsExecuted: 2,
      materializedPipes: 1,
      materializedExecuted: 1,
      external: 1,
      crashedProjects: 0,
    });
    const alpha = reports.find((r) => r.name === 'alpha/tinybird')!;
    // The view filled its AggregatingMergeTree target, and the endpoint (with its required Date
    // parameter supplied) merged those states into rows.
    expect(alpha.pipes.find((p) => p.name === 'daily_actions_mv')).toMatchObject({ executed: true });
    expect(alpha.pipes.find((p) => p.name === 'top_actions')?.rows).toBeGreaterThan(0);
    const sink = reports.flatMap((r) => r.pipes).find((p) => p.name === 'visits_export');
    expect(sink?.external).toMatch(/sink/);
  });

  it('ranks the unsupported function as the blocker', async () => {
    const reports = await runCorpus(FIXTURES, { rows: 20, now: Date.now() });
    expect(rankBlockers(reports)).toEqual([
      {
        cause: "Unknown function 'detectLanguage'",
        pipes: 1,
        targets: 1,
        sole: 1,
        examples: ["beta/title_languages.pipe: Unknown function 'detectLanguage'"],
      },
    ]);
  });

  it('ends --json output with one JSON line of the totals', async () => {
    let out = '';
    const code = await runConformance(
      ['--corpus', FIXTURES, '--json', '--rows', '10'],
      (t) => (out += t),
      () => {},
    );
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    const totals = JSON.parse(lines.at(-1)!);
    expect(totals).toMatchObject({ datafiles: 8, parsed: 8, pipes: 5, compiled: 4, endpoints: 4, executed: 3, external: 1, rate: 0.75 });
    expect(totals.blockers[0]).toMatchObject({ cause: "Unknown function 'detectLanguage'", pipes: 1 });
    expect(out).toContain('Top blockers');
  });

  it('rejects unknown options and a missing corpus with exit code 2', async () => {
    let err = '';
    expect(
      await runConformance(
        ['--nope'],
        () => {},
        (t) => (err += t),
      ),
    ).toBe(2);
    expect(
      await runConformance(
        ['--corpus', join(FIXTURES, 'missing')],
        () => {},
        (t) => (err += t),
      ),
    ).toBe(2);
    expect(err).toContain('unknown option: --nope');
    expect(err).toContain('corpus not found');
  });
});
