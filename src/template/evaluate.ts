import type { BinaryOp, CompareOp, Expr, SliceIndex } from '../syntax/template/ast.js';
import type { CallArgs, CallContext } from './call.js';
import { TemplateError, templateSyntaxError } from './errors.js';
import { TEMPLATE_FUNCTIONS } from './functions.js';
import { callMethod } from './methods.js';
import {
  asInt,
  asNumeric,
  asStr,
  dict,
  dictKey,
  isDict,
  isList,
  isPlaceholder,
  isTuple,
  placeholder,
  pyCompare,
  pyEquals,
  pyIter,
  truthy,
  tuple,
  typeName,
  type Value,
} from './values.js';

/** Where an expression looks up names and how it reports lines. */
export interface Scope {
  lookup(name: string, line: number): Value;
  readonly context: (line: number) => CallContext;
  lineOf(e: Expr): number;
}

type Handler<K extends Expr['kind']> = (e: Extract<Expr, { kind: K }>, s: Scope) => Value;

const MAX_SEQUENCE = 100_000;

// Python class names of the operators Tinybird rejects ("Invalid BinOp: Pow()").
const PY_OP_NAMES: Readonly<Record<BinaryOp, string>> = {
  '+': 'Add',
  '-': 'Sub',
  '*': 'Mult',
  '/': 'Div',
  '//': 'FloorDiv',
  '%': 'Mod',
  '**': 'Pow',
};

const HANDLERS: { [K in Expr['kind']]: Handler<K> } = {
  literal: (e) => e.value,
  name: (e, s) => s.lookup(e.name, s.lineOf(e)),
  list: (e, s) => e.items.map((x) => evaluate(x, s)),
  tuple: (e, s) => tuple(e.items.map((x) => evaluate(x, s))),
  dict: (e, s) => dict(e.entries.map((x) => [evaluate(x.key, s), evaluate(x.value, s)] as const)),
  call: (e, s) => {
    const fn = TEMPLATE_FUNCTIONS[e.callee];
    const line = s.lineOf(e);
    if (!fn) {
      const ctx = s.context(line);
      throw templateSyntaxError(
        ctx.mode === 'analyze'
          ? `'${e.callee}' is not a valid function, line ${line}`
          : 'wrong syntax, you might be using a not valid function inside a control block',
      );
    }
    return fn(s.context(line), evalArgs(e.args, e.kwargs, s));
  },
  method: (e, s) => callMethod(evaluate(e.object, s), e.method, evalArgs(e.args, e.kwargs, s)),
  attribute: (e, s) => {
    const obj = evaluate(e.object, s);
    throw new TemplateError(`'${typeName(obj)}' object has no attribute '${e.attr}'`);
  },
  subscript: (e, s) => subscript(evaluate(e.object, s), e.index, s),
  binary: (e, s) => binary(e.op, evaluate(e.left, s), evaluate(e.right, s)),
  compare: (e, s) => {
    let left = evaluate(e.first, s);
    for (const { op, right } of e.rest) {
      const r = evaluate(right, s);
      if (!compare(op, left, r)) return false;
      left = r;
    }
    return true;
  },
  boolop: (e, s) => {
    const left = evaluate(e.left, s);
    if (e.op === 'and' ? !truthy(left) : truthy(left)) return left;
    return evaluate(e.right, s);
  },
  unary: (e, s) => {
    const v = evaluate(e.operand, s);
    if (e.op === 'not') return !truthy(v);
    const n = asNumeric(v);
    if (n === undefined) throw new TemplateError(`bad operand type for unary ${e.op}: '${typeName(v)}'`);
    if (e.op === '+') return n;
    return typeof n === 'bigint' ? -n : -n;
  },
  conditional: (e, s) => (truthy(evaluate(e.test, s)) ? evaluate(e.then, s) : evaluate(e.orelse, s)),
};

/** Evaluates an expression with Python semantics. */
export function evaluate(e: Expr, s: Scope): Value {
  return (HANDLERS[e.kind] as Handler<Expr['kind']>)(e as never, s);
}

function evalArgs(args: readonly Expr[], kwargs: readonly { name: string; value: Expr }[], s: Scope): CallArgs {
  return {
    positional: args.map((a) => evaluate(a, s)),
    keywords: new Map(kwargs.map((k) => [k.name, evaluate(k.value, s)])),
  };
}

