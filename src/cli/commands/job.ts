import type { Command } from 'commander';
import type { JobInfo } from '../../api/job.js';
import { makeChalk, printJson, say, table } from '../output.js';
import { type TargetFlags, target, targetOptions } from './datasource.js';

export function registerJob(mk: Command): void {
  const job = mk.command('job').description('list, show and cancel jobs (copy runs, deletes) on the dev server (or --cloud)');
  targetOptions(
    job
      .command('ls')
      .description('list jobs, newest first (the last 100)')
      .option('--kind <kind>', 'only jobs of this kind (copy, delete_data …)')
      .option('-s, --status <status>', 'only jobs with this status (waiting, working, done, error, cancelled)')
      .option('--pipe <pipe>', "only this pipe's jobs"),
  ).action(async (opts: TargetFlags & { kind?: string; status?: string; pipe?: string }) => {
    const { listJobs } = await import('../../api/job.js');
    const jobs = await listJobs({
      ...target(opts),
      ...(opts.kind ? { kind: opts.kind } : {}),
      ...(opts.status ? { status: opts.status } : {}),
      ...(opts.pipe ? { pipe: opts.pipe } : {}),
    });
    if (opts.json) return printJson(jobs);
    if (jobs.length === 0) return say('No jobs');
    const rows = jobs.map((j) => [j.id, j.kind, paintStatus(j.status), j.created_at, subject(j), outcome(j)]);
    for (const line of table([['ID', 'KIND', 'STATUS', 'CREATED (UTC)', 'ON', 'RESULT'], ...rows])) say(line);
  });
  targetOptions(job.command('show <id>').description("a job's details")).action(async (id: string, opts: TargetFlags) => {
    const { getJob } = await import('../../api/job.js');
    const found = await getJob({ ...target(opts), id });
    if (opts.json) return printJson(found);
    for (const [key, value] of Object.entries(found))
      say(`${`${key}:`.padEnd(16)} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  });
  targetOptions(job.command('cancel <id>').description('cancel a waiting job (a running one runs to the end)')).action(
    async (id: string, opts: TargetFlags) => {
      const { cancelJob } = await import('../../api/job.js');
      const cancelled = await cancelJob({ ...target(opts), id });
      if (opts.json) return printJson(cancelled);
      say(`${makeChalk().green('✓')} Job ${id} ${cancelled.status}`);
    },
  );
}

/** What a job worked on: its pipe and datasource. */
function subject(job: JobInfo): string {
  const ds = job.datasource?.name;
  if (job.pipe_name) return ds ? `${job.pipe_name} → ${ds}` : job.pipe_name;
  return ds ?? '';
}

function outcome(job: JobInfo): string {
  if (job.error) return job.error.length > 60 ? `${job.error.slice(0, 57)}…` : job.error;
  if (typeof job.rows === 'number') return `${job.rows} rows`;
  if (typeof job.rows_affected === 'number') return `${job.rows_affected} rows deleted`;
  return '';
}

/** A job status coloured for a terminal: done green, error red, waiting/working yellow. */
export function paintStatus(status: string): string {
  const c = makeChalk();
  if (status === 'done') return c.green(status);
  if (status === 'error') return c.red(status);
  if (status === 'waiting' || status === 'working') return c.yellow(status);
  return status;
}
