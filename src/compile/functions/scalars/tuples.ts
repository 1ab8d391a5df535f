import { baseType, type ChType, T } from '../../../types/ast.js';
import { constNumber, constString, jsonKeyPath, jsonValueSql, scalar } from '../define.js';
import type { EmitContext, EmittedArg, FunctionDef } from '../types.js';

// Tuples (stored as JSON arrays) and the subcolumns of tuples and JSON columns.

const s = (a: EmittedArg | undefined) => (a as EmittedArg).sql;

/** The type of a tuple's element named or numbered (from 1) by `i`; Nothing when there is none. */
function tupleElementType(tuple: ChType | undefined, i: EmittedArg | undefined): ChType {
  const b = baseType(tuple ?? T.nothing);
  if (b.kind !== 'tuple') return T.nothing;
  const n = constNumber(i);
  const el = n !== undefined ? b.elements[n - 1] : b.elements.find((e) => e.name === constString(i));
  return el?.type ?? T.nothing;
}

/** SQL reading a tuple's element named or numbered (from 1) by `i`. */
function tupleElementSql(t: EmittedArg, i: EmittedArg, ctx: EmitContext): string {
  const n = constNumber(i);
  const b = baseType(t.type);
  const index = n !== undefined ? n - 1 : b.kind === 'tuple' ? b.elements.findIndex((e) => e.name === constString(i)) : -1;
  if (index < 0) return ctx.fail(`tupleElement: no element ${String(i.constant)}`);
  return `json_extract(${t.sql}, '$[${index}]')`;
}

export const TUPLES: readonly FunctionDef[] = [
  scalar({
    name: 'tuple',
    min: 1,
    max: Infinity,
    nulls: 'custom',
    ret: (a) => ({ kind: 'tuple', elements: a.map((type) => ({ type })) }),
    emit: (a) => `json_array(${a.map(jsonValueSql).join(', ')})`,
  }),
  scalar({
    name: 'tupleElement',
    min: 2,
    max: 3,
    nulls: 'custom',
    ret: (a, c) => tupleElementType(a[0], c.args[1]),
    emit: ([t, i], ctx) => tupleElementSql(t as EmittedArg, i as EmittedArg, ctx),
  }),
  scalar({
    // `getSubcolumn(payload, 'user-agent')`: a JSON path (what `payload.a.b` reads, for names a dot can't
    // reach) or a named tuple element.
    name: 'getSubcolumn',
    min: 2,
    max: 2,
    nulls: 'custom',
    ret: (a, c) => (baseType(a[0] ?? T.nothing).kind === 'json' ? T.nullable(T.string) : tupleElementType(a[0], c.args[1])),
    emit: ([x, name], ctx) => {
      const sub = constString(name as EmittedArg);
      if (sub === undefined) return ctx.fail('getSubcolumn: the subcolumn name must be a constant string');
      const kind = baseType(x!.type).kind;
      if (kind === 'tuple') return tupleElementSql(x as EmittedArg, name as EmittedArg, ctx);
      if (kind !== 'json') return ctx.fail(`getSubcolumn: ${x!.type.kind} has no subcolumn '${sub}'`);
      return `(${s(x)} ->> ${ctx.bind(jsonKeyPath(sub.split('.')))})`;
    },
  }),
];
