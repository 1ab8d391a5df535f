import type { CstNode, IToken } from 'chevrotain';
import type * as A from './ast.js';
import { type AstBuilder, identName, node, nodes, opt, readOrderItem, readQuery, tok, toks, unquoteString } from './to-ast.js';

/** Converts any expression-level CST node (expression, ternary … primary) to an Expr. */
export function readExpr(b: AstBuilder, cst: CstNode): A.Expr {
  const reader = READERS[cst.name];
  if (!reader) throw new Error(`to-ast: no reader for CST rule ${cst.name}`);
  return reader(b, cst);
}

type Reader = (b: AstBuilder, cst: CstNode) => A.Expr;

const first = (b: AstBuilder, cst: CstNode, key: string) => readExpr(b, node(cst.children, key)!);

/** Folds `operand (op operand)*` left-associatively; operators come from one token key, in order. */
function fold(b: AstBuilder, cst: CstNode, operandKey: string, opKey: string, opOf: (t: IToken) => A.BinaryOp): A.Expr {
  const operands = nodes(cst.children, operandKey).map((n) => readExpr(b, n));
  const ops = toks(cst.children, opKey);
  let acc = operands[0]!;
  ops.forEach((o, i) => {
    const right = operands[i + 1]!;
    acc = { kind: 'binary', op: opOf(o), left: acc, right, range: b.spanRange(acc, right) };
  });
  return acc;
}

const COMPARE: Record<string, A.BinaryOp> = { Eq: '=', EqEq: '=', NotEq: '!=', Less: '<', Greater: '>', LessEq: '<=', GreaterEq: '>=' };

