import type * as A from '../../syntax/sql/ast.js';
import { baseType, type ChType, T } from '../../types/ast.js';
import { printType } from '../../types/print.js';
import { emitCall, lookupFunction } from '../functions/index.js';
import { EmitFailure } from './context.js';
import { agg, compileExpr, type Emitted, type ExprEnv } from './expr.js';
import { coerceTo } from './operators.js';

/** The conversion function behind `CAST(x AS T)` for each target kind (`toDate`, `toInt32` …). */
function converterName(t: ChType): string | undefined {
  switch (t.kind) {
    case 'int':
      return `to${t.signed ? '' : 'U'}Int${t.bits}`;
    case 'float':
      return `toFloat${t.bits}`;
    case 'string':
      return 'toString';
    case 'date':
      return 'toDate';
    case 'date32':
      return 'toDate32';
    case 'datetime':
      return 'toDateTime';
    case 'datetime64':
      return 'toDateTime64';
    case 'bool':
      return 'toBool';
    case 'uuid':
      return 'toUUID';
    case 'decimal':
      return 'toFloat64';
    default:
      return undefined;
  }
}

/**
 * `CAST(x AS T)`, `CAST(x, 'T')` and `x::T`: a string literal is converted at compile time; otherwise the
 * function library's `toT` conversion runs. Nullable/LowCardinality wrappers change only the type.
 */
export function compileCast(e: A.Cast, env: ExprEnv): Emitted {
  const x = compileExpr(e.expr, env);
  const target = e.type;
  if (!target) return x;
  const base = baseType(target);
  if (printType(baseType(x.type)) === printType(base)) return { ...x, type: target };
  const folded = coerceTo(x, base, env);
  if (folded !== x) return { ...folded, type: target };
  if (x.constant === null) return { sql: 'NULL', type: target };
  const name = converterName(base);
  const resolved = name ? lookupFunction(name) : undefined;
  if (!resolved) {
    // Without the library's conversion, SQLite's CAST is right for plain numbers and strings.
    const affinity = base.kind === 'int' ? 'INTEGER' : base.kind === 'float' ? 'REAL' : base.kind === 'string' ? 'TEXT' : undefined;
    if (affinity) return { sql: `CAST(${x.sql} AS ${affinity})`, type: target, ...agg(x) };
    if (base.kind === 'array' || base.kind === 'map' || base.kind === 'tuple' || base.kind === 'lowcardinality')
      return { ...x, type: target };
    env.ctx.report('MK4201', `CAST to ${e.typeText} is not supported`, e.range);
    return { ...x, type: target };
  }
  const args = base.kind === 'datetime64' ? [x, { sql: env.ctx.bind(base.precision), type: T.uint8, constant: base.precision }] : [x];
  try {
    const r = emitCall(
      resolved,
      { params: [], args },
      {
        bind: (v) => env.ctx.bind(v),
        fail: (m) => {
          throw new EmitFailure(m);
        },
      },
    );
    return { sql: r.sql, type: target, ...agg(x), ...(r.small ? { small: true } : {}) };
  } catch (err) {
    if (!(err instanceof EmitFailure)) throw err;
    env.ctx.report('MK4202', `CAST to ${e.typeText}: ${err.message}`, e.range);
    return { ...x, type: target };
  }
}
