import { baseType, type ChType, T } from '../../../types/ast.js';
import { isJsonEncoded } from '../../../types/encoding.js';
import { defaultSql } from '../aggregates/native.js';
import { constNumber, jsonValueSql, scalar, superType } from '../define.js';
import type { EmitContext, EmittedArg, FunctionDef } from '../types.js';
import { udf } from '../udf/registry.js';

/** Arrays are JSON text; these functions work on them with json_each (inline) or small JS UDFs. */
const elementOf = (t: ChType | undefined): ChType => {
  const b = t ? baseType(t) : T.nothing;
  return b.kind === 'array' ? b.element : T.nothing;
};
const s = (a: EmittedArg | undefined) => (a as EmittedArg).sql;

/** How an element read from json_each is put back into a JSON array. */
const elemJson = (sql: string, t: ChType) => (isJsonEncoded(t) ? `json(${sql})` : sql);

let aliasCounter = 0;
const nextAlias = () => `je${++aliasCounter}`;

const ARRAY_OP = udf('ch_array_op', (op: string, ...args: unknown[]) => {
  const arr = (i: number): unknown[] => (typeof args[i] === 'string' ? (JSON.parse(args[i] as string) as unknown[]) : []);
  const key = (v: unknown) => JSON.stringify(v);
  switch (op) {
    case 'distinct': {
      const seen = new Set<string>();
      return JSON.stringify(arr(0).filter((v) => !seen.has(key(v)) && !!seen.add(key(v))));
    }
    case 'sort':
    case 'reverseSort': {
      const out = [...arr(0)].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : (a as number) < (b as number) ? -1 : 1));
      return JSON.stringify(op === 'sort' ? out : out.reverse());
    }
    case 'reverse':
      return JSON.stringify([...arr(0)].reverse());
    case 'concat':
      return JSON.stringify(args.flatMap((_a, i) => arr(i)));
    case 'intersect': {
      const rest = args.slice(1).map((_a, i) => new Set(arr(i + 1).map(key)));
      const seen = new Set<string>();
      return JSON.stringify(arr(0).filter((v) => rest.every((r) => r.has(key(v))) && !seen.has(key(v)) && !!seen.add(key(v))));
    }
    case 'flatten': {
      const flat = (xs: unknown[]): unknown[] => xs.flatMap((x) => (Array.isArray(x) ? flat(x) : [x]));
      return JSON.stringify(flat(arr(0)));
    }
    case 'slice': {
      const a = arr(0);
      const off = Number(args[1]);
      const start = off > 0 ? off - 1 : off < 0 ? Math.max(0, a.length + off) : a.length;
      const len = args[2] === undefined || args[2] === null ? undefined : Number(args[2]);
      const end = len === undefined ? a.length : len < 0 ? a.length + len : start + len;
      return JSON.stringify(a.slice(start, Math.max(start, end)));
    }
    case 'enumerate':
      return JSON.stringify(arr(0).map((_v, i) => i + 1));
    case 'zip':
      return JSON.stringify(arr(0).map((_v, i) => args.map((_a, j) => arr(j)[i])));
    case 'uniq':
      return new Set(arr(0).map(key)).size;
    case 'compact':
      return JSON.stringify(arr(0).filter((v, i, all) => i === 0 || key(v) !== key(all[i - 1])));
    case 'pushBack':
      return JSON.stringify([...arr(0), args[1]]);
    case 'pushFront':
      return JSON.stringify([args[1], ...arr(0)]);
    case 'popBack':
      return JSON.stringify(arr(0).slice(0, -1));
    case 'popFront':
      return JSON.stringify(arr(0).slice(1));
    case 'range': {
      const [start, end, step] = args.length === 1 ? [0, Number(args[0]), 1] : [Number(args[0]), Number(args[1]), Number(args[2] ?? 1)];
      const out: number[] = [];
      for (let v = start; step > 0 ? v < end : v > end; v += step) out.push(v);
      return JSON.stringify(out);
    }
    case 'withConstant':
      return JSON.stringify(Array.from({ length: Number(args[0]) }, () => args[1]));
    case 'stringConcat':
      return arr(0)
        .map((v) => (v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v)))
        .join(args[1] === undefined ? '' : String(args[1]));
    default:
      throw new Error(`mk: unknown array op ${op}`);
  }
});

