import type { CallExpr, Expr, Template } from '../syntax/template/ast.js';
import { PARAMETER_TYPES, TEMPLATE_FUNCTIONS } from './functions.js';
import { exprChildren, localNames, walkTemplate } from './walk.js';

/** A request parameter a template reads, as documented in OpenAPI and checked by validation. */
export interface ParamInfo {
  readonly name: string;
  /** ClickHouse-style type: `String`, `Int32`, `Array(Int16)`, `DateTime` … */
  readonly type: string;
  /** The default written in the template, when it is a literal. Ints beyond 2^53−1 are strings. */
  readonly default?: string | number | boolean | null | readonly unknown[];
  readonly required: boolean;
  readonly description?: string;
  readonly example?: string;
  readonly format?: string;
  readonly enum?: readonly string[];
  /** `defined=False` was passed: a missing value is None instead of an error. */
  readonly defined?: boolean;
  /** Only seen inside helpers like `defined(x)`: no type information. */
  readonly usedIn?: 'function_call';
}

// Helpers whose first argument names a parameter without typing it (Tinybird's VALID_CUSTOM_FUNCTION_NAMES).
const UNTYPED_PARAM_FUNCTIONS = new Set([
  'defined',
  'column',
  'columns',
  'symbol',
  'table',
  'TABLE',
  'split_to_array',
  'enumerate_with_last',
  'sql_unescape',
  'day_diff',
  'date_diff_in_days',
  'date_diff_in_hours',
  'date_diff_in_minutes',
  'date_diff_in_seconds',
  'len',
  'list',
]);

type Mutable = { -readonly [K in keyof ParamInfo]: ParamInfo[K] };
type Found = Mutable & { typed?: boolean };

/** Lists the parameters a template reads, in first-use order, typed from `String(x)`, `Array(x, 'Int16')` … */
export function discoverParameters(ast: Template): ParamInfo[] {
  const locals = localNames(ast);
  const found = new Map<string, Found>();
  const calleeArgs = new Set<Expr>();

  const note = (info: Found): void => {
    if (locals.has(info.name)) return;
    const prev = found.get(info.name);
    if (!prev) found.set(info.name, info);
    // Typed declarations win over untyped uses; a later typed declaration refines an earlier one.
    else if (info.typed) found.set(info.name, prev.typed ? { ...prev, ...info } : info);
  };

  walkTemplate(ast, {
    expr: (e) => {
      if (e.kind === 'call') {
        for (const a of e.args) calleeArgs.add(a);
        const info = fromCall(e);
        if (info) note(info);
        if (e.callee.startsWith('date_diff') || e.callee === 'day_diff') {
          for (const a of e.args.slice(1, 2)) {
            if (a.kind === 'name') note({ name: a.name, type: 'String', required: false, usedIn: 'function_call' });
          }
        }
      } else if (e.kind === 'name' && !calleeArgs.has(e) && !(e.name in TEMPLATE_FUNCTIONS)) {
        note({ name: e.name, type: 'String', required: false });
      }
    },
  });
  return [...found.values()].map(({ typed: _typed, ...rest }) => rest);
}

function fromCall(e: CallExpr): Found | undefined {
  const first = e.args[0];
  if (first?.kind !== 'name') return undefined;
  if (UNTYPED_PARAM_FUNCTIONS.has(e.callee)) return { name: first.name, type: 'String', required: false, usedIn: 'function_call' };
  if (!PARAMETER_TYPES.has(e.callee)) return undefined;
  const kw = new Map(e.kwargs.map((k) => [k.name, k.value]));
  const isArray = e.callee === 'Array';
  const itemType = isArray ? literal(kw.get('_type') ?? e.args[1]) : undefined;
  const type = isArray
    ? `Array(${typeof itemType === 'string' ? itemType : 'String'})`
    : e.callee === 'Int' || e.callee === 'Integer'
      ? 'Int32'
      : e.callee;
  const info: Found = { name: first.name, type, required: literal(kw.get('required')) === true, typed: true };
  const def = kw.get('default') ?? e.args[isArray ? 2 : 1];
  const defValue = def ? literal(def) : undefined;
  if (defValue !== undefined && defValue !== null) info.default = defValue;
  const text = (k: string): string | undefined => {
    const v = literal(kw.get(k));
    return v === undefined || v === null ? undefined : String(v);
  };
  for (const k of ['description', 'example', 'format'] as const) {
    const v = text(k);
    if (v !== undefined) info[k] = v;
  }
  const en = literal(kw.get('enum'));
  if (Array.isArray(en)) info.enum = en.map(String);
  const defined = literal(kw.get('defined'));
  if (typeof defined === 'boolean') info.defined = defined;
  return info;
}

/** The JS value of a literal expression (lists/tuples of literals included), else undefined. */
function literal(e: Expr | undefined): ParamInfo['default'] | undefined {
  if (!e) return undefined;
  if (e.kind === 'literal') {
    if (typeof e.value !== 'bigint') return e.value;
    return Number.isSafeInteger(Number(e.value)) ? Number(e.value) : e.value.toString();
  }
  if (e.kind === 'unary' && e.op === '-' && e.operand.kind === 'literal') {
    const v = literal(e.operand);
    return typeof v === 'number' ? -v : typeof v === 'string' ? `-${v}` : undefined;
  }
  if (e.kind === 'list' || e.kind === 'tuple') {
    const items = exprChildren(e).map(literal);
    return items.every((x) => x !== undefined) ? items : undefined;
  }
  return undefined;
}
