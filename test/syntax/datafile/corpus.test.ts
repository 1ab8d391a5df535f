import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, roundTrip, stripPositions } from './helpers.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
const corpus = resolve(repoRoot, '../shared/corpus');
const EXTENSIONS = ['.datasource', '.pipe', '.connection', '.incl'];

/** Files Tinybird itself rejects (../shared/corpus/KNOWN-REJECTS.md): a misspelt NODE. */
const KNOWN_REJECTS = new Set([
  'tinybirdco__weather-data-api/anomaly-detection/pipes/rate_of_change.pipe',
  'tinybirdco__weather-data-api/anomaly-detection/pipes/z_score.pipe',
]);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return EXTENSIONS.some((e) => name.endsWith(e)) ? [full] : [];
  });
}

const files = existsSync(corpus) ? walk(corpus).sort() : [];

describe.skipIf(files.length === 0)(`datafile corpus (${corpus})`, () => {
  it('accepts every file Tinybird accepts, and rejects the known rejects on their ODE line', () => {
    const failures: string[] = [];
    let accepted = 0;
    for (const full of files) {
      const rel = relative(corpus, full);
      const text = readFileSync(full, 'utf8');
      const errs = parse(text, rel).diagnostics.filter((d) => d.severity === 'error');
      if (KNOWN_REJECTS.has(rel)) {
        const odeLine = text.split('\n').findIndex((l) => l.startsWith('ODE')) + 1;
        expect(errs.map((e) => [e.code, e.range?.start.line, e.range?.start.column])).toEqual([['MK1001', odeLine, 1]]);
        continue;
      }
      if (errs.length > 0)
        failures.push(`${rel}: ${errs.map((e) => `${e.range?.start.line}:${e.range?.start.column} ${e.code} ${e.message}`).join('; ')}`);
      else accepted++;
    }
    console.log(`corpus: ${files.length} datafiles, ${accepted} accepted, ${KNOWN_REJECTS.size} known rejects`);
    expect(failures).toEqual([]);
    expect(accepted).toBe(files.length - KNOWN_REJECTS.size);
  });

  it('round-trips every file through fmt, idempotently', () => {
    const failures: string[] = [];
    for (const full of files) {
      const rel = relative(corpus, full);
      const { first, printed, second, reprinted } = roundTrip(readFileSync(full, 'utf8'), rel);
      try {
        expect(stripPositions(second)).toEqual(stripPositions(first));
        expect(reprinted).toBe(printed);
      } catch {
        failures.push(rel);
      }
    }
    console.log(`fmt round-trip: ${files.length - failures.length}/${files.length} files`);
    expect(failures).toEqual([]);
  });
});

describe.skipIf(files.length > 0)('datafile corpus', () => {
  it.skip(`skipped: no corpus at ${corpus}`, () => {});
});
