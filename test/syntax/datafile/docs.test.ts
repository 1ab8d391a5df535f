import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { DATAFILE_CODES } from '../../../src/diagnostics/codes/datafile.js';

it('docs/errors/datafile.md has an entry for every datafile code, with its title', () => {
  const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/errors/datafile.md'), 'utf8');
  const documented = new Map([...doc.matchAll(/^## (MK\d{4}): (.+)$/gm)].map((m) => [m[1], m[2]]));
  for (const [code, info] of Object.entries(DATAFILE_CODES)) {
    expect(documented.get(code), code).toBe(info.title);
  }
  expect([...documented.keys()].sort()).toEqual(Object.keys(DATAFILE_CODES).sort());
});
