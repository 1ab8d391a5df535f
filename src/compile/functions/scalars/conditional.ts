import { baseType, type ChType, isNullable, T } from '../../../types/ast.js';
import { scalar, superType } from '../define.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { allSmall, u64GreatestSql } from '../uint64.js';

const sqls = (a: readonly EmittedArg[]) => a.map((x) => x.sql);
const types = (a: readonly ChType[]) => a;

export const CONDITIONAL: readonly FunctionDef[] = [
  // A NULL condition takes the else branch (ClickHouse today; 18.16 returned NULL).
  scalar({
    name: 'if',
    caseInsensitive: true,
    min: 3,
    max: 3,
    nulls: 'custom',
    ret: (a) => superType([a[1] ?? T.nothing, a[2] ?? T.nothing]),
    emit: ([c, a, b]) => `CASE WHEN ${(c as EmittedArg).sql} THEN ${(a as EmittedArg).sql} ELSE ${(b as EmittedArg).sql} END`,
    small: (a) => allSmall(a.slice(1)),
  }),
  scalar({
    name: 'multiIf',
    min: 3,
    max: Infinity,
    nulls: 'custom',
    ret: (a) => superType(a.filter((_t, i) => i % 2 === 1 || i === a.length - 1)),
    emit: (args) => {
      const parts: string[] = [];
      for (let i = 0; i + 1 < args.length; i += 2)
        parts.push(`WHEN ${(args[i] as EmittedArg).sql} THEN ${(args[i + 1] as EmittedArg).sql}`);
      return `CASE ${parts.join(' ')} ELSE ${(args[args.length - 1] as EmittedArg).sql} END`;
    },
    small: (a) => allSmall(a.filter((_x, i) => i % 2 === 1 || i === a.length - 1)),
  }),
  scalar({
    name: 'coalesce',
    caseInsensitive: true,
    min: 1,
    max: Infinity,
    nulls: 'custom',
    // Non-Nullable as soon as one argument is non-Nullable.
    ret: (a) => {
      const s = superType(types(a));
      return a.some((t) => !isNullable(t) && baseType(t).kind !== 'nothing') ? baseType(s) : s;
    },
    emit: (a) => (a.length === 1 ? (a[0] as EmittedArg).sql : `coalesce(${sqls(a).join(', ')})`),
    small: allSmall,
  }),
  scalar({
    name: 'ifNull',
    caseInsensitive: true,
    min: 2,
    max: 2,
    nulls: 'custom',
    ret: (a) => (isNullable(a[1] ?? T.nothing) ? superType(types(a)) : baseType(superType(types(a)))),
    emit: ([a, b]) => `ifnull(${(a as EmittedArg).sql}, ${(b as EmittedArg).sql})`,
    small: allSmall,
  }),
  scalar({
    name: 'nullIf',
    caseInsensitive: true,
    min: 2,
    max: 2,
    nulls: 'custom',
    // nullIf(LowCardinality(String), …) is LowCardinality(Nullable(String)) in ClickHouse.
    ret: (a) => {
      const out = T.nullable(baseType(a[0] ?? T.nothing));
      return a[0]?.kind === 'lowcardinality' ? { kind: 'lowcardinality', inner: out } : out;
    },
    emit: ([a, b]) => `nullif(${(a as EmittedArg).sql}, ${(b as EmittedArg).sql})`,
  }),
  scalar({
    name: 'assumeNotNull',
    min: 1,
    max: 1,
    nulls: 'custom',
    ret: (a) => baseType(a[0] ?? T.nothing),
    emit: ([a]) => (a as EmittedArg).sql,
  }),
  scalar({ name: 'isNull', min: 1, max: 1, nulls: 'custom', ret: T.uint8, emit: ([a]) => `((${(a as EmittedArg).sql}) IS NULL)` }),
  scalar({ name: 'isNotNull', min: 1, max: 1, nulls: 'custom', ret: T.uint8, emit: ([a]) => `((${(a as EmittedArg).sql}) IS NOT NULL)` }),
  scalar({
    name: 'toNullable',
    min: 1,
    max: 1,
    nulls: 'custom',
    ret: (a) => T.nullable(a[0] ?? T.nothing),
    emit: ([a]) => (a as EmittedArg).sql,
  }),
  // SQLite's scalar max()/min() return NULL if any argument is NULL, like ClickHouse's greatest/least.
  scalar({
    name: 'greatest',
    caseInsensitive: true,
    min: 1,
    max: Infinity,
    ret: (a) => baseType(superType(a)),
    emit: (a) => (a.length === 1 ? (a[0] as EmittedArg).sql : (u64GreatestSql('max', a) ?? `max(${sqls(a).join(', ')})`)),
    small: allSmall,
  }),
  scalar({
    name: 'least',
    caseInsensitive: true,
    min: 1,
    max: Infinity,
    ret: (a) => baseType(superType(a)),
    emit: (a) => (a.length === 1 ? (a[0] as EmittedArg).sql : (u64GreatestSql('min', a) ?? `min(${sqls(a).join(', ')})`)),
    small: allSmall,
  }),
  scalar({ name: 'max2', min: 2, max: 2, ret: T.float64, emit: ([a, b]) => `max(${(a as EmittedArg).sql}, ${(b as EmittedArg).sql})` }),
  scalar({ name: 'min2', min: 2, max: 2, ret: T.float64, emit: ([a, b]) => `min(${(a as EmittedArg).sql}, ${(b as EmittedArg).sql})` }),
  scalar({
    name: 'transform',
    min: 3,
    max: 4,
    nulls: 'custom',
    ret: (a) => {
      const to = baseType(a[2] ?? T.nothing);
      return to.kind === 'array' ? to.element : T.string;
    },
    // transform(x, [from…], [to…], default): the position of x in `from` picks the element of `to`.
    emit: ([x, from, to, dflt]) => {
      const pos = `(SELECT key FROM json_each(${(from as EmittedArg).sql}) WHERE value = ${(x as EmittedArg).sql} LIMIT 1)`;
      const pick = `json_extract(${(to as EmittedArg).sql}, '$[' || ${pos} || ']')`;
      return `CASE WHEN ${pos} IS NULL THEN ${dflt ? dflt.sql : (x as EmittedArg).sql} ELSE ${pick} END`;
    },
  }),
];
