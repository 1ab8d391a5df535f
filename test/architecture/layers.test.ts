import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The one-way pipeline of ARCHITECTURE.md, as ranks: a file may import its own layer and layers of a
 * lower rank, never a higher one.
 */
const RANK: Record<string, number> = {
  diagnostics: 0,
  util: 0,
  auth: 0,
  syntax: 1,
  types: 1,
  // Reads and writes `tests/<pipe>.yaml` text; the api layer runs the tests.
  testing: 1,
  project: 3,
  analysis: 4,
  template: 5,
  compile: 6,
  ingest: 7,
  store: 8,
  workspace: 9,
  engines: 10,
  server: 10,
  deploy: 11,
  dev: 12,
  api: 13,
  cli: 14,
  bench: 15,
  conformance: 15,
};

/** Packages only one layer may import (type-only imports are allowed anywhere). */
const OWNERS: Record<string, readonly string[]> = {
  'better-sqlite3': ['store', 'bench'],
  fastify: ['server'],
  commander: ['cli'],
  chalk: ['cli'],
  chokidar: ['dev'],
  chdb: ['engines'],
  '@clickhouse/client': ['engines'],
  yaml: ['testing'],
};

/** Layers that must not touch the file system, the network or the process (pure transformations). */
const PURE = new Set(['syntax', 'analysis', 'template', 'compile', 'types', 'ingest', 'testing']);

const SRC = resolve(import.meta.dirname, '../../src');

function files(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files(full, out);
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

const layerOf = (file: string) => relative(SRC, file).split('/')[0]!;

interface Import {
  readonly spec: string;
  readonly typeOnly: boolean;
}

function importsOf(text: string): Import[] {
  const out: Import[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm))
    out.push({ spec: m[3]!, typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false });
  return out;
}

describe('the layering of src/', () => {
  const all = files(SRC);

  it('imports only leftwards along the pipeline', () => {
    const violations: string[] = [];
    for (const file of all) {
      const from = layerOf(file);
      if (RANK[from] === undefined) violations.push(`${relative(SRC, file)}: folder '${from}' has no rank in this test`);
      for (const { spec, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.') || typeOnly) continue;
        const target = layerOf(resolve(dirname(file), spec));
        if ((RANK[target] ?? -1) > (RANK[from] ?? 99)) violations.push(`${relative(SRC, file)} imports ${spec} (${from} → ${target})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps each library in the layer that owns it', () => {
    const violations: string[] = [];
    for (const file of all) {
      const layer = layerOf(file);
      for (const { spec, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
        const owners = OWNERS[spec];
        if (owners && !typeOnly && !owners.includes(layer)) violations.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the pure layers off the file system and the network', () => {
    const violations: string[] = [];
    for (const file of all) {
      if (!PURE.has(layerOf(file))) continue;
      const text = readFileSync(file, 'utf8');
      for (const { spec } of importsOf(text)) {
        // Address validation (isIPv4/isIPv6) is pure; anything else from node:net is not.
        if (spec === 'node:net' && /import\s*\{\s*(isIP(v4|v6)?\s*,?\s*)+\}\s*from\s*'node:net'/.test(text)) continue;
        if (/^node:(fs|net|http|https|child_process|worker_threads)/.test(spec)) violations.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
