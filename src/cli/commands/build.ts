import type { Command } from 'commander';
import { jsonOption, projectDir, projectOption } from '../options.js';

export function registerBuild(mk: Command): void {
  const cmd = mk
    .command('build')
    .description('validate the project (datafiles, SQL against schemas) and build it into a local store with fixtures')
    .action(async (opts: { project?: string; json?: boolean }) => {
      const { build } = await import('../../api/build.js');
      const { printBuildReport } = await import('../report.js');
      const report = await build({ project: projectDir(opts) });
      printBuildReport(report, { json: Boolean(opts.json) });
      if (!report.ok) process.exitCode = 1;
    });
  projectOption(cmd);
  jsonOption(cmd);
}
