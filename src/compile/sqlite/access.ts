import type * as A from '../../syntax/sql/ast.js';
import { baseType, type ChType, isNullable, T } from '../../types/ast.js';
import { printType } from '../../types/print.js';
import { jsonKeyPath } from '../functions/define.js';
import { aggAll, compileExpr, defaultSql, type Emitted, type ExprEnv, NULL_EMITTED } from './expr.js';

/**
 * `arr[i]` over JSON arrays, 1-based like ClickHouse: `arr[1]` is `$[0]`, `arr[-1]` is `$[#-1]`, an index
 * out of range reads the element type's default, and a constant `arr[0]` is an error (as in ClickHouse;
 * a computed 0 reads the default). `m['k']` reads a map key.
 */
export function compileSubscript(e: A.Subscript, env: ExprEnv): Emitted {
  const x = compileExpr(e.expr, env);
  const i = compileExpr(e.index, env);
  const b = baseType(x.type);
  const ctx = env.ctx;
  if (b.kind === 'tuple' && typeof i.constant === 'number') return tupleElement(x, i.constant, env, e);
  let path: string;
  let element: ChType;
  if (b.kind === 'array') {
    element = b.element;
    if (typeof i.constant === 'number') {
      const n = i.constant;
      // ClickHouse rejects [0] on a column; on a constant array it reads the default.
      if (n === 0 && e.expr.kind !== 'array')
        ctx.report('MK4109', 'Array indices are 1-based: [0] is an error in ClickHouse', e.index.range);
      path = n > 0 ? ctx.bind(`$[${n - 1}]`) : n < 0 ? ctx.bind(`$[#${n}]`) : 'NULL';
    } else {
      path = `(CASE WHEN ${i.sql} > 0 THEN '$[' || (${i.sql} - 1) || ']' WHEN ${i.sql} < 0 THEN '$[#' || ${i.sql} || ']' END)`;
    }
  } else if (b.kind === 'map' || b.kind === 'json') {
    element = b.kind === 'map' ? b.value : T.string;
    path = typeof i.constant === 'string' ? ctx.bind(jsonKeyPath([i.constant])) : `'$."' || ${i.sql} || '"'`;
  } else if (b.kind === 'nothing') {
    // NULL[i] is NULL in ClickHouse (and an unknown name, already reported, compiles to NULL).
    return NULL_EMITTED;
  } else {
    ctx.report('MK4201', `Subscript [] needs an Array or a Map, got ${printType(x.type)}`, e.range);
    return NULL_EMITTED;
  }
  const read = `json_extract(${x.sql}, ${path})`;
  const sql = isNullable(element) ? read : `COALESCE(${read}, ${defaultSql(element, env)})`;
  return { sql, type: element, ...aggAll([x, i]) };
}

/** `t.1`: the first element of a tuple (JSON array). */
export function compileTupleAccess(e: A.TupleAccess, env: ExprEnv): Emitted {
  return tupleElement(compileExpr(e.expr, env), e.index, env, e);
}

function tupleElement(x: Emitted, index: number, env: ExprEnv, e: A.Expr): Emitted {
  const b = baseType(x.type);
  const type = b.kind === 'tuple' ? b.elements[index - 1]?.type : b.kind === 'array' ? b.element : undefined;
  if (!type) {
    env.ctx.report('MK4201', `Cannot take element ${index} of ${x.type.kind}`, e.range);
    return NULL_EMITTED;
  }
  return { sql: `json_extract(${x.sql}, ${env.ctx.bind(`$[${index - 1}]`)})`, type, ...aggAll([x]) };
}