const READERS: Record<string, Reader> = {
  expression(b, cst) {
    const c = cst.children;
    const inner = readExpr(b, node(c, 'lambda') ?? node(c, 'ternary')!);
    const alias = tok(c, 'alias');
    return alias ? { kind: 'alias', expr: inner, name: identName(alias), range: b.nodeRange(cst) } : inner;
  },
  lambda(b, cst) {
    return {
      kind: 'lambda',
      params: toks(cst.children, 'param').map(identName),
      body: first(b, cst, 'expression'),
      range: b.nodeRange(cst),
    };
  },
  ternary(b, cst) {
    const cond = first(b, cst, 'orExpr');
    if (!node(cst.children, 'then')) return cond;
    return { kind: 'ternary', cond, ifTrue: first(b, cst, 'then'), ifFalse: first(b, cst, 'else'), range: b.nodeRange(cst) };
  },
  orExpr: (b, cst) => fold(b, cst, 'andExpr', 'OR', () => 'or'),
  andExpr: (b, cst) => fold(b, cst, 'notExpr', 'AND', () => 'and'),
  notExpr(b, cst) {
    const inner = node(cst.children, 'notExpr');
    if (!inner) return first(b, cst, 'isNullExpr');
    return { kind: 'unary', op: 'not', operand: readExpr(b, inner), range: b.nodeRange(cst) };
  },
  isNullExpr(b, cst) {
    let acc = first(b, cst, 'comparison');
    for (const tail of nodes(cst.children, 'isNullTail')) {
      acc = {
        kind: 'isNull',
        negated: !!tok(tail.children, 'NOT'),
        expr: acc,
        range: { start: acc.range.start, end: b.nodeRange(tail).end },
      };
    }
    return acc;
  },
  comparison(b, cst) {
    let acc = first(b, cst, 'concatExpr');
    for (const tail of nodes(cst.children, 'comparisonTail')) acc = readComparisonTail(b, acc, tail);
    return acc;
  },
  concatExpr: (b, cst) => fold(b, cst, 'additive', 'Concat', () => '||'),
  additive: (b, cst) => fold(b, cst, 'multiplicative', 'AddOp', (t) => t.image as A.BinaryOp),
  multiplicative: (b, cst) => fold(b, cst, 'unary', 'MulOp', (t) => t.image as A.BinaryOp),
  unary(b, cst) {
    const inner = node(cst.children, 'unary');
    if (!inner) return first(b, cst, 'postfix');
    const operand = readExpr(b, inner);
    // `-1` is a negative literal, as in ClickHouse (which types it Int8, not a negated UInt8).
    if (operand.kind === 'literal' && typeof operand.value === 'number' && operand.text && !operand.text.startsWith('-')) {
      return { kind: 'literal', value: -operand.value, text: `-${operand.text}`, range: b.nodeRange(cst) };
    }
    return { kind: 'unary', op: '-', operand, range: b.nodeRange(cst) };
  },
  postfix(b, cst) {
    let acc = first(b, cst, 'primary');
    for (const op of nodes(cst.children, 'postfixOp')) acc = readPostfix(b, acc, op);
    return acc;
  },
  primary(b, cst) {
    const c = cst.children;
    const sub = Object.values(c)[0]?.[0];
    if (sub && 'children' in sub) return readExpr(b, sub);
    const t = sub as IToken;
    const range = b.tokenRange(t);
    if (tok(c, 'keywordName')) return { kind: 'column', parts: [t.image], range };
    switch (t.tokenType.name) {
      case 'NumberLit':
        return { kind: 'literal', value: parseNumber(t.image), text: t.image, range };
      case 'StringLit':
        return { kind: 'literal', value: unquoteString(t.image), range };
      case 'TRUE':
        return { kind: 'literal', value: true, range };
      case 'FALSE':
        return { kind: 'literal', value: false, range };
      default:
        return { kind: 'literal', value: null, range };
    }
  },
  star(b, cst) {
    return readStar(b, cst, []);
  },
  columnRef(b, cst) {
    const parts = toks(cst.children, 'part').map(identName);
    const star = node(cst.children, 'star');
    if (star) return { ...readStar(b, star, parts), range: b.nodeRange(cst) };
    return { kind: 'column', parts, range: b.nodeRange(cst) };
  },
  call(b, cst) {
    const c = cst.children;
    const nameTok = tok(c, 'name')!;
    const argLists = nodes(c, 'callArgs');
    const lastArgs = argLists[argLists.length - 1]!;
    const readArgs = (a: CstNode) => nodes(a.children, 'argument').map((x) => readArgument(b, x));
    const spec = node(c, 'windowSpec');
    const windowName = tok(c, 'windowName');
    return {
      kind: 'call',
      name: identName(nameTok),
      ...(argLists.length === 2 ? { params: readArgs(argLists[0]!) } : {}),
      args: readArgs(lastArgs),
      distinct: !!tok(lastArgs.children, 'DISTINCT'),
      ...(spec ? { over: readWindow(b, spec) } : windowName ? { over: { name: identName(windowName), partitionBy: [], orderBy: [] } } : {}),
      nameRange: b.tokenRange(nameTok),
      range: b.nodeRange(cst),
    };
  },
  trimCall(b, cst) {
    const c = cst.children;
    const nameTok = tok(c, 'name')!;
    const mode = tok(c, 'mode')!.image.toLowerCase();
    const name = mode === 'both' ? 'trimBoth' : mode === 'leading' ? 'trimLeft' : 'trimRight';
    return {
      kind: 'call',
      name,
      args: [first(b, cst, 'input'), first(b, cst, 'chars')],
      distinct: false,
      nameRange: b.tokenRange(nameTok),
      range: b.nodeRange(cst),
    };
  },
  caseExpr(b, cst) {
    const c = cst.children;
    const whens = nodes(c, 'when');
    const thens = nodes(c, 'then');
    const operand = node(c, 'operand');
    const elseNode = node(c, 'else');
    return {
      kind: 'case',
      ...(operand ? { operand: readExpr(b, operand) } : {}),
      whens: whens.map((w, i) => ({ when: readExpr(b, w), result: readExpr(b, thens[i]!) })),
      ...(elseNode ? { else: readExpr(b, elseNode) } : {}),
      range: b.nodeRange(cst),
    };
  },
  castExpr(b, cst) {
    const c = cst.children;
    const expr = first(b, cst, 'ternary');
    const typeNode = node(c, 'typeExpr');
    const str = tok(c, 'StringLit');
    const typeText = typeNode ? b.slice(typeNode) : unquoteString(str!.image);
    const type = b.parseTypeText(typeText, typeNode ?? cst);
    return { kind: 'cast', expr, typeText, ...opt('type', type), syntax: typeNode ? 'as' : 'comma', range: b.nodeRange(cst) };
  },
  intervalExpr(b, cst) {
    const unit = tok(cst.children, 'unit');
    return {
      kind: 'interval',
      value: first(b, cst, 'additive'),
      ...(unit ? { unit: unit.image.toUpperCase() } : {}),
      range: b.nodeRange(cst),
    };
  },
  arrayExpr(b, cst) {
    return { kind: 'array', elements: listOf(b, cst), range: b.nodeRange(cst) };
  },
  mapExpr(b, cst) {
    const keys = nodes(cst.children, 'key');
    const values = nodes(cst.children, 'value');
    return { kind: 'map', entries: keys.map((k, i) => ({ key: readExpr(b, k), value: readExpr(b, values[i]!) })), range: b.nodeRange(cst) };
  },
  subquery(b, cst) {
    return { kind: 'subquery', query: readQuery(b, node(cst.children, 'query')!), range: b.nodeRange(cst) };
  },
  parenExpr(b, cst) {
    const elements = listOf(b, cst);
    const list = node(cst.children, 'exprListTrailing')!;
    // `(x)` is grouping; `(x,)`, `()` and `(a, b)` are tuples.
    if (elements.length === 1 && toks(list.children, 'Comma').length === 0) return elements[0]!;
    return { kind: 'tuple', elements, range: b.nodeRange(cst) };
  },
};

