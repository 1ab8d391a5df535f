import { resolve } from 'node:path';
import { type Command, Option } from 'commander';

/** `--project DIR` on every project command; defaults to the current folder. */
export function projectOption(cmd: Command): Command {
  return cmd.addOption(new Option('-p, --project <dir>', 'project folder').default('.', 'current folder'));
}

export function jsonOption(cmd: Command): Command {
  return cmd.option('--json', 'print machine-readable JSON on stdout');
}

export function projectDir(opts: { project?: string }): string {
  return resolve(opts.project ?? '.');
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${value}`);
  return port;
}

/** Commander's accumulator for an option given several times (`--param a=1 --param b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `--cloud`, `--host`, `--token`: which server a command talks to (resolved by src/api/target.ts). */
export function remoteOptions(cmd: Command): Command {
  return cmd
    .option('--cloud', 'talk to the remote server from --host/--token, MK_HOST/MK_TOKEN or mk login')
    .option('--host <url>', 'server URL (default: $MK_HOST, then mk login, then the local dev server)')
    .option('--token <token>', 'admin token (default: $MK_TOKEN, then mk login, then the dev token)');
}
