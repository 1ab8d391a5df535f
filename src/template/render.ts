import type { Chunk, Expr, Template } from '../syntax/template/ast.js';
import type { CallContext, RenderOutputs } from './call.js';
import { discoverParameters } from './discover.js';
import { REQUIRED_PARAM_NOT_DEFINED, TemplateError } from './errors.js';
import { evaluate, type Scope } from './evaluate.js';
import { FORBIDDEN_VARIABLE_NAMES } from './functions.js';
import { outputSql } from './output.js';
import { fromJs, placeholder, pyIter, truthy, type Value } from './values.js';
import { localNames, walkTemplate } from './walk.js';

export interface RenderOptions {
  /** `run` renders a request; `analyze` fills missing parameters with placeholders (build-time validation). */
  readonly mode: 'run' | 'analyze';
  readonly secrets?: Readonly<Record<string, string>>;
  /** Extra template variables (e.g. values injected by the engine); they win over request parameters. */
  readonly variables?: Readonly<Record<string, unknown>>;
}

export type TemplateParams = Readonly<Record<string, string | readonly string[]>>;

export interface RenderResult {
  readonly sql: string;
  readonly outputs: Readonly<RenderOutputs>;
}

const MAX_WHILE_ITERATIONS = 100_000;
type Flow = 'break' | 'continue' | undefined;

/**
 * Renders a parsed template to SQL. Parameter values only reach the SQL through `outputSql` and the typed
 * functions, i.e. as escaped literals or validated numbers. Throws `TemplateError` for user-facing failures.
 *
 * @example renderTemplate(ast, { limit: '5' }, { mode: 'run' }).sql // "SELECT … LIMIT toInt32('5')"
 */
export function renderTemplate(ast: Template, params: TemplateParams, options: RenderOptions): RenderResult {
  checkVariableNames(ast);
  const renderer = new Renderer(ast, params, options);
  try {
    renderer.chunks(ast.body);
  } catch (e) {
    if (e instanceof TemplateError && e.requiredParam) throw requiredParamError(ast, params);
    throw e;
  }
  return { sql: renderer.out.join(''), outputs: renderer.outputs };
}

function checkVariableNames(ast: Template): void {
  walkTemplate(ast, {
    expr: (e) => {
      const name = e.kind === 'name' ? e.name : e.kind === 'call' ? e.callee : undefined;
      if (name && FORBIDDEN_VARIABLE_NAMES.has(name)) {
        throw new TemplateError(`"${name}" can not be used as a variable name, line ${lineOf(ast, e)}`);
      }
    },
  });
}

/** "Required parameter is not defined. Check the parameters a and b. …", naming the ones without value. */
function requiredParamError(ast: Template, params: TemplateParams): TemplateError {
  const names = [
    ...new Set(
      discoverParameters(ast)
        .filter((p) => p.default === undefined && !p.usedIn && !(p.name in params))
        .map((p) => p.name),
    ),
  ];
  if (names.length === 0) return new TemplateError(`Template Syntax Error: ${REQUIRED_PARAM_NOT_DEFINED}`);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return new TemplateError(
    `Template Syntax Error: ${REQUIRED_PARAM_NOT_DEFINED}. Check the parameters ${list}. Please provide a value or set a default value in the pipe code.`,
  );
}

const lineOf = (ast: Template, e: { range: { start: { line: number } } }): number => e.range.start.line - ast.firstLine + 1;

class Renderer implements Scope {
  readonly out: string[] = [];
  readonly outputs: RenderOutputs = {};
  private readonly locals = new Map<string, Value>();
  private readonly localNames: Set<string>;
  private whitespace: 'all' | 'single' | 'oneline' = 'all';

  constructor(
    private readonly ast: Template,
    private readonly params: TemplateParams,
    private readonly options: RenderOptions,
  ) {
    this.localNames = localNames(ast);
  }

  lineOf(e: Expr): number {
    return lineOf(this.ast, e);
  }

