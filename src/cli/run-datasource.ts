import {
  deleteRows,
  exportQuarantine,
  listDatasources,
  quarantineRows,
  replayQuarantine,
  truncateDatasource,
  type UploadProgress,
  uploadFile,
} from '../api/datasource.js';
import { type TargetFlags, target } from './commands/datasource.js';
import { makeChalk, note, printJson, say, table } from './output.js';

/** `mk datasource ls`: a table of name, engine, rows and quarantined rows. */
export async function runLs(opts: TargetFlags): Promise<number> {
  const list = await listDatasources(target(opts));
  if (opts.json) {
    printJson(list);
    return 0;
  }
  const rows = list.map((d) => [d.name, d.engine, String(d.rows ?? ''), String(d.quarantine_rows ?? '')]);
  for (const line of table([['NAME', 'ENGINE', 'ROWS', 'QUARANTINE'], ...rows])) say(line);
  return 0;
}

/** `mk datasource append|replace`: a progress bar on stderr (when a terminal), then a summary. */
export async function runUpload(
  mode: 'append' | 'replace',
  datasource: string,
  file: string,
  opts: TargetFlags & { format?: 'csv' | 'ndjson' | 'parquet'; sqlCondition?: string },
): Promise<number> {
  const c = makeChalk(process.stderr);
  const bar = process.stderr.isTTY ? progressBar() : undefined;
  const summary = await uploadFile({
    ...target(opts),
    datasource,
    file,
    mode,
    ...(opts.format ? { format: opts.format } : {}),
    ...(opts.sqlCondition ? { condition: opts.sqlCondition } : {}),
    ...(bar ? { onProgress: bar } : {}),
  });
  if (bar) process.stderr.write('\r\x1b[K');
  if (opts.json) {
    printJson(summary);
    return 0;
  }
  const verb = mode === 'append' ? 'Appended' : 'Replaced with';
  const rate = summary.elapsedMs > 0 ? ` (${Math.round((summary.rows / summary.elapsedMs) * 1000).toLocaleString('en-US')} rows/s)` : '';
  say(
    `${makeChalk().green('✓')} ${verb} ${summary.rows.toLocaleString('en-US')} rows to ${datasource} in ${(summary.elapsedMs / 1000).toFixed(1)} s${rate}, ${summary.requests} request(s)`,
  );
  if (summary.quarantined > 0)
    say(
      `${c.yellow('△')} ${summary.quarantined.toLocaleString('en-US')} rows went to ${datasource}_quarantine: see mk datasource quarantine ${datasource}`,
    );
  return 0;
}

export async function runDelete(datasource: string, opts: TargetFlags & { sqlCondition: string; dryRun?: boolean }): Promise<number> {
  const result = await deleteRows({ ...target(opts), datasource, condition: opts.sqlCondition, dryRun: Boolean(opts.dryRun) });
  if (opts.json) {
    printJson({ datasource, ...result });
    return 0;
  }
  say(
    result.dryRun
      ? `${result.rows} rows of ${datasource} match; nothing deleted (dry run)`
      : `${makeChalk().green('✓')} Deleted ${result.rows} rows from ${datasource}`,
  );
  return 0;
}

export async function runQuarantine(
  datasource: string,
  opts: TargetFlags & { limit: number; export?: string; replay?: string },
): Promise<number> {
  if (opts.export) {
    const n = await exportQuarantine({ ...target(opts), datasource, file: opts.export });
    if (opts.json) {
      printJson({ datasource, exported: n, file: opts.export });
      return 0;
    }
    say(
      `${makeChalk().green('✓')} Wrote ${n} quarantined rows of ${datasource} to ${opts.export}: fix them, then mk datasource quarantine ${datasource} --replay ${opts.export}`,
    );
    return 0;
  }
  if (opts.replay) {
    const summary = await replayQuarantine({ ...target(opts), datasource, file: opts.replay });
    if (opts.json) {
      printJson(summary);
      return 0;
    }
    say(`${makeChalk().green('✓')} Replayed ${summary.rows} rows into ${datasource}; ${summary.quarantined} still went to quarantine`);
    return 0;
  }
  const rows = await quarantineRows({ ...target(opts), datasource, limit: opts.limit });
  if (opts.json) {
    printJson(rows);
    return 0;
  }
  if (rows.length === 0) {
    say(`${datasource}_quarantine is empty`);
    return 0;
  }
  for (const r of rows) {
    const values = Object.entries(r).filter(([k, v]) => !k.startsWith('c__') && k !== 'insertion_date' && v !== null);
    say(`${String(r.insertion_date)}  ${JSON.stringify(r.c__error)}`);
    say(`    ${values.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')}`);
  }
  return 0;
}

function progressBar(): (p: UploadProgress) => void {
  return (p) => {
    const share = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.round(share * 100)}% ${mb(p.bytes)}/${mb(p.totalBytes)} MB, ${p.rows.toLocaleString('en-US')} rows`,
    );
  };
}

/**
 * `mk datasource truncate [--cascade] [--yes]`: on a terminal, names what will be emptied and asks
 * first (as `tb datasource truncate` does), unless --yes; scripts (no terminal) are not asked.
 */
export async function runTruncate(datasource: string, opts: TargetFlags & { cascade?: boolean; yes?: boolean }): Promise<number> {
  const options = { ...target(opts), datasource, cascade: Boolean(opts.cascade) };
  if (!opts.yes && process.stdin.isTTY && process.stderr.isTTY) {
    const names = opts.cascade ? await truncateDatasource({ ...options, dryRun: true }) : [datasource];
    if (!(await confirm(`Delete every row of ${names.join(', ')}? [y/N] `))) {
      note('Nothing truncated');
      return 1;
    }
  }
  const truncated = await truncateDatasource(options);
  if (opts.json) printJson({ datasource, truncated });
  else for (const name of truncated) say(`${makeChalk().green('✓')} Truncated ${name}`);
  return 0;
}

async function confirm(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}
