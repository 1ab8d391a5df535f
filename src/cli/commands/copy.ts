import type { Command } from 'commander';
import type { CopyPipeState } from '../../api/copy.js';
import { collect } from '../options.js';
import { makeChalk, printJson, say, table } from '../output.js';
import { type TargetFlags, target, targetOptions } from './datasource.js';
import { paintStatus } from './job.js';

export function registerCopy(mk: Command): void {
  const copy = mk.command('copy').description('run, list, pause and resume copy pipes on the dev server (or --cloud)');
  targetOptions(
    copy
      .command('run <pipe>')
      .description('run a copy pipe now, writing its result to its TARGET_DATASOURCE')
      .option('--param <key=value>', 'template parameter (repeatable)', collect, [] as string[]),
  ).action(async (pipe: string, opts: TargetFlags & { param: string[] }) => {
    const { runCopyCommand } = await import('../run-copy.js');
    process.exitCode = await runCopyCommand(pipe, opts);
  });
  targetOptions(copy.command('ls').description('list copy pipes: target, schedule, paused or not, last run')).action(
    async (opts: TargetFlags) => {
      const { listCopyPipes } = await import('../../api/copy.js');
      const pipes = await listCopyPipes(target(opts));
      if (opts.json) return printJson(pipes);
      if (pipes.length === 0) return say('No copy pipes');
      const rows = pipes.map((p) => [p.name, p.copy_target_datasource, p.copy_mode, p.schedule.cron, scheduleState(p), lastRun(p)]);
      for (const line of table([['PIPE', 'TARGET', 'MODE', 'SCHEDULE', 'STATE', 'LAST RUN'], ...rows])) say(line);
    },
  );
  const actions = {
    pause: ['stop a copy pipe’s COPY_SCHEDULE from firing (until resumed, across restarts)', 'Paused'],
    resume: ['let a paused COPY_SCHEDULE fire again', 'Resumed'],
    cancel: ['cancel a scheduled copy pipe’s waiting jobs and pause its schedule', 'Cancelled'],
  } as const;
  for (const [action, [description, verb]] of Object.entries(actions) as [keyof typeof actions, (typeof actions)[keyof typeof actions]][]) {
    targetOptions(copy.command(`${action} <pipe>`).description(description)).action(async (pipe: string, opts: TargetFlags) => {
      const { copyAction } = await import('../../api/copy.js');
      const state = await copyAction({ ...target(opts), pipe, action });
      if (opts.json) return printJson(state);
      const ok = makeChalk().green('✓');
      if (action !== 'cancel') return say(`${ok} ${verb} ${pipe} (schedule ${state.schedule.cron}, ${state.schedule.status})`);
      say(
        `${ok} Cancelled ${state.cancelled_jobs?.length ?? 0} waiting job(s) of ${pipe}; its schedule is paused until mk copy resume ${pipe}`,
      );
      for (const job of state.not_cancelled_jobs ?? []) say(`  job ${job.id} is already running and runs to the end`);
    });
  }
}

function scheduleState(p: CopyPipeState): string {
  const c = makeChalk();
  if (p.schedule.status === 'paused') return c.yellow('paused');
  return p.schedule.status === 'running' ? c.green('scheduled') : 'on demand';
}

function lastRun(p: CopyPipeState): string {
  const job = p.last_job;
  if (!job) return '-';
  const detail = job.error ? `: ${job.error}` : typeof job.rows === 'number' ? `, ${job.rows} rows` : '';
  return `${paintStatus(job.status)} ${job.created_at}${detail}`;
}
