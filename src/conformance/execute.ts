import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type Project, resourceName } from '../project/project.js';
import type { Store } from '../store/index.js';
import { buildWorkspace, type LocalWorkspace, openWorkspaceStore } from '../workspace/index.js';
import { blame, countRows, firstError, giveUp, type IngestReport, ingestAll, noRowsReason, runEndpoint } from './execute-steps.js';
import { sqlHints } from './hints.js';
import { materializedViews } from './views.js';

export interface ExecuteOptions {
  readonly rows: number;
  readonly now: number;
}

/** What running a project on generated data found, by pipe path. */
export interface Execution {
  /** Endpoint and materialized pipes that ran: rows returned (endpoints) or written (views). */
  readonly ran: ReadonlyMap<string, number>;
  /** Why a pipe did not run (build error, query error, no rows reached its view), by path. */
  readonly failed: ReadonlyMap<string, string>;
  /** Datasources and the rows generated, ingested and quarantined. */
  readonly ingest: readonly IngestReport[];
}

const MAX_ROUNDS = 8;
const tokenFor = (name: string) => `p.${name}`;

/**
 * Builds the project without the files in `exclude` (those that failed the checks, with why) on an
 * in-memory store, appends generated rows to every datasource a materialized view does not fill,
 * then runs each endpoint. A build or insert that still fails removes the files it blames and starts
 * again, so one broken file costs only itself and what reads it.
 */
export async function executeProject(project: Project, exclude: ReadonlyMap<string, string>, options: ExecuteOptions): Promise<Execution> {
  const failed = new Map<string, string>(exclude);
  const hints = sqlHints(project);
  const blameAll = (found: readonly Diagnostic[]) => blame(found, failed, dependencyExplainer(project, failed));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const sub: Project = {
      ...project,
      datasources: project.datasources.filter((d) => !failed.has(d.path)),
      pipes: project.pipes.filter((p) => !failed.has(p.path)),
      fixtures: [],
      tests: [],
    };
    const store = openWorkspaceStore(':memory:');
    try {
      // Tables first, then the pipes over them (as a `mk dev` rebuild does): the second build finds
      // every table live, so views start listening without backfilling empty sources.
      const tables = buildOrBlame(sub, store, undefined, blameAll, failed);
      if (tables === 'retry') continue;
      if (typeof tables === 'string') return giveUp(sub, failed, tables);
      const built = buildOrBlame(sub, store, tables, blameAll, failed);
      if (built === 'retry') continue;
      if (typeof built === 'string') return giveUp(sub, failed, built);
      const views = materializedViews(built);
      const ingest = ingestAll(built, store, views, { ...options, hints });
      if (ingest.blamed.length > 0) {
        for (const [path, message] of ingest.blamed) failed.set(path, message);
        continue;
      }
      const ran = new Map<string, number>();
      for (const view of views) {
        const rows = countRows(store, view.target);
        if (rows > 0) ran.set(view.path, rows);
        else failed.set(view.path, noRowsReason(view, ingest.report));
      }
      for (const pipe of built.preparedPipes.values()) {
        if (pipe.kind !== 'endpoint') continue;
        const outcome = await runEndpoint(built, pipe.name, options.now);
        if (typeof outcome === 'number') ran.set(pipe.file.path, outcome);
        else failed.set(pipe.file.path, outcome);
      }
      return { ran, failed, ingest: ingest.report };
    } finally {
      store.close();
    }
  }
  return giveUp(project, failed, 'gave up after repeated build failures');
}

/**
 * One build step: the tables alone (`previous` absent) or everything over them. Returns the workspace,
 * 'retry' when errors or a crash were pinned on files (now in `failed`), or a message when nothing
 * could be blamed.
 */
function buildOrBlame(
  sub: Project,
  store: Store,
  previous: LocalWorkspace | undefined,
  blameAll: (d: readonly Diagnostic[]) => number,
  failed: Map<string, string>,
): LocalWorkspace | 'retry' | string {
  try {
    const build = buildWorkspace(previous ? sub : { ...sub, pipes: [] }, store, { tokenFor, ...(previous ? { previous } : {}) });
    if (!build.workspace) return blameAll(build.diagnostics) > 0 ? 'retry' : firstError(build.diagnostics);
    build.commit();
    return build.workspace;
  } catch (error) {
    const message = `build crash: ${(error as Error).message}`;
    const culprits = previous ? [] : crashingDatasources(sub);
    for (const path of culprits) failed.set(path, message);
    return culprits.length > 0 ? 'retry' : message;
  }
}

/** Datasources whose table alone makes the build throw (found one by one on scratch stores). */
function crashingDatasources(sub: Project): string[] {
  return sub.datasources
    .filter((ds) => {
      const store = openWorkspaceStore(':memory:');
      try {
        buildWorkspace({ ...sub, datasources: [ds], pipes: [] }, store, { tokenFor }).commit();
        return false;
      } catch {
        return true;
      } finally {
        store.close();
      }
    })
    .map((ds) => ds.path);
}

/** Rewrites "Unknown table 'x'" when x is a resource that failed: the dependency is the real cause. */
function dependencyExplainer(project: Project, failed: ReadonlyMap<string, string>): (message: string) => string {
  const paths = new Map([...project.datasources, ...project.pipes].map((f) => [resourceName(f.path), f.path]));
  return (message) => {
    const name = /Unknown table '([^']+)'/.exec(message)?.[1];
    const path = name === undefined ? undefined : paths.get(name);
    const reason = path === undefined ? undefined : failed.get(path);
    return reason === undefined ? message : `reads ${name}, which failed: ${reason.replace(/^(build|check): /, '')}`;
  };
}
