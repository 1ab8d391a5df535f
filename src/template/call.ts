import { TemplateError } from './errors.js';
import type { Value } from './values.js';

/** Mutable side outputs a render collects (`cache_ttl`, `max_threads` …). */
export interface RenderOutputs {
  cacheTtl?: string;
  maxThreads?: number;
  backendHint?: string | null;
  activate?: string;
  disable?: string;
}

/** What a template function sees of the render in progress. */
export interface CallContext {
  readonly mode: 'run' | 'analyze';
  readonly secrets: Readonly<Record<string, string>>;
  readonly outputs: RenderOutputs;
  /** Line of the call in the node SQL (the `%` line is line 1), for messages. */
  readonly line: number;
}

export interface CallArgs {
  readonly positional: readonly Value[];
  readonly keywords: ReadonlyMap<string, Value>;
}

export type TemplateFunction = (ctx: CallContext, args: CallArgs) => Value;

/**
 * Binds call arguments to a Python-style signature. `names` lists parameters in order; those before
 * `required` are mandatory. Unknown keywords and extra positionals fail like Python.
 */
export function bind(fn: string, args: CallArgs, names: readonly string[], required = 1): Map<string, Value> {
  if (args.positional.length > names.length) {
    throw new TemplateError(`${fn}() takes ${names.length} positional arguments but ${args.positional.length} were given`);
  }
  const out = new Map<string, Value>();
  args.positional.forEach((v, i) => {
    out.set(names[i]!, v);
  });
  for (const [k, v] of args.keywords) {
    if (!names.includes(k)) throw new TemplateError(`${fn}() got an unexpected keyword argument '${k}'`);
    if (out.has(k)) throw new TemplateError(`${fn}() got multiple values for argument '${k}'`);
    out.set(k, v);
  }
  const missing = names.slice(0, required).filter((n) => !out.has(n));
  if (missing.length > 0) {
    // Tinybird rewrites Python's "missing 1 required positional argument" into this message.
    throw new TemplateError('Template Syntax Error: one of the transform type functions is missing an argument');
  }
  return out;
}

/** The bound value of `name`, or `fallback` (Python default) when not passed. */
export function arg(bound: ReadonlyMap<string, Value>, name: string, fallback: Value = null): Value {
  return bound.has(name) ? bound.get(name)! : fallback;
}