/** JSON-typed arguments arrive as text; tell SQLite to embed them as JSON (nested arrays). */
const jsonArg = (a: EmittedArg) => jsonValueSql(a);
const op = (name: string, ...args: string[]) => `${ARRAY_OP}('${name}', ${args.join(', ')})`;

function arrayFn(
  name: string,
  ret: (a: readonly ChType[]) => ChType,
  emit: (a: readonly EmittedArg[], ctx: EmitContext) => string,
  min: number,
  max = min,
  aliases?: string[],
): FunctionDef {
  return scalar({ name, ...(aliases ? { aliases } : {}), min, max, ret, emit: (a, ctx) => emit(a, ctx) });
}

const same = (a: readonly ChType[]) => baseType(a[0] ?? T.array(T.nothing));
const countType = () => T.uint64;

/** arr[i] / arrayElement: 1-based, negative from the end, out of range gives the element default. */
function elementSql(arr: EmittedArg, idx: EmittedArg): string {
  const b = baseType(arr.type);
  if (b.kind === 'map') {
    const v = `(SELECT value FROM json_each(${arr.sql}) WHERE key = CAST(${idx.sql} AS TEXT))`;
    return b.value.kind === 'nullable' ? v : `COALESCE(${v}, ${defaultSql(b.value)})`;
  }
  const el = elementOf(arr.type);
  const i = constNumber(idx);
  const path =
    i !== undefined
      ? i > 0
        ? `'$[${i - 1}]'`
        : i < 0
          ? `'$[#${i}]'`
          : 'NULL'
      : `CASE WHEN (${idx.sql}) > 0 THEN '$[' || ((${idx.sql}) - 1) || ']' WHEN (${idx.sql}) < 0 THEN '$[#' || (${idx.sql}) || ']' END`;
  const v = `json_extract(${arr.sql}, ${path})`;
  return el.kind === 'nullable' ? v : `COALESCE(${v}, ${defaultSql(el)})`;
}

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

type LambdaKind = 'map' | 'filter' | 'exists' | 'all' | 'count' | 'sum' | 'first' | 'firstIndex' | 'sort' | 'max' | 'min';

