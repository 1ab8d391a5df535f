import type { Command } from 'commander';
import { parsePort, projectDir, projectOption } from '../options.js';

export function registerDev(mk: Command): void {
  const cmd = mk
    .command('dev')
    .description('build the project and serve it locally (Events API, endpoints, tokens); rebuild on save')
    .option('--port <port>', 'port to listen on', parsePort, 7181)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--no-watch', 'do not watch files for changes')
    .action(async (opts: { project?: string; port: number; host: string; watch: boolean }) => {
      const { runDev } = await import('../run-dev.js');
      await runDev({ project: projectDir(opts), port: opts.port, host: opts.host, watch: opts.watch });
    });
  projectOption(cmd);
}
