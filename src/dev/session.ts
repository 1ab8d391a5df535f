import type { LiveHost } from '../deploy/live-host.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { loadProject } from '../project/load.js';
import type { Store } from '../store/index.js';
import { buildWorkspace, fixtureLoader, fixtureRows, type LocalWorkspace, type ResourceChanges } from '../workspace/index.js';

export interface RebuildResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  readonly changes: ResourceChanges;
  /** Fixture rows loaded into new or changed datasources. */
  readonly loaded: Record<string, number>;
}

/**
 * Rebuilds the project folder into the dev store and swaps the live workspace. On errors the previous
 * version keeps serving. Unchanged datasources keep their tables and rows; new and changed ones are
 * rebuilt with their rows carried over; new ones get their fixtures, and a saved fixture file replaces its
 * datasource's rows.
 */
export function rebuildProject(
  root: string,
  store: Store,
  host: LiveHost,
  tokenFor: (name: string) => string,
  changedPaths: readonly string[] = [],
): RebuildResult {
  const { project, diagnostics: parsed } = loadProject(root, { env: process.env });
  const previous = host.current() as LocalWorkspace | undefined;
  const built = buildWorkspace(project, store, {
    tokenFor,
    priorDiagnostics: parsed,
    loadFixtures: fixtureLoader(project),
    ...(previous ? { previous } : {}),
  });
  const diagnostics = built.diagnostics;
  if (hasErrors(diagnostics) || !built.workspace) {
    built.discard();
    return { ok: false, diagnostics, sources: project.sources, changes: built.changes, loaded: {} };
  }
  const loaded = built.commit();
  host.setCurrent(built.workspace);
  // A saved fixture replaces that datasource's rows with the file's (as `tb dev` truncates and re-appends).
  const load = fixtureLoader(project);
  for (const path of changedPaths) {
    const match = /(?:^|[/\\])fixtures[/\\]([^/\\]+)\.(ndjson|csv|sql)$/.exec(path);
    const ds = match?.[1];
    if (!ds || loaded[ds] !== undefined || !store.physicalName(ds)) continue;
    const fixture = load(ds);
    const rows = fixture && fixtureRows(built.workspace, fixture);
    if (rows) loaded[ds] = store.replace(ds, rows.text, { format: rows.format }).successful_rows;
  }
  return { ok: true, diagnostics, sources: project.sources, changes: built.changes, loaded };
}
