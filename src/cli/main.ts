import { Command, CommanderError } from 'commander';
import { UserError } from '../diagnostics/user-error.js';
import { registerBuild } from './commands/build.js';
import { registerCopy } from './commands/copy.js';
import { registerDatasource } from './commands/datasource.js';
import { registerDeploy } from './commands/deploy.js';
import { registerDev } from './commands/dev.js';
import { registerEndpoint } from './commands/endpoint.js';
import { registerFmt } from './commands/fmt.js';
import { registerJob } from './commands/job.js';
import { registerLogin } from './commands/login.js';
import { registerServe } from './commands/serve.js';
import { registerSql } from './commands/sql.js';
import { registerTest } from './commands/test.js';
import { registerToken } from './commands/token.js';
import { makeChalk, note, printDiagnostics } from './output.js';
import { VERSION } from './version.js';

/** Builds the `mk` program. Each command lives in its own file and imports its work lazily. */
export function program(): Command {
  const mk = new Command('mk')
    .description("Local-first toolchain for real-time analytics APIs, in Tinybird's datafile format")
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false });
  registerBuild(mk);
  registerTest(mk);
  registerDev(mk);
  registerDeploy(mk);
  registerServe(mk);
  registerLogin(mk);
  registerFmt(mk);
  registerEndpoint(mk);
  registerSql(mk);
  registerToken(mk);
  registerDatasource(mk);
  registerCopy(mk);
  registerJob(mk);
  return mk;
}

/** Entry point: runs the CLI, maps user errors to exit 1 and bugs to a stack trace and exit 70. */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    await program()
      .exitOverride()
      .parseAsync(argv as string[]);
  } catch (error) {
    process.exitCode = handleError(error);
  }
}

function handleError(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode;
  const c = makeChalk(process.stderr);
  if (error instanceof UserError) {
    printDiagnostics(error.diagnostics);
    note(`${c.red('✗')} ${error.message}`);
    return error.exitCode;
  }
  note(c.red('mk hit a bug. Please report it with the output below.'));
  note(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return 70;
}
