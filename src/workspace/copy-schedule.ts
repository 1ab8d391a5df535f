import { copySettings, runCopy } from './copy.js';
import { cronMatches } from './copy-cron.js';
import type { LocalWorkspace } from './local-workspace.js';

export interface ScheduleOptions {
  readonly now?: () => Date;
  /** Called after each scheduled run (or failure), for logs and tests. */
  readonly onRun?: (pipe: string, outcome: { rows: number } | { error: Error }) => void;
}

/**
 * COPY_SCHEDULE while a server runs: at the start of every UTC minute, runs each copy pipe whose cron
 * expression matches, with its parameters' defaults; `@once` runs once when the workspace goes live,
 * `@on-demand` (the default) never. Returns a function stopping the timer.
 */
export function startCopySchedules(workspace: LocalWorkspace, options: ScheduleOptions = {}): () => void {
  const now = options.now ?? (() => new Date());
  const scheduled: { pipe: string; cron: string }[] = [];
  const once: string[] = [];
  for (const pipe of workspace.preparedPipes.values()) {
    if (pipe.kind !== 'copy') continue;
    const schedule = copySettings(workspace, pipe.name).schedule;
    if (!schedule || schedule === '@on-demand') continue;
    if (schedule === '@once') once.push(pipe.name);
    else scheduled.push({ pipe: pipe.name, cron: schedule });
  }
  const run = (pipe: string) => {
    try {
      options.onRun?.(pipe, { rows: runCopy(workspace, pipe).rows });
    } catch (error) {
      options.onRun?.(pipe, { error: error as Error });
    }
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  if (once.length > 0) setImmediate(() => !stopped && once.forEach(run));
  const tick = () => {
    if (stopped) return;
    const at = now();
    for (const s of scheduled) if (cronMatches(s.cron, at)) run(s.pipe);
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
