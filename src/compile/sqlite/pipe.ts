import type { Catalog, NodeSql } from '../../analysis/sql/catalog.js';
import { type Diagnostic, hasErrors, type Range } from '../../diagnostics/diagnostic.js';
import { parseSelect } from '../../syntax/sql/parse.js';
import { CompileContext, type CompiledQuery, q, type RelationEnv, type RelationSource } from './context.js';
import { compileQuery } from './select.js';

export interface CompileOptions {
  /** The node whose result the query returns (default: the last node). */
  readonly outputNode?: string;
  /** The instant `now()` stands for (default: when compiled). */
  readonly now?: Date;
}

export interface CompileResult {
  readonly query?: CompiledQuery;
  readonly diagnostics: Diagnostic[];
}

type NodeState = { status: 'compiling' } | { status: 'done'; source: RelationSource | undefined };

/**
 * Compiles many pipes' nodes into one statement: every node used becomes a CTE, in dependency order, so a
 * node can read earlier nodes, other pipes (their output node) and datasources by name.
 */
class Program implements RelationEnv {
  readonly ctx: CompileContext;
  private readonly ctes: { name: string; body: string }[] = [];
  private readonly states = new Map<string, NodeState>();
  /** The pipe whose nodes are being compiled (innermost), for name lookup. */
  private readonly stack: { pipe: string; nodes: readonly NodeSql[] }[] = [];

  constructor(
    private readonly catalog: Catalog,
    now: Date,
    private readonly underscore?: { pipe: string; nodes: readonly NodeSql[]; output: string },
  ) {
    this.ctx = new CompileContext(this, undefined, Math.floor(now.getTime() / 1000));
  }

  lookup(name: string, range: Range): RelationSource | undefined {
    const current = this.stack[this.stack.length - 1];
    if (current?.nodes.some((n) => n.name === name)) return this.node(current.pipe, current.nodes, name, range);
    if (name === '_' && this.underscore) return this.node(this.underscore.pipe, this.underscore.nodes, this.underscore.output, range);
    // With `pipeline=`, the pipe's nodes are readable by name too (what `tb test` sends for non-endpoint pipes).
    if (this.underscore?.nodes.some((n) => n.name === name)) return this.node(this.underscore.pipe, this.underscore.nodes, name, range);
    const entry = this.catalog.resolve(name);
    if (!entry) return undefined;
    if (entry.kind === 'table')
      return { sql: q(entry.sqliteName), columns: entry.columns, ...(entry.engine ? { engine: entry.engine } : {}) };
    const last = entry.nodes[entry.nodes.length - 1];
    return last ? this.node(entry.name, entry.nodes, last.name, range) : undefined;
  }

  names(): Iterable<string> {
    const current = this.stack[this.stack.length - 1];
    return [...(current?.nodes.map((n) => n.name) ?? []), ...(this.catalog.names?.() ?? [])];
  }

  /** Compiles a node once (as a CTE) and returns it as a relation. */
  node(pipe: string, nodes: readonly NodeSql[], name: string, range: Range | undefined): RelationSource | undefined {
    const key = `${pipe}/${name}`;
    const state = this.states.get(key);
    if (state?.status === 'compiling') {
      this.ctx.report('MK4106', `Node '${name}' of pipe '${pipe}' depends on itself`, range);
      return { sql: q(key), columns: [], incomplete: true };
    }
    if (state) return state.source;
    const node = nodes.find((n) => n.name === name)!;
    this.states.set(key, { status: 'compiling' });
    this.stack.push({ pipe, nodes });
    const savedFile = this.ctx.file;
    this.ctx.file = node.file;
    let source: RelationSource | undefined;
    try {
      const parsed = parseSelect(node.sql, {
        ...(node.mapPosition ? { mapPosition: node.mapPosition } : {}),
        ...(node.file ? { file: node.file } : {}),
      });
      this.ctx.diagnostics.push(...parsed.diagnostics);
      if (parsed.ast) {
        const r = compileQuery(parsed.ast, undefined, this.ctx);
        this.ctes.push({ name: q(key), body: r.sql });
        // Errors here (parse or compile), or in a node it read, may have cost it columns: readers must not echo them.
        const incomplete = r.incomplete || parsed.diagnostics.some((d) => d.severity === 'error');
        source = { sql: q(key), columns: r.columns, ...(incomplete ? { incomplete } : {}) };
      } else {
        // A node that does not parse is still a known name, with unknown columns.
        source = { sql: q(key), columns: [], incomplete: true };
      }
    } finally {
      this.ctx.file = savedFile;
      this.stack.pop();
    }
    this.states.set(key, { status: 'done', source });
    return source;
  }

