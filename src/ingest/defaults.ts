import { randomUUID } from 'node:crypto';
import { baseType } from '../types/ast.js';
import { compileConverter, FAIL, type StoredValue, typeDefault } from '../types/convert.js';
import { parseChLiteral } from '../types/convert-literal.js';
import type { EvaluateDefault, IngestColumn } from './types.js';

/**
 * DEFAULT expressions, compiled once per column. mk evaluates what real datafiles use (corpus §5.4):
 * literals (`'x'`, `3`, `-1`, `[]`, `true`, `NULL`), `now()`, `now64(p)`, `today()`,
 * `generateUUIDv4()`, a conversion of a literal (`toUUID('…')`, `toDateTime64(0, 3)`), and another
 * column's name. Anything else goes to the `evaluateDefault` hook (the compiler's), or, without one,
 * is reported unsupported (MK5002) and the type default is used.
 */
export type DefaultFn = (row: Readonly<Record<string, StoredValue>>) => StoredValue | typeof FAIL;

export interface CompiledDefault {
  readonly fn: DefaultFn;
  /** False when neither mk nor a hook can evaluate the expression. */
  readonly supported: boolean;
}

const CALL = /^([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(.*?)\s*\)$/s;

/** Compiles `column.defaultExpr`. */
export function compileDefault(column: IngestColumn, columns: readonly IngestColumn[], hook?: EvaluateDefault): CompiledDefault {
  const expr = (column.defaultExpr ?? '').trim();
  const asJson = compileConverter(column.type, 'json');
  const asText = compileConverter(column.type, 'text');
  const literal = literalValue(expr);
  if (literal !== undefined) {
    const v = typeof literal === 'string' ? asText(literal) : asJson(literal);
    if (v !== FAIL) return { fn: () => v, supported: true };
  }
  const other = columns.find((c) => c.name === expr);
  if (other) return { fn: (row) => row[other.name] ?? null, supported: true };
  const call = CALL.exec(expr);
  if (call) {
    const name = call[1]!.toLowerCase();
    const args = call[2]!;
    const b = baseType(column.type);
    const isDate = b.kind === 'date' || b.kind === 'date32';
    if ((name === 'now' || name === 'now64') && (args === '' || /^\d+$/.test(args.split(',')[0]!))) {
      // Dates take the day part; DateTime64 keeps milliseconds; DateTime whole seconds.
      return { fn: () => (isDate ? asText(new Date().toISOString().slice(0, 10)) : asJson(Date.now() / 1000)), supported: true };
    }
    if (name === 'today' && args === '') return { fn: () => asText(new Date().toISOString().slice(0, 10)), supported: true };
    if ((name === 'generateuuidv4' || name === 'generateuuidv7') && args === '') return { fn: () => asJson(randomUUID()), supported: true };
    if (name.startsWith('to')) {
      const first = literalValue(args.split(',')[0]!.trim());
      if (first !== undefined) {
        const v = typeof first === 'string' ? asText(first) : asJson(first);
        if (v !== FAIL) return { fn: () => v, supported: true };
      }
    }
  }
  if (hook) return { fn: (row) => hook(expr, column, row), supported: true };
  const fallback = typeDefault(column.type);
  return { fn: () => fallback, supported: false };
}

/** A literal's JSON value, or undefined when `expr` is not a literal. */
function literalValue(expr: string): unknown {
  if (/^'(?:[^'\\]|\\.|'')*'$/.test(expr)) return parseChLiteral(expr);
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(expr)) return Number(expr);
  if (expr === 'true' || expr === 'false') return expr === 'true';
  if (/^null$/i.test(expr)) return null;
  if (expr.startsWith('[') || expr.startsWith('{') || expr.startsWith('(')) return parseChLiteral(expr);
  return undefined;
}
