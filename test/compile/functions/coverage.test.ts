import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listFunctions, lookupFunction } from '../../../src/compile/functions/index.js';
import { SHARED } from '../../helpers/shared.js';

/** Names the SQL compiler handles itself (syntax, not library functions). */
const COMPILER_HANDLED = new Set(['arrayJoin', 'notIn', 'in']);

interface Row {
  readonly rank: number;
  readonly name: string;
  readonly calls: number;
  readonly spellings: readonly string[];
}

/** The §9 ranking of corpus-stats.md: every SQL function real pipes call, most used first. */
function corpusRanking(): Row[] {
  const text = readFileSync(`${SHARED}/spec/corpus-stats.md`, 'utf8');
  const section = text.slice(text.indexOf('## 9. ClickHouse SQL in pipe nodes'), text.indexOf('### 9.1'));
  const rows: Row[] = [];
  for (const line of section.split('\n')) {
    const m = /^\| (\d+) \| `([^`]+)` \| (\d+) \| \d+ \| \d+ \| ([^|]*)\|$/.exec(line);
    if (!m) continue;
    const spellings = [...(m[4] ?? '').matchAll(/([A-Za-z_0-9]+)×/g)].map((s) => s[1] as string);
    rows.push({
      rank: Number(m[1]),
      name: m[2] as string,
      calls: Number(m[3]),
      spellings: spellings.length ? spellings : [m[2] as string],
    });
  }
  return rows;
}

const ranking = corpusRanking();
const covered = (r: Row) => COMPILER_HANDLED.has(r.name) || r.spellings.every((s) => lookupFunction(s) !== undefined);

describe('coverage of the corpus (corpus-stats §9)', () => {
  it('reads the ranking', () => {
    expect(ranking.length).toBeGreaterThan(250);
  });

  it('covers at least 150 of the 160 most used functions, every spelling', () => {
    const top = ranking.slice(0, 160);
    const missing = top.filter((r) => !covered(r));
    console.log(`top 160: ${top.length - missing.length} covered; missing: ${missing.map((r) => `#${r.rank} ${r.name}`).join(', ')}`);
    expect(top.length - missing.length).toBeGreaterThanOrEqual(150);
  });

  it('reports overall coverage by calls', () => {
    const all = ranking.filter(covered);
    const calls = ranking.reduce((n, r) => n + r.calls, 0);
    const coveredCalls = all.reduce((n, r) => n + r.calls, 0);
    const missing = ranking.filter((r) => !covered(r));
    console.log(
      `all ${ranking.length}: ${all.length} covered (${((100 * coveredCalls) / calls).toFixed(1)}% of calls); ` +
        `library defines ${listFunctions().length} functions; missing: ${missing.map((r) => r.name).join(', ')}`,
    );
    expect(coveredCalls / calls).toBeGreaterThan(0.95);
  });
});
