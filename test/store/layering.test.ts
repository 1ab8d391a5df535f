import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

it('only src/store/ imports better-sqlite3, and types/ and ingest/ import no later layer', () => {
  const root = join(import.meta.dirname, '../../src');
  const offenders: string[] = [];
  for (const f of files(root)) {
    const rel = relative(root, f);
    const text = readFileSync(f, 'utf8');
    // bench/ measures raw better-sqlite3 as the ingest baseline, so it may import it too.
    if (/from 'better-sqlite3'/.test(text) && !rel.startsWith('store/') && !rel.startsWith('engines/') && !rel.startsWith('bench/'))
      offenders.push(`${rel}: better-sqlite3`);
    if (
      (rel.startsWith('types/') || rel.startsWith('ingest/')) &&
      /from '\.\.\/(compile|store|server|api|cli|project|analysis|template)\//.test(text)
    )
      offenders.push(`${rel}: imports a later layer`);
  }
  expect(offenders).toEqual([]);
});
