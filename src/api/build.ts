import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { newToken } from '../auth/tokens.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { loadProject } from '../project/load.js';
import { resourceName } from '../project/project.js';
import { buildWorkspace, fixtureLoader, openWorkspaceStore } from '../workspace/index.js';
import { stateDir } from './state.js';

export interface BuildReport {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Source text by path, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  readonly datasources: readonly { name: string; rows: number }[];
  readonly pipes: readonly { name: string; kind: string }[];
  readonly elapsedMs: number;
  /** The store file the build wrote (`.mk/build.sqlite`). */
  readonly storeFile?: string;
}

/**
 * `mk build`: loads and checks the whole project (every error in one run), then builds it into a fresh
 * SQLite store with fixtures loaded and materialized views run over them.
 */
export async function build(options: { project: string; env?: Readonly<Record<string, string | undefined>> }): Promise<BuildReport> {
  const started = performance.now();
  const { project, diagnostics: parseDiagnostics } = loadProject(options.project, { env: options.env ?? process.env });
  const elapsed = () => Math.round(performance.now() - started);
  const storeFile = join(stateDir(options.project), 'build.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(storeFile + suffix, { force: true });
  const store = openWorkspaceStore(storeFile);
  try {
    const built = buildWorkspace(project, store, {
      loadFixtures: fixtureLoader(project),
      tokenFor: () => newToken(),
      priorDiagnostics: parseDiagnostics,
    });
    const diagnostics = sortDiagnostics(built.diagnostics);
    const base = { diagnostics, sources: project.sources, elapsedMs: 0 };
    if (hasErrors(diagnostics) || !built.workspace) return { ...base, ok: false, datasources: [], pipes: [], elapsedMs: elapsed() };
    built.commit();
    const datasources = project.datasources.map((d) => resourceName(d.path)).map((name) => ({ name, rows: countRows(store, name) }));
    const pipes = built.workspace.pipes.map((p) => ({ name: p.name, kind: p.kind }));
    return { ...base, ok: true, datasources, pipes, elapsedMs: elapsed(), storeFile };
  } finally {
    store.close();
  }
}

function countRows(store: ReturnType<typeof openWorkspaceStore>, ds: string): number {
  const physical = store.physicalName(ds);
  if (!physical) return 0;
  const result = store.query(
    `SELECT count(*) AS n FROM "${physical}"`,
    [],
    [{ name: 'n', type: { kind: 'int', bits: 64, signed: false } }],
  );
  return Number(result.data[0]?.n ?? 0);
}

/** Orders diagnostics by file, then position, so output reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.range?.start.offset ?? 0) - (b.range?.start.offset ?? 0),
  );
}
