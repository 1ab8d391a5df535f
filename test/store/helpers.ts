import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { TableDef } from '../../src/store/index.js';
import { mustParseType } from '../../src/types/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh SQLite file path in a temp dir, removed after the test. */
export function tempDbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mk-store-'));
  dirs.push(dir);
  return join(dir, 'mk.db');
}

/** A TableDef from `name Type` pairs, MergeTree sorted by the first column. */
export function def(
  name: string,
  columns: Record<string, string | { type: string; jsonPath?: string; defaultExpr?: string }>,
  engine: Partial<TableDef['engine']> = {},
): TableDef {
  const cols = Object.entries(columns).map(([n, c]) =>
    typeof c === 'string' ? { name: n, type: mustParseType(c) } : { name: n, ...c, type: mustParseType(c.type) },
  );
  return { name, columns: cols, engine: { kind: 'MergeTree', sortingKey: [cols[0]!.name], ...engine } };
}
