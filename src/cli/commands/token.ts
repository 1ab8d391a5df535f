import type { Command } from 'commander';
import { collect, jsonOption, projectOption, remoteOptions } from '../options.js';

/** `--cloud`, `--host`, `--token`: the same target flags as mk deploy. */

export function registerToken(mk: Command): void {
  const token = mk.command('token').description('list, create and remove tokens (static tokens and JWTs)');
  const common = (cmd: Command) => remoteOptions(projectOption(cmd));
  const run = async (args: Record<string, unknown>) => {
    const { runToken } = await import('../run-token.js');
    process.exitCode = await runToken(args as never);
  };

  common(jsonOption(token.command('ls').description('list tokens with their scopes'))).action((opts) => run({ action: 'ls', ...opts }));
  const create = token.command('create').description('create a static token or a JWT');
  common(
    create
      .command('static <name>')
      .description('create a static token')
      .requiredOption(
        '--scope <scope>',
        'ADMIN, TOKENS, WORKSPACE:READ_ALL, PIPES:READ:<pipe>, DATASOURCES:READ:<ds>, DATASOURCES:APPEND:<ds> (repeatable)',
        collect,
        [],
      ),
  ).action((name: string, opts) => run({ action: 'static', name, ...opts }));
  common(
    create
      .command('jwt <name>')
      .description('create a JWT signed with the admin token (for browsers and multi-tenant apps)')
      .requiredOption('--ttl <ttl>', 'time to live: 30s, 15m, 1h, 7d')
      .requiredOption('--scope <scope>', 'PIPES:READ (repeatable, paired with --resource)', collect, [])
      .requiredOption('--resource <pipe>', 'the endpoint the scope applies to (repeatable)', collect, [])
      .option('--fixed-params <k=v>', 'parameters the JWT forces on every request (row-level security)', collect, [])
      .option('--rps <n>', 'requests per second allowed for this token', Number),
  ).action((name: string, opts) => run({ action: 'jwt', name, ...opts }));
  common(token.command('rm <name>').description('remove a static token')).action((name: string, opts) =>
    run({ action: 'rm', name, ...opts }),
  );
  common(token.command('refresh <name>').description('give a token a new value (the old one stops working)')).action((name: string, opts) =>
    run({ action: 'refresh', name, ...opts }),
  );
}
