import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { renderDiagnostics } from '../diagnostics/render.js';
import { loadProject } from '../project/load.js';
import type { DeployFile, DeploymentRecord, DeploymentTarget, DeployResponse } from '../server/host.js';
import type { Store } from '../store/index.js';
import { ApiError } from '../util/api-error.js';
import { buildWorkspace, type LocalWorkspace, type ResourceChanges } from '../workspace/index.js';
import type { LiveHost } from './live-host.js';
import type { TokenVault } from './token-vault.js';

/**
 * Server-side deployments: each is validated, built into staged tables beside the live ones, and
 * promoted in one step; a failed deployment leaves the live one serving untouched. Files of every
 * deployment are kept under `<dataDir>/deployments/<id>/` so a restarted server restores the live one.
 */
export class DeploymentManager implements DeploymentTarget {
  private records: DeploymentRecord[];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly store: Store,
    private readonly host: LiveHost,
    private readonly vault: TokenVault,
  ) {
    const file = this.recordsFile();
    this.records = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DeploymentRecord[]) : [];
  }

  list(): readonly DeploymentRecord[] {
    return this.records;
  }

  /** Rebuilds the live deployment from its saved files (tables and rows are already in the store). */
  restore(): void {
    const live = this.records.find((r) => r.live);
    if (!live) return;
    const { project } = loadProject(this.filesDir(live.id), { env: process.env });
    const built = buildWorkspace(project, this.store, { tokenFor: this.vault.tokenFor });
    if (!built.workspace)
      throw new Error(`the live deployment ${live.id} no longer builds: ${built.diagnostics.map((d) => d.message).join('; ')}`);
    built.commit();
    this.host.setCurrent(built.workspace);
  }

  deploy(files: readonly DeployFile[], options: { check: boolean }): Promise<DeployResponse> {
    // One deployment at a time: each builds against the previous one's result.
    const run = this.queue.then(() => this.deployNow(files, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async deployNow(files: readonly DeployFile[], options: { check: boolean }): Promise<DeployResponse> {
    const id = String(this.records.reduce((max, r) => Math.max(max, Number(r.id)), 0) + 1);
    const dir = this.filesDir(id);
    for (const f of files) {
      const path = normalize(f.path);
      if (path.startsWith('..') || path.startsWith('/')) throw new ApiError(400, `Invalid file path in deployment: ${f.path}`);
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), f.content);
    }
    const loaded = loadProject(dir, { env: process.env });
    const previous = this.host.current() as LocalWorkspace | undefined;
    const built = buildWorkspace(loaded.project, this.store, {
      tokenFor: this.vault.tokenFor,
      priorDiagnostics: loaded.diagnostics,
      ...(previous ? { previous } : {}),
    });
    const diagnostics = built.diagnostics;
    const created_at = new Date().toISOString();
    const summary = changeSummary(built.changes);
    if (hasErrors(diagnostics) || !built.workspace) {
      return {
        result: 'failed',
        deployment: {
          id,
          status: 'failed',
          live: false,
          created_at,
          ...summary,
          errors: errorsOf(diagnostics, loaded.project.sources),
          feedback: [],
        },
      };
    }
    const feedback = diagnostics
      .filter((d) => d.severity !== 'error')
      .map((d) => ({ level: d.severity.toUpperCase(), resource: d.file ?? '', message: d.message }));
    const nothingChanged = previous !== undefined && Object.values(summary).every((names) => names.length === 0);
    if (options.check || nothingChanged) {
      built.discard();
      return {
        result: nothingChanged ? 'no_changes' : 'success',
        deployment: { id, status: 'calculating', live: false, created_at, ...summary, feedback },
      };
    }
    built.commit();
    this.host.setCurrent(built.workspace);
    const record: DeploymentRecord = { id, status: 'data_ready', live: true, created_at, ...summary };
    this.records = [...this.records.map((r) => (r.live ? { ...r, live: false } : r)), record];
    writeFileSync(this.recordsFile(), JSON.stringify(this.records, null, 2));
    return { result: 'success', deployment: { ...record, feedback } };
  }

  private filesDir(id: string): string {
    return join(this.dataDir, 'deployments', id);
  }

  private recordsFile(): string {
    mkdirSync(this.dataDir, { recursive: true });
    return join(this.dataDir, 'deployments.json');
  }
}

function changeSummary(c: ResourceChanges) {
  return {
    new_datasource_names: c.newDatasources,
    changed_datasource_names: c.changedDatasources,
    deleted_datasource_names: c.deletedDatasources,
    new_pipe_names: c.newPipes,
    changed_pipe_names: c.changedPipes,
    deleted_pipe_names: c.deletedPipes,
  };
}

/** Tinybird's `errors: [{filename, error}]`, plus mk's rendered code frame for the CLI to print. */
function errorsOf(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>) {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({
      filename: d.file ?? '',
      error: d.message,
      code: d.code,
      rendered: renderDiagnostics([d], { sources }).split('\n\n')[0],
    }));
}
