import type { Catalog } from '../compile/sqlite/index.js';
import { compileSql } from '../compile/sqlite/index.js';
import type { CompiledSelect } from '../store/index.js';
import { parseSelect } from '../syntax/sql/index.js';
import type { ChType } from '../types/ast.js';
import { ApiError } from '../util/api-error.js';
import { requestCatalog } from './catalog.js';
import type { LocalWorkspace } from './local-workspace.js';

const ROWID: ChType = { kind: 'int', bits: 64, signed: false };

/**
 * Compiles a user's `delete_condition`/`replace_condition` (ClickHouse SQL) into a selector of rowids:
 * `view => SELECT _mk_rowid FROM <view> WHERE <condition>` compiled by mk's SQL compiler, with `ds`
 * resolved to the given rowid view (Store.rowidView) and every other name to the live catalog, so a
 * condition may use subqueries. Used by the Data Sources API (delete/replace conditions) and ENGINE_TTL. The text is parsed first and must be exactly one WHERE expression:
 * `1 UNION SELECT …` or a trailing `LIMIT` is refused, never spliced.
 */
export function compileCondition(
  workspace: LocalWorkspace,
  ds: string,
  condition: string,
  options: { now?: Date } = {},
): (view: string) => CompiledSelect {
  const text = `SELECT _mk_rowid FROM ${ds} WHERE ${condition}`;
  const parsed = parseSelect(text);
  const ast = parsed.ast;
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !ast) throw new ApiError(400, `Invalid condition: ${errors.map((d) => d.message).join('; ') || condition}`);
  const plain =
    ast.kind === 'select' &&
    ast.where !== undefined &&
    ast.with.length === 0 &&
    !ast.groupBy &&
    !ast.having &&
    ast.orderBy.length === 0 &&
    !ast.limit &&
    !ast.limitBy &&
    ast.settings.length === 0 &&
    ast.format === undefined;
  if (!plain) throw new ApiError(400, `Invalid condition: '${condition}' must be a single boolean expression`);
  const resolved = workspace.resolvedDatasources.find((d) => d.name === ds);
  if (!resolved) throw new ApiError(404, `Data Source '${ds}' not found`);
  const store = workspace.store;
  const live = requestCatalog(
    { datasources: workspace.resolvedDatasources, pipes: workspace.preparedPipes, physical: (n) => store.physicalName(n) },
    {},
    'run',
  );
  return (view) => {
    const catalog: Catalog = {
      resolve: (name) =>
        name === ds
          ? {
              kind: 'table',
              name: ds,
              sqliteName: view,
              columns: [{ name: '_mk_rowid', type: ROWID }, ...resolved.columns.map((c) => ({ name: c.name, type: c.type }))],
            }
          : live.resolve(name),
      names: () => live.names?.() ?? [],
    };
    const compiled = compileSql(text, catalog, options.now ? { now: options.now } : {});
    const failures = compiled.diagnostics.filter((d) => d.severity === 'error');
    if (!compiled.query || failures.length > 0) throw new ApiError(400, `Invalid condition: ${failures.map((d) => d.message).join('; ')}`);
    return { sql: compiled.query.sql, params: compiled.query.params };
  };
}