  readonly context = (line: number): CallContext => ({
    mode: this.options.mode,
    secrets: this.options.secrets ?? {},
    outputs: this.outputs,
    line,
  });

  /** Python name resolution: template locals, then engine variables, then request parameters. */
  lookup(name: string, line: number): Value {
    if (this.localNames.has(name)) {
      if (this.locals.has(name)) return this.locals.get(name)!;
      throw new TemplateError(`Template Syntax Error: local variable '${name}' referenced before assignment, line ${line}`);
    }
    const vars = this.options.variables;
    if (vars && Object.hasOwn(vars, name)) return fromJs(vars[name]);
    if (Object.hasOwn(this.params, name)) {
      const v = this.params[name]!;
      if (typeof v === 'string') return v;
      // Repeated query keys arrive as a list; a single value stays a plain string.
      return v.length === 1 ? v[0]! : [...v];
    }
    return this.options.mode === 'analyze' ? placeholder(name) : null;
  }

  chunks(cs: readonly Chunk[]): Flow {
    for (const c of cs) {
      const flow = this.chunk(c);
      if (flow) return flow;
    }
    return undefined;
  }

  private assign(targets: readonly string[], value: Value): void {
    if (targets.length === 1) {
      this.locals.set(targets[0]!, value);
      return;
    }
    const items = pyIter(value);
    if (items.length < targets.length)
      throw new TemplateError(`not enough values to unpack (expected ${targets.length}, got ${items.length})`);
    if (items.length > targets.length) throw new TemplateError(`too many values to unpack (expected ${targets.length})`);
    targets.forEach((t, i) => {
      this.locals.set(t, items[i]!);
    });
  }

  private chunk(c: Chunk): Flow {
    switch (c.kind) {
      case 'text':
        this.out.push(this.compact(c.value));
        return undefined;
      case 'output':
        this.out.push(outputSql(evaluate(c.expr, this), c.source));
        return undefined;
      case 'if': {
        const hit = c.branches.find((b) => truthy(evaluate(b.test, this)));
        if (hit) return this.chunks(hit.body);
        return c.orelse ? this.chunks(c.orelse) : undefined;
      }
      case 'for': {
        for (const item of pyIter(evaluate(c.iter, this))) {
          this.assign(c.targets, item);
          if (this.chunks(c.body) === 'break') return undefined;
        }
        return c.orelse ? this.chunks(c.orelse) : undefined;
      }
      case 'while': {
        let n = 0;
        while (truthy(evaluate(c.test, this))) {
          if (++n > MAX_WHILE_ITERATIONS) throw new TemplateError('while loop ran too many iterations');
          if (this.chunks(c.body) === 'break') return undefined;
        }
        return c.orelse ? this.chunks(c.orelse) : undefined;
      }
      case 'try':
        return this.tryChunk(c);
      case 'set':
        this.assign(c.targets, evaluate(c.value, this));
        return undefined;
      case 'break':
      case 'continue':
        return c.kind;
      case 'whitespace':
        this.whitespace = c.mode;
        return undefined;
    }
  }

  private tryChunk(c: Extract<Chunk, { kind: 'try' }>): Flow {
    let flow: Flow;
    try {
      flow = this.chunks(c.body);
      if (!flow && c.orelse) flow = this.chunks(c.orelse);
    } catch (e) {
      // Only template errors are catchable, like Python's bare except around the user's own code.
      if (!(e instanceof TemplateError) || !c.handler) throw e;
      flow = this.chunks(c.handler);
    } finally {
      if (c.finalbody) {
        const f = this.chunks(c.finalbody);
        if (f) flow = f;
      }
    }
    return flow;
  }

  /** Tornado's `{% whitespace %}` modes. */
  private compact(text: string): string {
    if (this.whitespace === 'single') return text.replace(/[\t ]+/g, ' ').replace(/\s*\n\s*/g, '\n');
    if (this.whitespace === 'oneline') return text.replace(/\s+/g, ' ');
    return text;
  }
}