function listOf(b: AstBuilder, cst: CstNode): A.Expr[] {
  const list = node(cst.children, 'exprListTrailing')!;
  return nodes(list.children, 'expression').map((e) => readExpr(b, e));
}

export function readArgument(b: AstBuilder, cst: CstNode): A.Expr {
  const q = node(cst.children, 'query');
  if (q) return { kind: 'subquery', query: readQuery(b, q), range: b.nodeRange(cst) };
  return first(b, cst, 'expression');
}

function readComparisonTail(b: AstBuilder, left: A.Expr, cst: CstNode): A.Expr {
  const c = cst.children;
  const operands = nodes(c, 'concatExpr').map((n) => readExpr(b, n));
  const right = operands[operands.length - 1]!;
  const range = b.spanRange(left, right);
  const negated = toks(c, 'NOT').length > 0;
  const cmp = tok(c, 'CompareOp');
  if (cmp) return { kind: 'binary', op: COMPARE[cmp.tokenType.name]!, left, right, range };
  if (tok(c, 'LIKE') || tok(c, 'ILIKE'))
    return { kind: 'like', negated, caseInsensitive: !!tok(c, 'ILIKE'), expr: left, pattern: right, range };
  if (tok(c, 'IN')) return { kind: 'in', negated, global: !!tok(c, 'GLOBAL'), expr: left, target: right, range };
  return { kind: 'between', negated, expr: left, low: operands[0]!, high: right, range };
}

function readPostfix(b: AstBuilder, acc: A.Expr, cst: CstNode): A.Expr {
  const c = cst.children;
  const range = { start: acc.range.start, end: b.nodeRange(cst).end };
  const num = tok(c, 'NumberLit');
  if (num) {
    // `t.1.2` lexes as `t` `.` `1.2`: two accesses.
    return num.image
      .split('.')
      .filter(Boolean)
      .reduce<A.Expr>((e, i) => ({ kind: 'tupleAccess', expr: e, index: Number(i), range }), acc);
  }
  const typeNode = node(c, 'typeExpr');
  if (typeNode) {
    const typeText = b.slice(typeNode);
    const type = b.parseTypeText(typeText, typeNode);
    return { kind: 'cast', expr: acc, typeText, ...opt('type', type), syntax: 'colons', range };
  }
  return { kind: 'subscript', expr: acc, index: first(b, cst, 'expression'), range };
}

function readWindow(b: AstBuilder, cst: CstNode): A.WindowSpec {
  const c = cst.children;
  const unit = tok(c, 'unit');
  const bounds = nodes(c, 'frameBound').map((f) => readBound(b, f));
  return {
    partitionBy: nodes(c, 'partition').map((e) => readExpr(b, e)),
    orderBy: nodes(c, 'orderItem').map((o) => readOrderItem(b, o)),
    ...(unit ? { frame: { unit: unit.tokenType.name === 'ROWS' ? 'rows' : 'range', start: bounds[0]!, ...opt('end', bounds[1]) } } : {}),
  };
}

function readBound(b: AstBuilder, cst: CstNode): A.FrameBound {
  const c = cst.children;
  if (tok(c, 'CURRENT')) return { kind: 'current' };
  const direction = tok(c, 'direction')!.tokenType.name === 'PRECEDING' ? 'preceding' : 'following';
  if (tok(c, 'UNBOUNDED')) return { kind: 'unbounded', direction };
  return { kind: 'offset', value: first(b, cst, 'additive'), direction };
}

/** Number literal value: hex/binary integers, exact integers as bigint beyond 2^53, else a double. */
export function parseNumber(text: string): number | bigint {
  const lower = text.toLowerCase();
  if (lower.startsWith('0x') || lower.startsWith('0b')) {
    const big = BigInt(text);
    return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : BigInt(text);
  }
  return Number(text);
}

/** `q.* EXCEPT (…) REPLACE (expr AS col, …)`; a REPLACE item without its `AS col` is an error. */
function readStar(b: AstBuilder, cst: CstNode, qualifier: string[]): A.Star {
  const replace = nodes(cst.children, 'replace').flatMap((n) => {
    const e = readExpr(b, n);
    if (e.kind === 'alias') return [{ name: e.name, expr: e.expr }];
    b.typeErrors.push({ message: 'Each REPLACE item needs a name: * REPLACE (expr AS column)', range: e.range });
    return [];
  });
  return { kind: 'star', qualifier, except: toks(cst.children, 'except').map(identName), replace, range: b.nodeRange(cst) };
}
