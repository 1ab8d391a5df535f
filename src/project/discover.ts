import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** What a project folder holds, by kind, as paths relative to the root with forward slashes. */
export interface DiscoveredFiles {
  readonly datafiles: readonly string[];
  readonly fixtures: readonly string[];
  readonly tests: readonly string[];
}

const DATAFILE = /\.(datasource|pipe|connection)$/;
const FIXTURE = /(^|\/)fixtures\/[^/]+\.(ndjson|csv|sql)$/;
const TEST = /(^|\/)tests\/[^/]+\.ya?ml$/;
const SKIP_DIRS = new Set(['node_modules', '.git', '.mk', '.tinyb', 'dist', '.venv', '__pycache__']);

/**
 * Finds a project's files. Tinybird Forward looks in fixed folders (datasources/, pipes/, endpoints/,
 * materializations/, copies/, sinks/, connections/) and walks up to depth 3 when deploying; mk walks
 * to `maxDepth` so classic layouts (files at the root, or nested kits) load too.
 */
export function discoverFiles(root: string, maxDepth = 3): DiscoveredFiles {
  const datafiles: string[] = [];
  const fixtures: string[] = [];
  const tests: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(dir, entry);
      const rel = relative(root, full).split(sep).join('/');
      let isDir: boolean;
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        continue;
      }
      if (isDir) {
        if (!SKIP_DIRS.has(entry) && !entry.startsWith('.') && depth < maxDepth) walk(full, depth + 1);
      } else if (DATAFILE.test(entry)) datafiles.push(rel);
      else if (FIXTURE.test(rel)) fixtures.push(rel);
      else if (TEST.test(rel)) tests.push(rel);
    }
  };
  walk(root, 0);
  return { datafiles, fixtures, tests };
}
