import type { ResolvedDatasource } from '../analysis/project/resolved.js';
import type { TokenRecord } from '../auth/tokens.js';
import { type Catalog, compilePipe, compileSql, type NodeSql } from '../compile/sqlite/index.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import type { Store } from '../store/index.js';
import type { ChType } from '../types/ast.js';
import type { OutputValue } from '../types/format.js';
import { printType } from '../types/print.js';
import { ApiError } from '../util/api-error.js';
import { requestCatalog } from './catalog.js';
import type { PreparedPipe } from './pipe.js';
import { queryExecutor } from './query-executor.js';
import { renderQueryTemplate } from './sql-template.js';
import type { AppendResult, DatasourceInfo, PipeInfo, QueryParams, QueryResult, Workspace } from './types.js';

/** A compiled request: SQL with bound parameters and typed columns, or the diagnostics why not. */
export interface Compiled {
  readonly query?: {
    readonly sql: string;
    readonly params: readonly unknown[];
    readonly columns: readonly { name: string; type: ChType }[];
  };
  readonly diagnostics: readonly Diagnostic[];
}

export interface LocalWorkspaceParts {
  readonly store: Store;
  readonly datasources: readonly ResolvedDatasource[];
  readonly pipes: ReadonlyMap<string, PreparedPipe>;
  readonly tokens: readonly TokenRecord[];
  /** Output columns of each pipe, from build-time analysis (for metadata and OpenAPI). */
  readonly pipeColumns: ReadonlyMap<string, readonly { name: string; type: string }[]>;
  readonly secrets?: Readonly<Record<string, string>>;
  /** Materialized views as `source` → `target` datasource edges, as the build wired their insert listeners. */
  readonly views?: readonly { readonly source: string; readonly target: string }[];
}

/** A built project bound to the embedded store: what `mk dev` and `mk serve` answer requests with. */
export class LocalWorkspace implements Workspace {
  readonly datasources: readonly DatasourceInfo[];
  readonly pipes: readonly PipeInfo[];
  readonly tokens: readonly TokenRecord[];
  private deactivators: (() => void)[] = [];
  private compiled: { second: number; entries: Map<string, Compiled> } = { second: 0, entries: new Map() };

  constructor(private readonly parts: LocalWorkspaceParts) {
    this.tokens = parts.tokens;
    this.datasources = parts.datasources.map((ds) => ({
      name: ds.name,
      engine: ds.engine.kind,
      columns: ds.columns.map((c) => ({ name: c.name, type: printType(c.type) })),
    }));
    this.pipes = [...parts.pipes.values()].map((p) => ({
      name: p.name,
      kind: p.kind,
      ...(p.file.description ? { description: p.file.description.text } : {}),
      nodes: p.file.nodes.map((n) => ({ name: n.name, sql: n.sql?.text ?? '', ...(n.type ? { type: n.type } : {}) })),
      params: p.params.map((param) => ({
        name: param.name,
        type: param.type,
        required: param.required,
        ...(param.default !== undefined ? { default: param.default } : {}),
        ...(param.description ? { description: param.description } : {}),
        // Beyond the Workspace's ParamInfo: what OpenAPI documents when the template gives it.
        ...(param.example !== undefined ? { example: param.example } : {}),
        ...(param.enum ? { enum: param.enum } : {}),
        ...(param.format ? { format: param.format } : {}),
      })),
      columns: parts.pipeColumns.get(p.name) ?? [],
    }));
  }

  get store(): Store {
    return this.parts.store;
  }

  get resolvedDatasources(): readonly ResolvedDatasource[] {
    return this.parts.datasources;
  }

  /** Materialized views as source → target edges (truncate --cascade follows them). */
  get views(): readonly { readonly source: string; readonly target: string }[] {
    return this.parts.views ?? [];
  }

  get preparedPipes(): ReadonlyMap<string, PreparedPipe> {
    return this.parts.pipes;
  }

  append(datasource: string, body: string): Promise<AppendResult> {
    return this.parts.store.appendAsync(datasource, body);
  }

