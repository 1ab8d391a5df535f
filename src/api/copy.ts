import { UserError } from '../diagnostics/user-error.js';
import { call, resolveTarget, type TargetOptions } from './datasource-target.js';
import type { JobInfo } from './job.js';

export interface CopyRun extends JobInfo {
  readonly datasource: { readonly name: string };
  readonly mode: 'append' | 'replace';
  readonly rows: number;
}

/** A copy pipe as the copy routes answer it (`GET|POST /v0/pipes/<pipe>/copy[/pause|/resume|/cancel]`). */
export interface CopyPipeState {
  readonly name: string;
  readonly copy_target_datasource: string;
  readonly copy_mode: 'append' | 'replace';
  /** `status`: `running` or `paused` for a COPY_SCHEDULE, `on-demand` without one. */
  readonly schedule: { readonly cron: string; readonly timezone: string; readonly status: 'running' | 'paused' | 'on-demand' };
  readonly last_job: JobInfo | null;
  readonly cancelled_jobs?: readonly JobInfo[];
  readonly not_cancelled_jobs?: readonly JobInfo[];
}

/** `mk copy run <pipe> [--param k=v]`: runs a copy pipe on the dev server (or --cloud). */
export async function runCopyPipe(options: TargetOptions & { pipe: string; params?: readonly string[] }): Promise<CopyRun> {
  const q = new URLSearchParams();
  for (const p of options.params ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UserError(`--param takes key=value, not '${p}'`);
    q.append(p.slice(0, eq), p.slice(eq + 1));
  }
  const query = q.size > 0 ? `?${q}` : '';
  return call<CopyRun>(resolveTarget(options), `/v0/pipes/${encodeURIComponent(options.pipe)}/copy${query}`, { method: 'POST' });
}

/** `mk copy pause|resume|cancel <pipe>`: the pipe's state after the action. */
export async function copyAction(options: TargetOptions & { pipe: string; action: 'pause' | 'resume' | 'cancel' }): Promise<CopyPipeState> {
  return call<CopyPipeState>(resolveTarget(options), `/v0/pipes/${encodeURIComponent(options.pipe)}/copy/${options.action}`, {
    method: 'POST',
  });
}

/** `mk copy ls`: every copy pipe with its schedule, paused state and latest job. */
export async function listCopyPipes(options: TargetOptions): Promise<CopyPipeState[]> {
  const target = resolveTarget(options);
  const { pipes } = await call<{ pipes: { name: string; type: string }[] }>(target, '/v0/pipes');
  const copies = pipes.filter((p) => p.type === 'copy');
  return Promise.all(copies.map((p) => call<CopyPipeState>(target, `/v0/pipes/${encodeURIComponent(p.name)}/copy`)));
}
