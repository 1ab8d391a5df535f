import { arg, bind, type TemplateFunction } from './call.js';
import { TemplateError, templateSyntaxError } from './errors.js';
import { quoteString } from './escape.js';
import { parsePyInt } from './py-number.js';
import { asInt, isPlaceholder, pyStr, sql, toJs, type Value } from './values.js';

/** Functions that steer the render or the query: errors, secrets, cache/threads hints. */

const defined: TemplateFunction = (_ctx, args) => {
  const x = args.positional[0] ?? null;
  return !(x === null || isPlaceholder(x));
};

// Analyze mode swaps errors for a comment. Tinybird's wrapper emits the literal text `-- {x} \n`
// (a missing f-string prefix); mk keeps it so analysed SQL matches Tinybird's byte for byte.
const ANALYZE_ERROR_COMMENT = '-- {x} \n';

/** `error('msg', code)`: aborts the request with a 400 and the message (the code is ignored, as in Tinybird). */
const error: TemplateFunction = (ctx, args) => {
  if (ctx.mode === 'analyze') return sql(ANALYZE_ERROR_COMMENT);
  const b = bind('error', args, ['s', 'code']);
  throw new TemplateError(pyStr(arg(b, 's')), { status: 400 });
};

/** `custom_error({...}, code)`: aborts with a caller-chosen JSON body and status. */
const customError: TemplateFunction = (ctx, args) => {
  if (ctx.mode === 'analyze') return sql(ANALYZE_ERROR_COMMENT);
  const b = bind('custom_error', args, ['s', 'code']);
  const body = arg(b, 's');
  const code = Number(asInt(arg(b, 'code', 400n)) ?? 400n);
  throw new TemplateError(pyStr(body), { status: code >= 100 && code <= 599 ? code : 400, body: toJs(body) });
};

/**
 * `tb_secret('NAME', default)`: the secret's value as an escaped string literal (Tinybird binds it as a
 * ClickHouse query parameter `{NAME: String}`, which the SQLite store has no use for).
 */
const tbSecret: TemplateFunction = (ctx, args) => {
  const b = bind('tb_secret', args, ['x', 'default']);
  const name = pyStr(arg(b, 'x'));
  const value = ctx.secrets[name];
  if (value !== undefined) return sql(quoteString(value));
  const def = arg(b, 'default');
  if (def !== null) return def;
  if (ctx.mode === 'analyze') return sql("'__no_value__'");
  throw templateSyntaxError(
    `Cannot access secret '${name}'. Check the secret exists in the Workspace and the token has the required scope.`,
  );
};

const TTLS = ['5s', '1m', '5m', '30m', '1h'];

const cacheTtl: TemplateFunction = (ctx, args) => {
  const ttl = args.positional[0] ?? null;
  const s = typeof ttl === 'string' ? ttl : undefined;
  if (s === undefined || !TTLS.includes(s)) {
    throw templateSyntaxError(`Invalid TTL cache expression, valid expressions are ('5s', '1m', '5m', '30m', '1h')`);
  }
  ctx.outputs.cacheTtl = s;
  return sql(`-- cache_ttl ${s}\n`);
};

const maxThreads: TemplateFunction = (ctx, args) => {
  const x = args.positional[0] ?? null;
  const n = asInt(x) ?? (typeof x === 'string' ? parsePyInt(x) : undefined);
  // Tinybird echoes a bad argument into the comment; mk does not, a newline in it would end the comment.
  if (n === undefined) return sql('-- max_threads: wrong argument\n');
  ctx.outputs.maxThreads = Number(n);
  return sql(`-- max_threads ${n}\n`);
};

const backendHint: TemplateFunction = (ctx, args) => {
  const hint = args.positional[0] ?? null;
  ctx.outputs.backendHint = hint === null || hint === false ? null : pyStr(hint);
  const text = pyStr(hint);
  if (/[\r\n]/.test(text)) throw templateSyntaxError('backend_hint cannot contain line breaks');
  return sql(`-- backend_hint ${text}\n`);
};

function feature(name: 'activate' | 'disable', valid: readonly string[]): TemplateFunction {
  return (ctx, args) => {
    const f: Value = args.positional[0] ?? null;
    const s = typeof f === 'string' ? f : pyStr(f);
    if (!valid.includes(s)) throw templateSyntaxError(`'${s}' is not a valid '${name}' argument`);
    ctx.outputs[name] = s;
    return sql(`-- ${name} ${s}\n`);
  };
}

export const CONTROL_FUNCTIONS: Readonly<Record<string, TemplateFunction>> = {
  defined,
  error,
  custom_error: customError,
  tb_secret: tbSecret,
  tb_var: tbSecret,
  cache_ttl: cacheTtl,
  max_threads: maxThreads,
  backend_hint: backendHint,
  activate: feature('activate', ['analyzer', 'parallel_replicas']),
  disable: feature('disable', ['analyzer']),
};
