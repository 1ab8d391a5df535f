import type { PipeKind } from '../analysis/project/check-pipe.js';
import { pipeKind } from '../analysis/project/check-pipe.js';
import { type LoadResult, loadProject } from '../project/index.js';
import { resourceName } from '../project/project.js';
import { type CompileCheck, checkProject } from './compile-check.js';
import type { Execution } from './execute.js';
import type { IngestReport } from './execute-steps.js';
import { externalPipes } from './external.js';
import { executeWithRetry } from './retry.js';
import type { ProjectRoot } from './roots.js';

/** One pipe's fate: checked at build time, then (endpoints and views) run on generated data. */
export interface PipeResult {
  readonly path: string;
  readonly name: string;
  readonly kind: PipeKind;
  /** Set when the pipe needs a service mk does not emulate: it is counted apart. */
  readonly external?: string;
  readonly compiled: boolean;
  /** Error messages that stopped it, build-time first; empty when it passed. */
  readonly errors: readonly string[];
  /** Endpoints and materialized pipes: whether they ran, and rows returned or written. */
  readonly executed?: boolean;
  readonly rows?: number;
}

export interface ProjectReport {
  readonly name: string;
  readonly datafiles: number;
  readonly parsed: number;
  readonly pipes: readonly PipeResult[];
  readonly ingest: readonly IngestReport[];
  /** Set when the project could not be processed at all (its pipes then count as failures). */
  readonly crash?: string;
}

export interface RunOptions {
  readonly rows: number;
  readonly now: number;
}

/** Loads, checks and runs one project; never throws (a crash becomes the report's `crash`). */
export async function runProject(root: ProjectRoot, options: RunOptions): Promise<ProjectReport> {
  let load: LoadResult;
  try {
    load = loadProject(root.root, { maxDepth: root.maxDepth, env: {} });
  } catch (error) {
    return { name: root.name, datafiles: 0, parsed: 0, pipes: [], ingest: [], crash: `load: ${(error as Error).message}` };
  }
  const { project, diagnostics } = load;
  const badFiles = new Set(diagnostics.filter((d) => d.severity === 'error' && d.file !== undefined).map((d) => d.file!));
  // Sources also hold fixture generators (`fixtures/<ds>.sql`, for code frames): count datafiles only.
  const datafilePaths = [...project.sources.keys()].filter((p) => /\.(datasource|pipe|connection|incl)$/.test(p));
  const datafiles = datafilePaths.length;
  const parsed = datafilePaths.filter((p) => !badFiles.has(p)).length;
  const external = externalPipes(project);
  const base: Base[] = project.pipes.map((p) => ({
    path: p.path,
    name: resourceName(p.path),
    kind: pipeKind(p).kind,
    external: external.get(p.path),
  }));
  let check: CompileCheck;
  try {
    check = checkProject(project, diagnostics);
  } catch (error) {
    return crashed(root.name, datafiles, parsed, base, `crash: ${(error as Error).message}`);
  }
  const exclude = new Map<string, string>();
  for (const [path, messages] of check.errors) exclude.set(path, `check: ${messages[0]}`);
  for (const [path, reason] of external) exclude.set(path, `external: ${reason}`);
  let run: Execution & { crash?: string };
  try {
    run = await executeWithRetry(project, exclude, options);
  } catch (error) {
    run = { ran: new Map<string, number>(), failed: new Map<string, string>(), ingest: [], crash: `crash: ${(error as Error).message}` };
  }
  const pipes = base.map(({ external: ext, ...p }): PipeResult => {
    const errors = [...(check.errors.get(p.path) ?? [])];
    const compiled = errors.length === 0;
    if (ext) return { ...p, external: ext, compiled, errors };
    if (p.kind !== 'endpoint' && p.kind !== 'materialized') return { ...p, compiled, errors };
    const rows = run.ran.get(p.path);
    if (compiled && rows === undefined) errors.push(run.failed.get(p.path) ?? run.crash ?? 'not run');
    return { ...p, compiled, errors, executed: compiled && rows !== undefined, ...(rows !== undefined ? { rows } : {}) };
  });
  return { name: root.name, datafiles, parsed, pipes, ingest: run.ingest, ...(run.crash ? { crash: run.crash } : {}) };
}

type Base = { path: string; name: string; kind: PipeKind; external: string | undefined };

function crashed(name: string, datafiles: number, parsed: number, base: readonly Base[], message: string): ProjectReport {
  const pipes = base.map(({ external: ext, ...p }): PipeResult => {
    const target = p.kind === 'endpoint' || p.kind === 'materialized';
    return { ...p, ...(ext ? { external: ext } : {}), compiled: false, errors: [message], ...(target && !ext ? { executed: false } : {}) };
  });
  return { name, datafiles, parsed, pipes, ingest: [], crash: message };
}
