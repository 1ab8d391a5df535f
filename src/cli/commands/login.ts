import type { Command } from 'commander';
import { projectDir, projectOption } from '../options.js';

export function registerLogin(mk: Command): void {
  const cmd = mk
    .command('login')
    .description('save the host and token of a remote mk server for mk deploy --cloud (kept in .mk/, mode 0600)')
    .requiredOption('--host <url>', 'server URL, e.g. https://mk.example.com')
    .requiredOption('--token <token>', 'admin token of that server')
    .action(async (opts: { project?: string; host: string; token: string }) => {
      const { login } = await import('../../api/login.js');
      const { say } = await import('../output.js');
      const result = await login({ project: projectDir(opts), host: opts.host, token: opts.token });
      say(`✓ Logged in to ${result.host}; credentials saved in ${result.path}`);
    });
  projectOption(cmd);
}
