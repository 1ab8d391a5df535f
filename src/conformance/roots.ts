import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** One project found in a corpus: a folder whose datafiles resolve against each other. */
export interface ProjectRoot {
  /** Path relative to the corpus, forward slashes (`owner__repo/tinybird`). */
  readonly name: string;
  readonly root: string;
  /** Walk depth `loadProject` needs to reach every datafile below the root. */
  readonly maxDepth: number;
}

// Folders Tinybird's layouts put datafiles in (classic and Forward).
const LAYOUT_DIRS = new Set(['datasources', 'pipes', 'endpoints', 'materializations', 'copies', 'sinks', 'connections']);
const DATAFILE = /\.(datasource|pipe|connection)$/;
const SKIP_DIRS = new Set(['node_modules', '.git', '.mk', '.tinyb', 'dist', '.venv', '__pycache__']);

/**
 * Finds the projects of a corpus. Each top-level folder is one repository; inside it a datafile belongs
 * to its outermost ancestor that holds a layout folder (`datasources/`, `pipes/`, `endpoints/` …), so
 * nested folders such as `tinybird/web_vitals/endpoints/` stay with `tinybird/`. A datafile with no
 * such ancestor belongs to its own folder (flat classic projects).
 */
export function findProjectRoots(corpus: string): ProjectRoot[] {
  const depthByRoot = new Map<string, number>();
  for (const entry of listDirs(corpus)) {
    const repo = join(corpus, entry);
    for (const file of datafilesUnder(repo)) {
      const root = rootOf(repo, dirname(file));
      const depth = relative(root, file).split(sep).length - 1;
      depthByRoot.set(root, Math.max(depthByRoot.get(root) ?? 0, depth));
    }
  }
  return [...depthByRoot]
    .map(([root, depth]) => ({ name: relative(corpus, root).split(sep).join('/'), root, maxDepth: Math.max(3, depth) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function rootOf(repo: string, dir: string): string {
  const chain: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    chain.unshift(d);
    if (d === repo || dirname(d) === d) break;
  }
  return chain.find((d) => listDirs(d).some((sub) => LAYOUT_DIRS.has(sub))) ?? dir;
}

function datafilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of safeReaddir(dir)) {
    const full = join(dir, entry);
    if (isDir(full)) {
      if (!SKIP_DIRS.has(entry) && !entry.startsWith('.')) out.push(...datafilesUnder(full));
    } else if (DATAFILE.test(entry)) out.push(full);
  }
  return out;
}

function listDirs(dir: string): string[] {
  return safeReaddir(dir).filter((e) => isDir(join(dir, e)));
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