function binary(op: BinaryOp, a: Value, b: Value): Value {
  if (op === '+' && isPlaceholder(a)) return placeholder(a.name);
  const na = asNumeric(a);
  const nb = asNumeric(b);
  if (na !== undefined && nb !== undefined && (op === '+' || op === '-' || op === '*')) {
    if (typeof na === 'bigint' && typeof nb === 'bigint') return op === '+' ? na + nb : op === '-' ? na - nb : na * nb;
    const x = Number(na);
    const y = Number(nb);
    return op === '+' ? x + y : op === '-' ? x - y : x * y;
  }
  if (op === '+') {
    const sa = asStr(a);
    const sb = asStr(b);
    if (sa !== undefined && sb !== undefined) return sa + sb;
    if (isList(a) && isList(b)) return [...a, ...b];
    if (isTuple(a) && isTuple(b)) return tuple([...a.items, ...b.items]);
    if (sa !== undefined) throw new TemplateError(`can only concatenate str (not "${typeName(b)}") to str`);
    if (isList(a)) throw new TemplateError(`can only concatenate list (not "${typeName(b)}") to list`);
  }
  if (op === '*') {
    const [seq, times] = asInt(b) !== undefined ? [a, asInt(b)!] : [b, asInt(a)];
    if (times !== undefined) {
      const n = Math.max(0, Number(times));
      const str = asStr(seq);
      const size = (str?.length ?? (isList(seq) ? seq.length : 0)) * n;
      if (size > MAX_SEQUENCE * 10) throw new TemplateError('repeated sequence is too large');
      if (str !== undefined) return str.repeat(n);
      if (isList(seq)) return Array.from({ length: n }, () => seq).flat();
    }
  }
  if (op !== '+' && op !== '-' && op !== '*') throw templateSyntaxError(`Invalid BinOp: ${PY_OP_NAMES[op]}()`);
  throw new TemplateError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

function contains(container: Value, x: Value): boolean {
  const s = asStr(container);
  if (s !== undefined) {
    const needle = asStr(x);
    if (needle === undefined) throw new TemplateError(`'in <string>' requires string as left operand, not ${typeName(x)}`);
    return s.includes(needle);
  }
  if (isDict(container)) return container.entries.has(dictKey(x));
  if (container === null || typeof container !== 'object')
    throw new TemplateError(`argument of type '${typeName(container)}' is not iterable`);
  return pyIter(container).some((item) => pyEquals(item, x));
}

function compare(op: CompareOp, a: Value, b: Value): boolean {
  switch (op) {
    case '==':
      return pyEquals(a, b);
    case '!=':
      return !pyEquals(a, b);
    case 'in':
      return contains(b, a);
    case 'not in':
      return !contains(b, a);
    case 'is':
      return a === b;
    case 'is not':
      return a !== b;
    default: {
      const c = pyCompare(a, b, op);
      if (Number.isNaN(c)) return false;
      return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
    }
  }
}

function subscript(obj: Value, index: Expr | SliceIndex, s: Scope): Value {
  if (index.kind === 'slice') {
    const start = index.start ? asInt(evaluate(index.start, s)) : undefined;
    const stop = index.stop ? asInt(evaluate(index.stop, s)) : undefined;
    const seq = isList(obj) ? obj : isTuple(obj) ? obj.items : asStr(obj);
    if (seq === undefined) throw new TemplateError(`'${typeName(obj)}' object is not subscriptable`);
    const from = start === undefined ? undefined : Number(start);
    const to = stop === undefined ? undefined : Number(stop);
    if (typeof seq === 'string') return [...seq].slice(from, to).join('');
    const items = seq.slice(from, to);
    return isTuple(obj) ? tuple(items) : items;
  }
  const key = evaluate(index, s);
  if (isDict(obj)) {
    const hit = obj.entries.get(dictKey(key));
    if (!hit) throw new TemplateError(`KeyError: ${asStr(key) !== undefined ? `'${asStr(key)}'` : String(key)}`);
    return hit[1];
  }
  if (isPlaceholder(obj)) {
    const i = asInt(key);
    if (i === undefined) throw new TemplateError(`'>' not supported between instances of '${typeName(key)}' and 'int'`);
    if (i > 2n) throw new TemplateError('list index out of range');
    return placeholder(obj.name);
  }
  const str = asStr(obj);
  const seq = isList(obj) ? obj : isTuple(obj) ? obj.items : str !== undefined ? [...str] : undefined;
  if (seq === undefined) throw new TemplateError(`'${typeName(obj)}' object is not subscriptable`);
  const i = asInt(key);
  if (i === undefined) throw new TemplateError(`${typeName(obj)} indices must be integers or slices, not ${typeName(key)}`);
  const n = Number(i < 0n ? BigInt(seq.length) + i : i);
  if (n < 0 || n >= seq.length) {
    if (str !== undefined) {
      throw templateSyntaxError(
        'String index out of range. Check that string parameters have values before accessing specific characters (e.g., param[0]). Provide default values or add length checks in your template.',
      );
    }
    throw new TemplateError(`${typeName(obj)} index out of range`);
  }
  return seq[n]!;
}
