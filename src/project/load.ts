import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/user-error.js';
import type { ConnectionFile, DatasourceFile, PipeFile } from '../syntax/datafile/ast.js';
import { expandIncludesDetailed, parseDatafile, remapIncludedDiagnostics } from '../syntax/datafile/index.js';
import { discoverFiles } from './discover.js';
import { type Fixture, type FixtureFormat, type Project, resourceName, type TestFile } from './project.js';

export interface LoadOptions {
  /** Environment for `$VAR` substitution in datafiles (Tinybird uses the process environment). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly maxDepth?: number;
}

export interface LoadResult {
  readonly project: Project;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and parses every datafile of the project at `root`. Diagnostics are returned, not thrown. */
export function loadProject(root: string, options: LoadOptions = {}): LoadResult {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UserError(`Project folder not found: ${root}`);
  }
  const files = discoverFiles(root, options.maxDepth);
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const datasources: DatasourceFile[] = [];
  const pipes: PipeFile[] = [];
  const connections: ConnectionFile[] = [];

  for (const path of files.datafiles) {
    const raw = readFileSync(join(root, path), 'utf8');
    sources.set(path, raw);
    if (/^\s*include\b/im.test(raw)) {
      // Classic INCLUDE: splice the .incl files, then point diagnostics back at the INCLUDE lines.
      const expansion = expandWithIncludes(root, path, raw);
      const { datafile, diagnostics: found } = parseDatafile(expansion.text, { path, env: options.env ?? {} });
      diagnostics.push(...expansion.diagnostics, ...remapIncludedDiagnostics(found, expansion));
      collect(datafile);
      continue;
    }
    const { datafile, diagnostics: found } = parseDatafile(raw, { path, env: options.env ?? {} });
    diagnostics.push(...found);
    collect(datafile);
  }
  function collect(datafile: ReturnType<typeof parseDatafile>['datafile']) {
    if (datafile.kind === 'datasource') datasources.push(datafile);
    else if (datafile.kind === 'pipe') pipes.push(datafile);
    else if (datafile.kind === 'connection') connections.push(datafile);
  }

  const fixtures = dataFixtures(files.fixtures, new Set(datasources.map((d) => resourceName(d.path))));
  for (const f of fixtures) if (f.format === 'sql') sources.set(f.path, readFileSync(join(root, f.path), 'utf8'));
  const tests: TestFile[] = files.tests.map((path) => ({ pipe: resourceName(path), path }));
  return { project: { root, datasources, pipes, connections, fixtures, tests, sources }, diagnostics };
}

function expandWithIncludes(root: string, path: string, text: string) {
  return expandIncludesDetailed(text, path, (includePath: string) => {
    const full = join(root, posix.normalize(join(dirname(path), includePath)));
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  });
}

/**
 * Fixtures by datasource. A `.sql` file counts only beside a datasource of its name with no data file:
 * `tb mock` saved the SQL it generated `<ds>.ndjson` with, and other `.sql` files there are test queries.
 */
function dataFixtures(paths: readonly string[], datasources: ReadonlySet<string>): Fixture[] {
  const format = (path: string): FixtureFormat => (path.endsWith('.csv') ? 'csv' : path.endsWith('.sql') ? 'sql' : 'ndjson');
  const all = paths.map((path) => ({ datasource: resourceName(path), path, format: format(path) }));
  const withData = new Set(all.filter((f) => f.format !== 'sql').map((f) => f.datasource));
  return all.filter((f) => f.format !== 'sql' || (datasources.has(f.datasource) && !withData.has(f.datasource)));
}
