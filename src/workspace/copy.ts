import { typeDefault } from '../compile/functions/index.js';
import { compilePipe } from '../compile/sqlite/index.js';
import { ApiError } from '../util/api-error.js';
import { requestCatalog } from './catalog.js';
import { convertSql, quoteIdent, storedLiteral } from './convert-sql.js';
import type { LocalWorkspace } from './local-workspace.js';
import type { QueryParams } from './types.js';

export interface CopyResult {
  readonly pipe: string;
  readonly datasource: string;
  readonly mode: 'append' | 'replace';
  readonly rows: number;
}

/** A copy pipe's output node settings: TARGET_DATASOURCE, COPY_MODE, COPY_SCHEDULE. */
export function copySettings(
  workspace: LocalWorkspace,
  pipeName: string,
): { target: string; mode: 'append' | 'replace'; schedule?: string } {
  const pipe = workspace.preparedPipes.get(pipeName);
  if (!pipe) throw new ApiError(404, `The pipe '${pipeName}' does not exist`);
  if (pipe.kind !== 'copy') throw new ApiError(400, `The pipe '${pipeName}' is not a copy pipe`);
  const node = pipe.file.nodes.find((n) => n.name === pipe.outputNode);
  const target = node?.targetDatasource?.text;
  if (!target) throw new ApiError(400, `The copy pipe '${pipeName}' has no TARGET_DATASOURCE`);
  const mode = node?.copyMode?.text.toLowerCase() === 'replace' ? 'replace' : 'append';
  // COPY_SCHEDULE may be quoted (`"0 * * * *"`): callers get the bare cron or `@` word.
  const schedule = node?.copySchedule?.text.trim().replace(/^"(.*)"$/, '$1');
  return { target, mode, ...(schedule ? { schedule } : {}) };
}

/**
 * Runs a copy pipe once: renders it with `params` (defaults for a scheduled run), compiles it, and in
 * one write transaction writes its rows into TARGET_DATASOURCE (after deleting every row for
 * COPY_MODE replace). Columns are matched by name and converted to the target's types, as
 * materialized views are; the target's own views run over the copied rows.
 */
export function runCopy(workspace: LocalWorkspace, pipeName: string, params: QueryParams = {}): CopyResult {
  const { target, mode } = copySettings(workspace, pipeName);
  const pipe = workspace.preparedPipes.get(pipeName)!;
  const targetDs = workspace.resolvedDatasources.find((d) => d.name === target);
  if (!targetDs) throw new ApiError(404, `Data Source '${target}' not found`);
  const store = workspace.store;
  const catalog = requestCatalog(
    { datasources: workspace.resolvedDatasources, pipes: workspace.preparedPipes, physical: (n) => store.physicalName(n), store },
    params,
    'run',
  );
  const compiled = compilePipe(pipe.render(params, 'run'), catalog, { outputNode: pipe.outputNode });
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  if (!compiled.query || errors.length > 0)
    throw new ApiError(400, errors.map((d) => d.message).join('; ') || `The copy pipe '${pipeName}' could not be compiled`);
  const outputs = new Map(compiled.query.columns.map((c) => [c.name, c.type]));
  const select = targetDs.columns.map((col) => {
    const from = outputs.get(col.name);
    return `${from ? convertSql(`__copy.${quoteIdent(col.name)}`, from, col.type) : storedLiteral(typeDefault(col.type))} AS ${quoteIdent(col.name)}`;
  });
  const sql = `SELECT ${select.join(', ')} FROM (${compiled.query.sql}) AS __copy`;
  const rows = store.transaction((tx) => {
    if (mode === 'replace') tx.run(`DELETE FROM ${quoteIdent(tx.physicalName(target))}`);
    return tx.appendSelect(target, sql, compiled.query!.params);
  });
  return { pipe: pipeName, datasource: target, mode, rows };
}
