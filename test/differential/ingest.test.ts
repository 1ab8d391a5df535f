/**
 * Ingestion against a real ClickHouse: each case (cases/ingest.ts) is one NDJSON line inserted into a
 * one-column table on both engines (see ingest-harness.ts for the settings and why). Accepted/rejected
 * must agree (ClickHouse error ⇔ mk quarantine) and accepted values must read back as the same JSON,
 * except the cases in KNOWN_INGEST_MISMATCHES, which must still differ. Without chdb the suite skips
 * loudly; in CI (CI=true) it fails instead.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openChdb } from '../../src/engines/clickhouse/index.js';
import { INGEST_CASES, ingestCaseKey } from './cases/ingest.js';
import { ingestOnClickHouse, ingestOnMk, sameOutcome, showOutcome } from './ingest-harness.js';
import { KNOWN_INGEST_MISMATCHES } from './known-ingest-mismatches.js';

const opened = process.env.MK_DIFF_NO_CLICKHOUSE ? { unavailable: 'disabled by MK_DIFF_NO_CLICKHOUSE' } : await openChdb();
const unavailable = 'unavailable' in opened ? opened.unavailable : undefined;
const inCi = process.env.CI === 'true';

if (unavailable && !inCi) {
  console.warn(`\n!!! INGESTION DIFFERENTIAL TESTS SKIPPED: no ClickHouse (${unavailable}). Run \`npm ci\` to install chdb. !!!\n`);
}

describe.runIf(unavailable && inCi)('ingestion differential: ClickHouse', () => {
  it('is available in CI', () => {
    expect.fail(`ClickHouse (chdb) is unavailable in CI: ${unavailable}`);
  });
});

describe.skipIf(unavailable)('ingestion: mk vs ClickHouse JSONEachRow', () => {
  const ch = 'unavailable' in opened ? undefined : opened;
  const onCh = ch ? ingestOnClickHouse(ch, INGEST_CASES) : new Map();
  const onMk = ch ? ingestOnMk(INGEST_CASES) : new Map();
  const keys = INGEST_CASES.flatMap((g) => g.values.map((v) => ingestCaseKey(g.type, v)));
  const tally = { agree: 0, known: 0, failed: 0 };
  const unlisted: Record<string, { clickhouse: string; mk: string }> = {};
  afterAll(() => {
    if (process.env.MK_INGEST_DUMP) writeFileSync(process.env.MK_INGEST_DUMP, `${JSON.stringify(unlisted, null, 2)}\n`);
    console.log(
      `ingestion differential (ClickHouse ${ch?.version}): ${tally.agree} agree, ${tally.known} known mismatches, ${tally.failed} failed, of ${keys.length} cases`,
    );
    ch?.close();
  });

  it('has unique cases, and lists only existing cases as known mismatches', () => {
    expect(keys.length).toBe(new Set(keys).size);
    const all = new Set(keys);
    expect(Object.keys(KNOWN_INGEST_MISMATCHES).filter((k) => !all.has(k))).toEqual([]);
  });

  for (const group of INGEST_CASES) {
    describe(group.type, () => {
      it.each(group.values.map((v) => [ingestCaseKey(group.type, v)]))('%s', (key) => {
        const a = onCh.get(key);
        const b = onMk.get(key);
        const report = `${key}\n  ClickHouse: ${showOutcome(a)}\n  mk:         ${showOutcome(b)}`;
        const agree = sameOutcome(a, b);
        if (KNOWN_INGEST_MISMATCHES[key]) {
          tally.known++;
          if (agree) {
            tally.failed++;
            expect.fail(`now agrees with ClickHouse: remove it from KNOWN_INGEST_MISMATCHES\n${report}`);
          }
          return;
        }
        if (!agree) {
          tally.failed++;
          unlisted[key] = { clickhouse: showOutcome(a), mk: showOutcome(b) };
          expect.fail(report);
        }
        tally.agree++;
      });
    });
  }
});
