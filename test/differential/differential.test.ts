/**
 * mk against a real ClickHouse: every case in cases/ runs on both and must give the same meta and data
 * (see harness.ts for the normalisation), except the ones listed in KNOWN_MISMATCHES, which must still
 * differ. Without chdb the suite skips loudly; in CI (CI=true) it fails instead.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { GROUPS } from './cases/index.js';
import { TABLES } from './fixtures.js';
import { type ChEngine, difference, MkEngine, openClickHouseWith, show } from './harness.js';
import { KNOWN_MISMATCHES } from './known-mismatches.js';

const opened = await openClickHouseWith(TABLES);
const unavailable = 'unavailable' in opened ? opened.unavailable : undefined;
const inCi = process.env.CI === 'true';

if (unavailable && !inCi) {
  console.warn(`\n!!! DIFFERENTIAL TESTS SKIPPED: no ClickHouse (${unavailable}). Run \`npm ci\` to install chdb. !!!\n`);
}

describe.runIf(unavailable && inCi)('differential: ClickHouse', () => {
  it('is available in CI', () => {
    expect.fail(`ClickHouse (chdb) is unavailable in CI: ${unavailable}`);
  });
});

describe.skipIf(unavailable)('differential: mk vs ClickHouse', () => {
  const ch = opened as ChEngine;
  const mk = new MkEngine(TABLES);
  const tally = { agree: 0, known: 0, failed: 0 };
  /** Unlisted disagreements, written to $MK_DIFF_DUMP (JSON) to help update KNOWN_MISMATCHES. */
  const unlisted: Record<string, { diff: string; clickhouse: string; mk: string }> = {};
  afterAll(() => {
    if (process.env.MK_DIFF_DUMP) writeFileSync(process.env.MK_DIFF_DUMP, `${JSON.stringify(unlisted, null, 2)}\n`);
    console.log(
      `differential (ClickHouse ${ch.ch.version}): ${tally.agree} agree, ${tally.known} known mismatches, ${tally.failed} failed, of ${GROUPS.reduce((n, g) => n + g.cases.length, 0)} cases`,
    );
    mk.close();
    ch.ch.close();
  });

  it('lists only existing cases as known mismatches', () => {
    const all = new Set(GROUPS.flatMap((g) => g.cases));
    expect(Object.keys(KNOWN_MISMATCHES).filter((k) => !all.has(k))).toEqual([]);
  });

  for (const { group, cases } of GROUPS) {
    describe(group, () => {
      it.each(cases.map((sql) => [sql]))('%s', (sql) => {
        const a = ch.run(sql);
        const b = mk.run(sql);
        const diff = difference(sql, a, b);
        const report = `${sql}\n  ClickHouse: ${show(a)}\n  mk:         ${show(b)}`;
        const known = KNOWN_MISMATCHES[sql];
        if (known) {
          tally.known++;
          if (!diff) {
            tally.failed++;
            expect.fail(`now agrees with ClickHouse: remove it from KNOWN_MISMATCHES\n${report}`);
          }
          return;
        }
        if (diff) {
          tally.failed++;
          unlisted[sql] = { diff, clickhouse: show(a), mk: show(b) };
          expect.fail(`${diff}\n${report}`);
        }
        tally.agree++;
      });
    });
  }
});