  async queryPipe(name: string, params: QueryParams, options: { q?: string } = {}): Promise<QueryResult> {
    return this.run(this.compileCached(name, params, options));
  }

  /** Renders and compiles an endpoint request without running it (the bench runs the same SQL directly). */
  compileEndpoint(name: string, params: QueryParams, options: { q?: string; now?: Date } = {}): Compiled {
    const pipe = this.parts.pipes.get(name);
    if (!pipe) throw new ApiError(404, `The pipe '${name}' does not exist`);
    const catalog = this.catalog(params);
    const nodes = pipe.render(params, 'run', this.parts.secrets);
    const now = options.now ? { now: options.now } : {};
    return options.q !== undefined
      ? compileSql(options.q, catalog, { pipeline: nodes, ...now })
      : compilePipe(nodes, catalog, { outputNode: pipe.outputNode, ...now });
  }

  /**
   * Compiling costs about a millisecond, more than running most endpoint queries, so identical
   * requests within the same second share one compilation. Compiling binds `now()` as a parameter;
   * ClickHouse's now() has one-second resolution, so a cache that lives one second changes no result.
   */
  private compileCached(name: string, params: QueryParams, options: { q?: string }): Compiled {
    const second = Math.floor(Date.now() / 1000);
    if (this.compiled.second !== second) this.compiled = { second, entries: new Map() };
    const key = JSON.stringify([name, params, options.q ?? null]);
    let hit = this.compiled.entries.get(key);
    if (!hit) {
      hit = this.compileEndpoint(name, params, { ...options, now: new Date(second * 1000) });
      if (this.compiled.entries.size < 1000) this.compiled.entries.set(key, hit);
    }
    return hit;
  }

  async sql(q: string, params: QueryParams, options: { pipeline?: string } = {}): Promise<QueryResult> {
    const catalog = this.catalog(params);
    let pipeline: NodeSql[] | undefined;
    if (options.pipeline !== undefined) {
      const pipe = this.parts.pipes.get(options.pipeline);
      if (!pipe) throw new ApiError(404, `The pipe '${options.pipeline}' does not exist`);
      pipeline = pipe.render(params, 'run', this.parts.secrets);
    }
    const sql = renderQueryTemplate(q, params, this.parts.secrets);
    return this.run(compileSql(sql, catalog, pipeline ? { pipeline } : {}));
  }

  /**
   * Runs a query on the store's own connection, synchronously (fixture generators at build, which
   * happen before the server answers anything); undefined when it does not compile (the build has
   * reported why: sql-fixtures.ts).
   */
  rowsOfSql(sql: string): Record<string, OutputValue>[] | undefined {
    const compiled = compileSql(sql, this.catalog({}));
    if (!compiled.query || hasErrors(compiled.diagnostics)) return undefined;
    const { sql: compiledSql, params, columns } = compiled.query;
    return this.parts.store.query(compiledSql, params, columns).data;
  }

  /** Keeps a cleanup to run when this workspace stops being live (materialized view listeners). */
  onDeactivate(fn: () => void): void {
    this.deactivators.push(fn);
  }

  deactivate(): void {
    for (const fn of this.deactivators.splice(0)) fn();
  }

  private catalog(params: QueryParams): Catalog {
    const store = this.parts.store;
    return requestCatalog(
      { datasources: this.parts.datasources, pipes: this.parts.pipes, physical: (n) => store.physicalName(n), store },
      params,
      'run',
    );
  }

  private async run(compiled: Compiled): Promise<QueryResult> {
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
    if (!compiled.query || errors.length > 0) {
      throw new ApiError(400, errors.map((d) => d.message).join('; ') || 'The query could not be compiled');
    }
    const { sql, params, columns } = compiled.query;
    try {
      return await queryExecutor(this.parts.store)(sql, params, columns);
    } catch (error) {
      const status = (error as { status?: number }).status;
      const message = (error as Error).message;
      throw new ApiError(typeof status === 'number' ? status : 400, message.startsWith('[Error]') ? message : `[Error] ${message}`);
    }
  }
}
