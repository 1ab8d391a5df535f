import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';

const ROOT = resolve(import.meta.dirname, '../..');

function documentedCodes(): Set<string> {
  const dir = join(ROOT, 'docs/errors');
  const codes = new Set<string>();
  for (const file of readdirSync(dir)) {
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/^## (MK\d{4})\b/gm)) codes.add(m[1]!);
  }
  return codes;
}

function codesUsedInSource(dir = join(ROOT, 'src'), found = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) codesUsedInSource(full, found);
    else if (entry.name.endsWith('.ts') && !full.includes('/diagnostics/codes')) {
      for (const m of readFileSync(full, 'utf8').matchAll(/['"`](MK\d{4})['"`]/g)) found.add(m[1]!);
    }
  }
  return found;
}

describe('the diagnostic code registry', () => {
  it('documents every registered code in docs/errors/', () => {
    const documented = documentedCodes();
    const missing = Object.keys(CODES).filter((c) => !documented.has(c));
    expect(missing).toEqual([]);
  });

  it('registers every code the source emits', () => {
    const missing = [...codesUsedInSource()].filter((c) => !(c in CODES)).sort();
    expect(missing).toEqual([]);
  });

  it('gives every code a title', () => {
    for (const [code, info] of Object.entries(CODES)) expect(info.title, code).not.toBe('');
  });
});
