import { baseType, type ChType, T } from '../../../types/ast.js';
import { isJsonEncoded } from '../../../types/encoding.js';
import { defaultSql } from '../aggregates/native.js';
import type { EmitContext, EmittedArg } from '../types.js';

/** The element type of an array type (Nothing for non-arrays). */
export const elementOf = (t: ChType | undefined): ChType => {
  const b = t ? baseType(t) : T.nothing;
  return b.kind === 'array' ? b.element : T.nothing;
};

/** How an element read from json_each is put back into a JSON array. */
export const elemJson = (sql: string, t: ChType) => (isJsonEncoded(t) ? `json(${sql})` : sql);

let aliasCounter = 0;
const nextAlias = () => `je${++aliasCounter}`;

/** Elements of the array arguments, joined by position, for lambdas: `FROM json_each(a) je1 JOIN json_each(b) je2 ON …`. */
function lambdaSource(arrays: readonly EmittedArg[]): { from: string; aliases: string[] } {
  const aliases = arrays.map(() => nextAlias());
  const first = aliases[0] as string;
  const from = arrays
    .map((a, i) =>
      i === 0 ? `json_each(${a.sql}) AS ${first}` : `JOIN json_each(${a.sql}) AS ${aliases[i]} ON ${aliases[i]}.key = ${first}.key`,
    )
    .join(' ');
  return { from, aliases };
}

function lambdaBody(f: EmittedArg, arrays: readonly EmittedArg[], aliases: readonly string[], ctx: EmitContext): EmittedArg {
  if (!f.lambda) return ctx.fail('expected a lambda (x -> …) as the first argument');
  return f.lambda.body(arrays.map((a, i) => ({ sql: `${aliases[i]}.value`, type: elementOf(a.type) })));
}

export type LambdaKind = 'map' | 'filter' | 'exists' | 'all' | 'count' | 'sum' | 'first' | 'firstIndex' | 'sort' | 'max' | 'min';

/**
 * Higher-order array functions as correlated subqueries over json_each: the compiler compiles the lambda
 * body (EmittedArg.lambda) with each parameter bound to `jeN.value`.
 * @example arrayMap(x -> x * 2, a) → (SELECT json_group_array((je1.value * 2) ORDER BY je1.key) FROM json_each(a) AS je1)
 */
export function lambdaSql(kind: LambdaKind, args: readonly EmittedArg[], ctx: EmitContext): string {
  const [f, ...arrays] = args;
  if (!f || arrays.length === 0) return ctx.fail('higher-order array functions need a lambda and an array');
  const { from, aliases } = lambdaSource(arrays);
  const a0 = aliases[0] as string;
  const el = elementOf((arrays[0] as EmittedArg).type);
  const body = lambdaBody(f, arrays, aliases, ctx);
  const elem = elemJson(`${a0}.value`, el);
  switch (kind) {
    case 'map':
      return `(SELECT json_group_array(${elemJson(body.sql, body.type)} ORDER BY ${a0}.key) FROM ${from})`;
    case 'filter':
      return `(SELECT json_group_array(${elem} ORDER BY ${a0}.key) FROM ${from} WHERE ${body.sql})`;
    case 'exists':
      return `EXISTS(SELECT 1 FROM ${from} WHERE ${body.sql})`;
    case 'all':
      return `NOT EXISTS(SELECT 1 FROM ${from} WHERE NOT (${body.sql}))`;
    case 'count':
      return `(SELECT count(*) FROM ${from} WHERE ${body.sql})`;
    case 'sum':
      return `(SELECT COALESCE(sum(${body.sql}), 0) FROM ${from})`;
    case 'max':
    case 'min':
      return `(SELECT COALESCE(${kind}(${body.sql}), 0) FROM ${from})`;
    case 'first':
      return `COALESCE((SELECT ${a0}.value FROM ${from} WHERE ${body.sql} ORDER BY ${a0}.key LIMIT 1), ${defaultSql(el)})`;
    case 'firstIndex':
      return `COALESCE((SELECT ${a0}.key + 1 FROM ${from} WHERE ${body.sql} ORDER BY ${a0}.key LIMIT 1), 0)`;
    case 'sort':
      return `(SELECT json_group_array(${elem} ORDER BY ${body.sql}, ${a0}.key) FROM ${from})`;
  }
}

/** The element type a lambda body produces (for arrayMap's result type). */
export function lambdaType(args: readonly EmittedArg[]): ChType {
  const [f, ...arrays] = args;
  if (!f?.lambda) return T.nothing;
  return f.lambda.body(arrays.map((a, i) => ({ sql: `_${i}`, type: elementOf(a.type) }))).type;
}
