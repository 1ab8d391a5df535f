import { call, resolveTarget, type TargetOptions } from './datasource-target.js';

/** A job as Tinybird's Jobs API answers it (kind-specific fields beside these). */
export interface JobInfo {
  readonly id: string;
  readonly job_id: string;
  readonly kind: string;
  readonly status: 'waiting' | 'working' | 'done' | 'error' | 'cancelled';
  readonly created_at: string;
  readonly updated_at: string;
  readonly started_at?: string;
  readonly is_cancellable: boolean;
  readonly pipe_name?: string;
  readonly datasource?: { readonly name: string };
  readonly error?: string;
  readonly job_url: string;
  readonly [field: string]: unknown;
}

export interface JobListOptions extends TargetOptions {
  readonly kind?: string;
  readonly status?: string;
  readonly pipe?: string;
}

/** `mk job ls`: jobs newest first (the last 100), filtered as `GET /v0/jobs` filters them. */
export async function listJobs(options: JobListOptions): Promise<JobInfo[]> {
  const q = new URLSearchParams();
  if (options.kind) q.set('kind', options.kind);
  if (options.status) q.set('status', options.status);
  if (options.pipe) q.set('pipe_name', options.pipe);
  const query = q.size > 0 ? `?${q}` : '';
  return (await call<{ jobs: JobInfo[] }>(resolveTarget(options), `/v0/jobs${query}`)).jobs;
}

/** `mk job show <id>`. */
export async function getJob(options: TargetOptions & { id: string }): Promise<JobInfo> {
  return call<JobInfo>(resolveTarget(options), `/v0/jobs/${encodeURIComponent(options.id)}`);
}

/** `mk job cancel <id>`: the cancelled job (the server refuses jobs no longer waiting). */
export async function cancelJob(options: TargetOptions & { id: string }): Promise<JobInfo> {
  return call<JobInfo>(resolveTarget(options), `/v0/jobs/${encodeURIComponent(options.id)}/cancel`, { method: 'POST' });
}
