import type { Command } from 'commander';
import { jsonOption, projectOption } from '../options.js';
import type { TargetFlags } from './datasource.js';

export function registerCopy(mk: Command): void {
  const copy = mk.command('copy').description('run copy pipes on the dev server (or --cloud)');
  const run = copy
    .command('run <pipe>')
    .description('run a copy pipe now, writing its result to its TARGET_DATASOURCE')
    .option('--param <key=value>', 'template parameter (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--cloud', 'talk to the remote server from --host/--token, MK_HOST/MK_TOKEN or mk login')
    .option('--host <url>', 'server URL (default: $MK_HOST, then mk login, then the local dev server)')
    .option('--token <token>', 'admin token (default: $MK_TOKEN, then mk login, then the dev token)');
  projectOption(run);
  jsonOption(run);
  run.action(async (pipe: string, opts: TargetFlags & { param: string[] }) => {
    const { runCopyCommand } = await import('../run-copy.js');
    process.exitCode = await runCopyCommand(pipe, opts);
  });
}
