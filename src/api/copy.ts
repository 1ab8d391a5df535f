import { UserError } from '../diagnostics/user-error.js';
import { call, resolveTarget, type TargetOptions } from './datasource-target.js';

export interface CopyRun {
  readonly job_id: string;
  readonly status: string;
  readonly datasource: { readonly name: string };
  readonly mode: 'append' | 'replace';
  readonly rows: number;
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
