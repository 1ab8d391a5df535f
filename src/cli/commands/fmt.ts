import type { Command } from 'commander';
import { projectDir, projectOption } from '../options.js';

export function registerFmt(mk: Command): void {
  const cmd = mk
    .command('fmt')
    .description('format datafiles in the canonical Tinybird form (all project datafiles when none are given)')
    .argument('[files...]', 'datafiles to format')
    .option('--check', 'do not write; exit 1 if any file would change (for CI)')
    .option('--stdout', 'print the formatted text instead of writing files')
    .action(async (files: string[], opts: { project?: string; check?: boolean; stdout?: boolean }) => {
      const { runFmt } = await import('../run-fmt.js');
      process.exitCode = await runFmt({ project: projectDir(opts), files, check: Boolean(opts.check), stdout: Boolean(opts.stdout) });
    });
  projectOption(cmd);
}