function lambdaSql(kind: LambdaKind, args: readonly EmittedArg[], ctx: EmitContext): string {
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

const hasLambda = (a: readonly EmittedArg[]) => !!a[0]?.lambda;

/** The aggregate-over-elements forms: arraySum(arr) or arraySum(x -> …, arr). */
function reducing(
  name: string,
  kind: LambdaKind,
  plain: (arr: EmittedArg) => string,
  ret: (a: readonly ChType[]) => ChType,
  aliases?: string[],
): FunctionDef {
  return scalar({
    name,
    ...(aliases ? { aliases } : {}),
    min: 1,
    max: Infinity,
    ret,
    emit: (a, ctx) => (hasLambda(a) ? lambdaSql(kind, a, ctx) : plain(a[0] as EmittedArg)),
  });
}

const numericElement = (a: readonly ChType[]) => {
  const el = baseType(elementOf(a[a.length - 1]));
  return el.kind === 'int' ? (el.signed ? T.int64 : T.uint64) : T.float64;
};

export const ARRAYS: readonly FunctionDef[] = [
  scalar({
    name: 'array',
    min: 0,
    max: Infinity,
    ret: (a) => T.array(a.length ? baseType(superType(a)) : T.nothing),
    emit: (a) => `json_array(${a.map(jsonArg).join(', ')})`,
  }),
  arrayFn(
    'has',
    () => T.uint8,
    ([a, x]) => `EXISTS(SELECT 1 FROM json_each(${s(a)}) WHERE value = ${s(x)})`,
    2,
  ),
  arrayFn(
    'hasAny',
    () => T.uint8,
    ([a, b]) => `EXISTS(SELECT 1 FROM json_each(${s(a)}) AS l JOIN json_each(${s(b)}) AS r ON l.value = r.value)`,
    2,
  ),
  arrayFn(
    'hasAll',
    () => T.uint8,
    ([a, b]) => `NOT EXISTS(SELECT 1 FROM json_each(${s(b)}) AS r WHERE r.value NOT IN (SELECT value FROM json_each(${s(a)})))`,
    2,
  ),
  arrayFn(
    'indexOf',
    countType,
    ([a, x]) => `COALESCE((SELECT key + 1 FROM json_each(${s(a)}) WHERE value = ${s(x)} ORDER BY key LIMIT 1), 0)`,
    2,
  ),
  arrayFn('countEqual', countType, ([a, x]) => `(SELECT count(*) FROM json_each(${s(a)}) WHERE value = ${s(x)})`, 2),
  scalar({
    name: 'arrayElement',
    min: 2,
    max: 2,
    nulls: 'custom',
    ret: (a) => {
      const b = baseType(a[0] ?? T.nothing);
      return b.kind === 'map' ? b.value : elementOf(b);
    },
    emit: ([a, i]) => elementSql(a as EmittedArg, i as EmittedArg),
  }),
  arrayFn('arraySlice', same, (a) => op('slice', ...a.map((x) => x.sql)), 2, 3),
  arrayFn(
    'arrayStringConcat',
    () => T.string,
    ([a, sep]) => op('stringConcat', s(a), sep ? s(sep) : "''"),
    1,
    2,
  ),
  arrayFn('arrayDistinct', same, ([a]) => op('distinct', s(a)), 1),
  arrayFn('arrayReverse', same, ([a]) => op('reverse', s(a)), 1),
  arrayFn(
    'arrayConcat',
    (a) => baseType(superType(a)),
    (a) => op('concat', ...a.map((x) => x.sql)),
    1,
    Infinity,
  ),
  arrayFn('arrayIntersect', same, (a) => op('intersect', ...a.map((x) => x.sql)), 1, Infinity),
  arrayFn(
    'arrayFlatten',
    (a) => {
      let t = baseType(a[0] ?? T.nothing);
      while (t.kind === 'array' && baseType(t.element).kind === 'array') t = baseType(t.element);
      return t;
    },
    ([a]) => op('flatten', s(a)),
    1,
    1,
    ['flatten'],
  ),
  arrayFn(
    'arrayEnumerate',
    () => T.array(T.uint32),
    ([a]) => op('enumerate', s(a)),
    1,
  ),
  arrayFn(
    'arrayZip',
    (a) => T.array({ kind: 'tuple', elements: a.map((t) => ({ type: elementOf(t) })) }),
    (a) => op('zip', ...a.map((x) => x.sql)),
    1,
    Infinity,
  ),
  arrayFn('arrayUniq', countType, ([a]) => op('uniq', s(a)), 1),
  arrayFn('arrayCompact', same, ([a]) => op('compact', s(a)), 1),
  arrayFn('arrayPushBack', same, ([a, x]) => op('pushBack', s(a), jsonArg(x as EmittedArg)), 2),
  arrayFn('arrayPushFront', same, ([a, x]) => op('pushFront', s(a), jsonArg(x as EmittedArg)), 2),
  arrayFn('arrayPopBack', same, ([a]) => op('popBack', s(a)), 1),
  arrayFn('arrayPopFront', same, ([a]) => op('popFront', s(a)), 1),
  arrayFn(
    'range',
    (a) => T.array(baseType(a[a.length - 1] ?? T.uint64)),
    (a) => op('range', ...a.map((x) => x.sql)),
    1,
    3,
  ),
  arrayFn(
    'arrayWithConstant',
    (a) => T.array(baseType(a[1] ?? T.nothing)),
    ([n, x]) => op('withConstant', s(n), jsonArg(x as EmittedArg)),
    2,
  ),
  ...['String', 'UInt8', 'UInt16', 'UInt32', 'UInt64', 'Int8', 'Int16', 'Int32', 'Int64', 'Float32', 'Float64', 'Date', 'DateTime'].map(
    (t) => scalar({ name: `emptyArray${t}`, min: 0, max: 0, ret: () => T.array({ kind: 'string' }), emit: () => "'[]'" }),
  ),
  scalar({
    name: 'arrayMap',
    min: 2,
    max: Infinity,
    ret: (_a, c) => T.array(lambdaType(c.args)),
    emit: (a, ctx) => lambdaSql('map', a, ctx),
  }),
  scalar({
    name: 'arrayFilter',
    min: 2,
    max: Infinity,
    ret: (a) => baseType(a[1] ?? T.array(T.nothing)),
    emit: (a, ctx) => lambdaSql('filter', a, ctx),
  }),
  scalar({
    name: 'arrayExists',
    min: 1,
    max: Infinity,
    ret: T.uint8,
    emit: (a, ctx) => (hasLambda(a) ? lambdaSql('exists', a, ctx) : `EXISTS(SELECT 1 FROM json_each(${s(a[0])}) WHERE value)`),
  }),
  scalar({
    name: 'arrayAll',
    min: 1,
    max: Infinity,
    ret: T.uint8,
    emit: (a, ctx) => (hasLambda(a) ? lambdaSql('all', a, ctx) : `NOT EXISTS(SELECT 1 FROM json_each(${s(a[0])}) WHERE NOT value)`),
  }),
  scalar({ name: 'arrayFirst', min: 2, max: Infinity, ret: (a) => elementOf(a[1]), emit: (a, ctx) => lambdaSql('first', a, ctx) }),
  scalar({ name: 'arrayFirstIndex', min: 2, max: Infinity, ret: T.uint32, emit: (a, ctx) => lambdaSql('firstIndex', a, ctx) }),
  reducing('arrayCount', 'count', (a) => `(SELECT count(*) FROM json_each(${a.sql}) WHERE value)`, countType),
  reducing('arraySum', 'sum', (a) => `(SELECT COALESCE(sum(value), 0) FROM json_each(${a.sql}))`, numericElement),
  reducing(
    'arrayMax',
    'max',
    (a) => `(SELECT COALESCE(max(value), 0) FROM json_each(${a.sql}))`,
    (a) => baseType(elementOf(a[a.length - 1])),
  ),
  reducing(
    'arrayMin',
    'min',
    (a) => `(SELECT COALESCE(min(value), 0) FROM json_each(${a.sql}))`,
    (a) => baseType(elementOf(a[a.length - 1])),
  ),
  reducing(
    'arrayAvg',
    'sum',
    (a) => `(SELECT avg(value) FROM json_each(${a.sql}))`,
    () => T.float64,
  ),
  scalar({
    name: 'arraySort',
    min: 1,
    max: Infinity,
    ret: (a) => baseType(a[a.length - 1] ?? T.array(T.nothing)),
    emit: (a, ctx) => (hasLambda(a) ? lambdaSql('sort', a, ctx) : op('sort', s(a[0]))),
  }),
  arrayFn('arrayReverseSort', same, ([a]) => op('reverseSort', s(a)), 1),
];

function lambdaType(args: readonly EmittedArg[]): ChType {
  const [f, ...arrays] = args;
  if (!f?.lambda) return T.nothing;
  return f.lambda.body(arrays.map((a, i) => ({ sql: `_${i}`, type: elementOf(a.type) }))).type;
}
