import { copySettings } from './copy.js';
import { cronMatches } from './copy-cron.js';
import { queueCopyJob } from './copy-jobs.js';
import { copyPaused } from './copy-pause.js';
import type { Job } from './jobs.js';
import type { LocalWorkspace } from './local-workspace.js';

export interface ScheduleOptions {
  readonly now?: () => Date;
  /** Called after each scheduled run (or failure) with its job, for logs and tests. */
  readonly onRun?: (pipe: string, outcome: { rows: number } | { error: Error }, job: Job) => void;
}

/**
 * COPY_SCHEDULE while a server runs: at the start of every UTC minute, queues a copy job for each
 * copy pipe whose cron expression matches and whose schedule is not paused (copy-pause.ts), run with
 * its parameters' defaults; `@once` runs once when the workspace goes live, `@on-demand` (the
 * default) never. Every run is in the job log, failures as `error` jobs. Returns a function stopping the timer.
 */
export function startCopySchedules(workspace: LocalWorkspace, options: ScheduleOptions = {}): () => void {
  const now = options.now ?? (() => new Date());
  const scheduled: { pipe: string; cron: string }[] = [];
  const once: string[] = [];
  for (const pipe of workspace.preparedPipes.values()) {
    if (pipe.kind !== 'copy') continue;
    const schedule = copySchedule(workspace, pipe.name);
    if (!schedule) continue;
    if (schedule === '@once') once.push(pipe.name);
    else scheduled.push({ pipe: pipe.name, cron: schedule });
  }
  let stopped = false;
  const run = (pipe: string) => {
    if (stopped || copyPaused(workspace.store, pipe)) return;
    queueCopyJob(workspace, pipe, 'schedule', ({ job, result, error }) => {
      if (result) options.onRun?.(pipe, { rows: result.rows }, job);
      else if (error) options.onRun?.(pipe, { error }, job);
    });
  };
  let timer: NodeJS.Timeout | undefined;
  if (once.length > 0) setImmediate(() => !stopped && once.forEach(run));
  const tick = () => {
    if (stopped) return;
    const at = now();
    try {
      for (const s of scheduled) if (cronMatches(s.cron, at)) run(s.pipe);
    } catch {
      // The store closed under a stopping server; nothing more to run.
    }
    arm();
  };
  const arm = () => {
    const at = now();
    timer = setTimeout(tick, 60_000 - (at.getTime() % 60_000) + 5);
    timer.unref();
  };
  if (scheduled.length > 0) arm();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

/** A copy pipe's cron expression or `@once`; undefined for `@on-demand` (or no COPY_SCHEDULE). */
export function copySchedule(workspace: LocalWorkspace, pipe: string): string | undefined {
  const schedule = copySettings(workspace, pipe).schedule;
  return !schedule || schedule === '@on-demand' ? undefined : schedule;
}
