import { type Command, Option } from 'commander';
import { jsonOption, projectDir, projectOption, remoteOptions } from '../options.js';

export interface TargetFlags {
  project?: string;
  json?: boolean;
  cloud?: boolean;
  host?: string;
  token?: string;
}

/** `--cloud`, `--host`, `--token`, `--project`, `--json`: the same target flags as `mk deploy`, on every server command. */
export function targetOptions(cmd: Command): Command {
  return jsonOption(projectOption(remoteOptions(cmd)));
}

/** The target part of the flags, for src/api/datasource.ts. */
export function target(opts: TargetFlags) {
  return {
    project: projectDir(opts),
    cloud: Boolean(opts.cloud),
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.token ? { token: opts.token } : {}),
  };
}

export function registerDatasource(mk: Command): void {
  const ds = mk
    .command('datasource')
    .description('list, append to, replace, truncate and delete from data sources on the dev server (or --cloud)');
  const run = async () => import('../run-datasource.js');

  targetOptions(ds.command('ls').description('list data sources with their row counts')).action(async (opts: TargetFlags) => {
    process.exitCode = await (await run()).runLs(opts);
  });
  for (const mode of ['append', 'replace'] as const) {
    const cmd = ds
      .command(`${mode} <datasource> <file>`)
      .description(
        mode === 'append'
          ? 'append a CSV or NDJSON file (.gz too, streamed in chunks) or a Parquet file (≤ 10 MB)'
          : 'replace the rows of a data source (or with --sql-condition only the matching ones) with a file',
      )
      .addOption(new Option('--format <format>', 'file format (default: from the file name)').choices(['csv', 'ndjson', 'parquet']));
    if (mode === 'replace') cmd.option('--sql-condition <sql>', 'replace only the rows matching this condition');
    targetOptions(cmd).action(
      async (datasource: string, file: string, opts: TargetFlags & { format?: 'csv' | 'ndjson' | 'parquet'; sqlCondition?: string }) => {
        process.exitCode = await (await run()).runUpload(mode, datasource, file, opts);
      },
    );
  }
  targetOptions(
    ds
      .command('truncate <datasource>')
      .description('delete every row of a data source')
      .option('--cascade', 'also truncate every data source its materialized views feed, transitively')
      .option('--yes', 'do not ask for confirmation'),
  ).action(async (datasource: string, opts: TargetFlags & { cascade?: boolean; yes?: boolean }) => {
    process.exitCode = await (await run()).runTruncate(datasource, opts);
  });
  targetOptions(
    ds
      .command('delete <datasource>')
      .description('delete the rows matching a SQL condition')
      .requiredOption('--sql-condition <sql>', 'ClickHouse SQL condition, e.g. "user_id = \'u_1\'"')
      .option('--dry-run', 'count the rows that would be deleted'),
  ).action(async (datasource: string, opts: TargetFlags & { sqlCondition: string; dryRun?: boolean }) => {
    process.exitCode = await (await run()).runDelete(datasource, opts);
  });
  targetOptions(
    ds
      .command('quarantine <datasource>')
      .description("show the newest rows of the data source's quarantine")
      .option('--limit <n>', 'rows to show', (v) => Number(v), 20)
      .option('--export <file.csv>', 'write every quarantined row (original values) to a CSV file to fix')
      .option('--replay <file>', 'empty the quarantine and append the fixed rows (rows still wrong return to it)'),
  ).action(async (datasource: string, opts: TargetFlags & { limit: number; export?: string; replay?: string }) => {
    process.exitCode = await (await run()).runQuarantine(datasource, opts);
  });
}