  /**
   * The whole statement: the output node is compiled last, so it is the main SELECT and every other
   * node a CTE before it (merged with the output node's own WITH, if it has one).
   */
  finish(output: RelationSource): CompileResult {
    const diagnostics = this.ctx.diagnostics;
    if (hasErrors(diagnostics)) return { diagnostics };
    const main = this.ctes.pop()!;
    const ctes = this.ctes.map((c) => `${c.name} AS (${c.body})`);
    const body = main.body.startsWith('WITH ') && ctes.length ? `, ${main.body.slice(5)}` : ` ${main.body}`;
    const text = ctes.length ? `WITH ${ctes.join(', ')}${body}` : main.body;
    const { sql, params } = this.ctx.finish(text);
    return { query: { sql, params, columns: output.columns.map((c) => ({ name: c.name, type: c.type })) }, diagnostics };
  }
}

/** Compiles a pipe: its nodes become CTEs and the output node (default: the last) is the result. */
export function compilePipe(
  nodes: readonly NodeSql[],
  catalog: Catalog,
  options: CompileOptions & { pipeName?: string } = {},
): CompileResult {
  const output = options.outputNode ?? nodes[nodes.length - 1]?.name;
  if (!output || !nodes.some((n) => n.name === output)) {
    return {
      diagnostics: [{ code: 'MK4107', severity: 'error', message: output ? `Unknown output node '${output}'` : 'The pipe has no nodes' }],
    };
  }
  const program = new Program(catalog, options.now ?? new Date());
  const source = program.node(options.pipeName ?? 'pipe', nodes, output, undefined);
  if (!source) return { diagnostics: program.ctx.diagnostics };
  return program.finish(source);
}

/**
 * Compiles a `/v0/sql` query. With `pipeline` (the `q` parameter of an endpoint), `_` names the
 * pipeline's result and each of its nodes is readable by its name.
 */
export function compileSql(
  sql: string,
  catalog: Catalog,
  options: CompileOptions & { pipeline?: readonly NodeSql[]; file?: string; mapPosition?: NodeSql['mapPosition'] } = {},
): CompileResult {
  const pipeline = options.pipeline;
  const outputNode = options.outputNode ?? pipeline?.[pipeline.length - 1]?.name;
  const underscore = pipeline && outputNode ? { pipe: 'pipeline', nodes: pipeline, output: outputNode } : undefined;
  const program = new Program(catalog, options.now ?? new Date(), underscore);
  const query: NodeSql = {
    name: '__query',
    sql,
    ...(options.file ? { file: options.file } : {}),
    ...(options.mapPosition ? { mapPosition: options.mapPosition } : {}),
  };
  const source = program.node('sql', [query], '__query', undefined);
  if (!source) return { diagnostics: program.ctx.diagnostics };
  return program.finish(source);
}

/**
 * Checks every node of a pipe (not only those the output reads) and returns each node's output columns
 * with their ClickHouse types: what `mk check`-style tools and schema inference need, without running.
 */
export function analyzePipe(
  nodes: readonly NodeSql[],
  catalog: Catalog,
  options: { pipeName?: string } = {},
): { nodes: ReadonlyMap<string, { name: string; type: CompiledQuery['columns'][number]['type'] }[]>; diagnostics: Diagnostic[] } {
  const program = new Program(catalog, new Date(0));
  const out = new Map<string, { name: string; type: CompiledQuery['columns'][number]['type'] }[]>();
  for (const n of nodes) {
    const source = program.node(options.pipeName ?? 'pipe', nodes, n.name, undefined);
    if (source)
      out.set(
        n.name,
        source.columns.map((c) => ({ name: c.name, type: c.type })),
      );
  }
  return { nodes: out, diagnostics: program.ctx.diagnostics };
}
