import { baseType, T } from '../../../types/ast.js';
import { constNumber, constString, jsonValueSql, scalar } from '../define.js';
import type { EmitContext, EmittedArg, FunctionDef } from '../types.js';

const s = (a: EmittedArg | undefined) => (a as EmittedArg).sql;

/** Tuples (stored as JSON arrays) and the subcolumns of tuples and JSON columns. */
function tupleIndex(t: EmittedArg, i: EmittedArg, ctx: EmitContext): number {
  const n = constNumber(i);
  if (n !== undefined) return n;
  const name = constString(i);
  const b = baseType(t.type);
  const idx = b.kind === 'tuple' ? b.elements.findIndex((e) => e.name === name) : -1;
  return idx >= 0 ? idx + 1 : ctx.fail(`tupleElement: no element ${String(i.constant)}`);
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
    ret: (a, c) => {
      const b = baseType(a[0] ?? T.nothing);
      if (b.kind !== 'tuple') return T.nothing;
      const n = constNumber(c.args[1]);
      const name = constString(c.args[1]);
      const el = n !== undefined ? b.elements[n - 1] : b.elements.find((e) => e.name === name);
      return el?.type ?? T.nothing;
    },
    emit: ([t, i], ctx) => `json_extract(${s(t)}, '$[${tupleIndex(t as EmittedArg, i as EmittedArg, ctx) - 1}]')`,
  }),
  scalar({
    // `getSubcolumn(payload, 'user-agent')`: a JSON path (what `payload.a.b` reads, for names a dot can't
    // reach) or a named tuple element.
    name: 'getSubcolumn',
    min: 2,
    max: 2,
    nulls: 'custom',
    ret: (a, c) => {
      const b = baseType(a[0] ?? T.nothing);
      if (b.kind === 'json') return T.nullable(T.string);
      if (b.kind !== 'tuple') return T.nothing;
      return b.elements.find((e) => e.name === constString(c.args[1]))?.type ?? T.nothing;
    },
    emit: ([x, name], ctx) => {
      const b = baseType(x!.type);
      const sub = constString(name as EmittedArg);
      if (sub === undefined) return ctx.fail('getSubcolumn: the subcolumn name must be a constant string');
      if (b.kind === 'tuple') return `json_extract(${s(x)}, '$[${tupleIndex(x as EmittedArg, name as EmittedArg, ctx) - 1}]')`;
      if (b.kind !== 'json') return ctx.fail(`getSubcolumn: ${x!.type.kind} has no subcolumn '${sub}'`);
      const path = `$.${sub
        .split('.')
        .map((p) => `"${p.replace(/["\\]/g, (c) => `\\${c}`)}"`)
        .join('.')}`;
      return `(${s(x)} ->> ${ctx.bind(path)})`;
    },
  }),
];
