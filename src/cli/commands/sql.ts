import type { Command } from 'commander';
import { projectOption, remoteOptions } from '../options.js';

export function registerSql(mk: Command): void {
  const cmd = mk
    .command('sql <query>')
    .description('run a SQL query against the dev server (or --cloud); pipes and datasources are tables')
    .option('--format <format>', 'json (a table on a terminal), csv or ndjson', 'human')
    .option('--stats', 'print rows read, bytes read and elapsed time');
  remoteOptions(projectOption(cmd)).action(async (query: string, opts) => {
    const { runSqlCommand } = await import('../run-sql.js');
    process.exitCode = await runSqlCommand({ query, ...opts });
  });
}
