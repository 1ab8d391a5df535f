import type { Command } from 'commander';
import { parsePort } from '../options.js';

export function registerServe(mk: Command): void {
  mk.command('serve')
    .description('run an mk server ("cloud" target) with persistent data; projects arrive with mk deploy --cloud')
    .requiredOption('--data-dir <dir>', 'folder for the store and deployments')
    .option('--port <port>', 'port to listen on', parsePort, 7181)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--admin-token <token>', 'admin token (default: $MK_ADMIN_TOKEN, else generated and kept in the data dir)')
    .action(async (opts: { dataDir: string; port: number; host: string; adminToken?: string }) => {
      const { runServe } = await import('../run-serve.js');
      await runServe(opts);
    });
}
