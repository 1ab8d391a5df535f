import { analyzeProject } from '../analysis/project/check-project.js';
import type { TokenRecord } from '../auth/tokens.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { type Project, resourceName } from '../project/project.js';
import type { Store } from '../store/index.js';
import { carryOverRows } from './carry-over.js';
import { requestCatalog } from './catalog.js';
import { checkPipeSql } from './check-sql.js';
import { startWriteHooks } from './engines.js';
import type { FixtureText } from './fixtures.js';
import { LocalWorkspace } from './local-workspace.js';
import { type Materialization, prepareMaterialization } from './materialize.js';
import { nodeDefinedTargets } from './node-targets.js';
import { type PreparedPipe, preparePipe } from './pipe.js';
import { planChanges, type ResourceChanges } from './plan.js';
import { checkSqlFixture, rowsToNdjson } from './sql-fixtures.js';
import { tableDef } from './table-def.js';

export interface BuildOptions {
  /** Load `fixtures/<ds>.ndjson|csv` (or the rows of `<ds>.sql`) into new datasources (dev and `mk build`). */
  readonly loadFixtures?: (datasource: string) => FixtureText | undefined;
  /** The workspace live now, whose pipes and datasources the plan compares against. */
  readonly previous?: LocalWorkspace;
  /** Stable secret tokens for `TOKEN` lines, by token name (so rebuilds keep the same tokens). */
  readonly tokenFor: (name: string) => string;
  /** Diagnostics found before the build (datafile parsing): any error stops the build early too. */
  readonly priorDiagnostics?: readonly Diagnostic[];
}

export interface WorkspaceBuild {
  readonly diagnostics: readonly Diagnostic[];
  readonly changes: ResourceChanges;
  /** Present when the project has no errors. Not live until `commit()`. */
  readonly workspace?: LocalWorkspace;
  /** Promotes staged tables, starts materialized views, loads fixtures; returns rows loaded per datasource. */
  commit(): Record<string, number>;
  /** Drops staged tables (a check-only or failed deployment). */
  discard(): void;
}

/**
 * Builds a project against a store without disturbing what is live: new and changed datasources get
 * staged tables (changed ones receive the live rows), pipes are checked, materialized views compiled.
 * Nothing is visible until `commit()`, which switches every table in one transaction.
 */
