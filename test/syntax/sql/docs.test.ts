import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { SQL_CODES } from '../../../src/diagnostics/codes/sql.js';

it('docs/errors/sql.md has an entry for every SQL code, with its title', () => {
  const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/errors/sql.md'), 'utf8');
  const documented = new Map([...doc.matchAll(/^## (MK\d{4}): (.+)$/gm)].map((m) => [m[1], m[2]]));
  for (const [code, info] of Object.entries(SQL_CODES)) expect(documented.get(code), code).toBe(info.title);
  expect([...documented.keys()].sort()).toEqual(Object.keys(SQL_CODES).sort());
});
