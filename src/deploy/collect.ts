import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { discoverFiles } from '../project/discover.js';
import type { DeployFile } from '../server/host.js';

/**
 * The files a deployment carries: every datafile and the `.incl` files they may include. Fixtures and
 * tests stay behind: production data comes from ingestion, not from fixtures.
 */
export function collectDeployFiles(root: string): DeployFile[] {
  const { datafiles } = discoverFiles(root);
  const includes = findIncludes(root);
  return [...datafiles, ...includes].sort().map((path) => ({ path, content: readFileSync(join(root, path), 'utf8') }));
}

function findIncludes(root: string, dir = root, depth = 0, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.') || entry === 'node_modules') continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (depth < 3) findIncludes(root, full, depth + 1, out);
    } else if (entry.endsWith('.incl')) out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}