export function buildWorkspace(project: Project, store: Store, options: BuildOptions): WorkspaceBuild {
  const analysis = analyzeProject(project);
  const diagnostics: Diagnostic[] = [...(options.priorDiagnostics ?? []), ...analysis.diagnostics];
  const pipes = new Map<string, PreparedPipe>();
  for (const info of analysis.pipes) {
    const file = project.pipes.find((p) => p.path === info.path)!;
    const { pipe, diagnostics: found } = preparePipe(info.name, file, info.kind, info.outputNode);
    diagnostics.push(...found);
    pipes.set(info.name, pipe);
  }
  const pipeColumns = new Map<string, { name: string; type: string }[]>();
  const implicit = hasErrors(diagnostics) ? { datasources: [], diagnostics: [] } : nodeDefinedTargets(pipes, analysis.datasources);
  diagnostics.push(...implicit.diagnostics);
  const datasources = [...analysis.datasources, ...implicit.datasources];
  if (!hasErrors(diagnostics)) {
    for (const pipe of pipes.values()) {
      const check = checkPipeSql(pipe, datasources, pipes);
      diagnostics.push(...check.diagnostics);
      if (check.columns) pipeColumns.set(pipe.name, check.columns);
    }
  }
  const changes = planChanges(datasources, pipes, store, options.previous);
  // Fixtures fill new datasources only: a changed one already holds them, carried over with every other row.
  const fixtures = new Map<string, FixtureText>();
  for (const ds of changes.newDatasources) {
    const fixture = options.loadFixtures?.(ds);
    if (!fixture) continue;
    fixtures.set(ds, fixture);
    if (fixture.format === 'sql' && !hasErrors(diagnostics)) diagnostics.push(...checkSqlFixture(fixture, datasources, pipes));
  }
  const failed = (): WorkspaceBuild => ({ diagnostics, changes, commit: () => ({}), discard: () => {} });
  if (hasErrors(diagnostics)) return failed();

  // Stage tables for new and changed datasources; unchanged ones keep their live table and rows.
  const staged: Record<string, string> = {};
  for (const ds of datasources) {
    if (changes.unchangedDatasources.includes(ds.name)) continue;
    staged[ds.name] = store.stageTable(tableDef(ds));
  }
  const physical = (name: string) => staged[name] ?? stagedQuarantine(staged, name) ?? store.physicalName(name);

  const materializations: Materialization[] = [];
  for (const pipe of pipes.values()) {
    if (pipe.kind !== 'materialized') continue;
    const targetName = pipe.file.nodes.find((n) => n.name === pipe.outputNode)?.datasource?.text;
    const target = datasources.find((d) => d.name === targetName);
    if (!target) continue;
    const { materialization, diagnostics: found } = prepareMaterialization(pipe, target, datasources, pipes, (substitute) =>
      requestCatalog(
        { datasources, pipes, physical: (n) => (substitute && n === substitute.name ? substitute.sqliteName : physical(n)) },
        {},
        'run',
      ),
    );
    diagnostics.push(...found);
    if (materialization) materializations.push(materialization);
  }
  if (hasErrors(diagnostics)) {
    for (const table of Object.values(staged)) store.discardStaged(table);
    return failed();
  }

  const tokens = tokensOf(project, options.tokenFor);
  const views = materializations.map(({ source, target }) => ({ source, target }));
  const workspace = new LocalWorkspace({ store, datasources, pipes, tokens, pipeColumns, views });
  let settled = false;
  return {
    diagnostics,
    changes,
    workspace,
    commit() {
      if (settled) throw new Error('build already committed or discarded');
      settled = true;
      for (const ds of changes.changedDatasources)
        if (staged[ds]) carryOverRows(store, ds, staged[ds]!, datasources.find((d) => d.name === ds)!);
      if (Object.keys(staged).length > 0) store.promote(staged);
      options.previous?.deactivate();
      // Backfill views whose target is new, over what their source already holds; then listen for inserts.
      for (const mv of materializations) {
        if (staged[mv.target] && store.physicalName(mv.source)) backfill(store, mv);
        workspace.onDeactivate(
          store.addInsertListener(mv.source, (rowsTable, tx) => {
            const { sql, params } = mv.select(rowsTable);
            tx.appendSelect(mv.target, sql, params);
          }),
        );
      }
      workspace.onDeactivate(startWriteHooks(workspace));
      const loaded: Record<string, number> = {};
      for (const [ds, fixture] of fixtures) {
        const rows = fixtureRows(workspace, fixture);
        if (rows) loaded[ds] = store.append(ds, rows.text, { format: rows.format }).successful_rows;
      }
      return loaded;
    },
    discard() {
      if (settled) return;
      settled = true;
      for (const table of Object.values(staged)) store.discardStaged(table);
    },
  };
}

/** A fixture's rows as text: the file itself, or a generator query's result (none when it doesn't compile). */
export function fixtureRows(workspace: LocalWorkspace, fixture: FixtureText): { text: string; format: 'ndjson' | 'csv' } | undefined {
  if (fixture.format !== 'sql') return { text: fixture.text, format: fixture.format };
  const rows = workspace.rowsOfSql(fixture.text);
  return rows ? { text: rowsToNdjson(rows), format: 'ndjson' } : undefined;
}

function backfill(store: Store, mv: Materialization): void {
  const source = store.physicalName(mv.source);
  if (!source) return;
  // The compiled SQL quotes the table name itself: pass it bare, as the insert listener does.
  const { sql, params } = mv.select(source);
  store.transaction((tx) => tx.appendSelect(mv.target, sql, params));
}

/** The staged quarantine beside a staged table: the store names them `ds__X__N` and `q__X__N`. */
function stagedQuarantine(staged: Record<string, string>, name: string): string | undefined {
  if (!name.endsWith('_quarantine')) return undefined;
  return staged[name.slice(0, -'_quarantine'.length)]?.replace(/^ds__/, 'q__');
}

/** Resource tokens from `TOKEN name READ|APPEND` lines: one token per name, scopes merged across files. */
function tokensOf(project: Project, tokenFor: (name: string) => string): TokenRecord[] {
  const scopes = new Map<string, Set<string>>();
  const add = (name: string, scope: string) => {
    const set = scopes.get(name) ?? new Set<string>();
    set.add(scope);
    scopes.set(name, set);
  };
  for (const ds of project.datasources) {
    for (const t of ds.tokens) add(t.name, `DATASOURCES:${t.permission === 'APPEND' ? 'APPEND' : 'READ'}:${resourceName(ds.path)}`);
  }
  for (const pipe of project.pipes) {
    for (const t of [...pipe.tokens, ...pipe.nodes.flatMap((n) => n.tokens)]) add(t.name, `PIPES:READ:${resourceName(pipe.path)}`);
  }
  return [...scopes].map(([name, set]) => ({ name, token: tokenFor(name), scopes: [...set].sort() }));
}
