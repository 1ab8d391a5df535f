import type { Command } from 'commander';
import { jsonOption, projectDir, projectOption } from '../options.js';

export function registerDeploy(mk: Command): void {
  const cmd = mk
    .command('deploy')
    .description('deploy the project to the local dev server, or with --cloud to a remote mk server')
    .option('--cloud', 'deploy to the remote server from --host/--token, MK_HOST/MK_TOKEN or mk login')
    .option('--host <url>', 'server URL (default: $MK_HOST, then mk login, then the local dev server)')
    .option('--token <token>', 'admin token (default: $MK_TOKEN, then mk login, then the dev token)')
    .option('--check', 'validate the deployment without applying it')
    .action(async (opts: { project?: string; json?: boolean; cloud?: boolean; host?: string; token?: string; check?: boolean }) => {
      const { runDeployCommand } = await import('../run-deploy.js');
      process.exitCode = await runDeployCommand({
        project: projectDir(opts),
        cloud: Boolean(opts.cloud),
        check: Boolean(opts.check),
        json: Boolean(opts.json),
        ...(opts.host ? { host: opts.host } : {}),
        ...(opts.token ? { token: opts.token } : {}),
      });
    });
  projectOption(cmd);
  jsonOption(cmd);
}
