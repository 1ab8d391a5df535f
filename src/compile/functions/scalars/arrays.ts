import { baseType, type ChType, T } from '../../../types/ast.js';
import { defaultSql } from '../aggregates/native.js';
import { constNumber, counting, jsonValueSql, scalar, superType } from '../define.js';
import type { EmitContext, EmittedArg, FunctionDef } from '../types.js';
import { elementOf, type LambdaKind, lambdaSql, lambdaType } from './array-lambdas.js';
import { ARRAY_OP } from './array-ops.js';

/** Arrays are JSON text; these functions work on them with json_each (inline) or small JS UDFs. */
const s = (a: EmittedArg | undefined) => (a as EmittedArg).sql;

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
  counting(
    arrayFn(
      'indexOf',
      countType,
      ([a, x]) => `COALESCE((SELECT key + 1 FROM json_each(${s(a)}) WHERE value = ${s(x)} ORDER BY key LIMIT 1), 0)`,
      2,
    ),
  ),
  counting(arrayFn('countEqual', countType, ([a, x]) => `(SELECT count(*) FROM json_each(${s(a)}) WHERE value = ${s(x)})`, 2)),
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
  arrayFn(
    'arrayUniq',
    () => T.uint32,
    ([a]) => op('uniq', s(a)),
    1,
  ),
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
  reducing(
    'arrayCount',
    'count',
    (a) => `(SELECT count(*) FROM json_each(${a.sql}) WHERE value)`,
    () => T.uint32,
  ),
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
