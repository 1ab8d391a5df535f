import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import type { LiveHost } from '../deploy/live-host.js';
import { loadProject } from '../project/load.js';
import type { Store } from '../store/index.js';
import { buildWorkspace, fixtureLoader, type LocalWorkspace, type ResourceChanges } from '../workspace/index.js';

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
 * rebuilt and get their fixtures.
 */
export function rebuildProject(root: string, store: Store, host: LiveHost, tokenFor: (name: string) => string): RebuildResult {
  const { project, diagnostics: parsed } = loadProject(root, { env: process.env });
  const previous = host.current() as LocalWorkspace | undefined;
  const built = buildWorkspace(project, store, { tokenFor, priorDiagnostics: parsed, loadFixtures: fixtureLoader(project), ...(previous ? { previous } : {}) });
  const diagnostics = built.diagnostics;
  if (hasErrors(diagnostics) || !built.workspace) {
    built.discard();
    return { ok: false, diagnostics, sources: project.sources, changes: built.changes, loaded: {} };
  }
  const loaded = built.commit();
  host.setCurrent(built.workspace);
  return { ok: true, diagnostics, sources: project.sources, changes: built.changes, loaded };
}
