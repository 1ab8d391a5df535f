import type { CstNode, IToken } from 'chevrotain';
import type { Position, Range } from '../../diagnostics/diagnostic.js';
import { parseType } from '../../types/parse.js';
import type * as A from './ast.js';
import { readExpr } from './to-ast-expr.js';
import { readTable } from './to-ast-from.js';

type Children = Record<string, (CstNode | IToken)[] | undefined>;

/** Shared state of one CST→AST conversion: the source text and how offsets become positions. */
export class AstBuilder {
  constructor(
    readonly text: string,
    private readonly mapPosition: (offset: number) => Position,
  ) {}

  readonly typeErrors: { message: string; range: Range }[] = [];

  range(start: number, end: number): Range {
    return { start: this.mapPosition(start), end: this.mapPosition(end) };
  }

  nodeRange(node: CstNode): Range {
    const loc = node.location!;
    return this.range(loc.startOffset, (loc.endOffset ?? loc.startOffset) + 1);
  }

  tokenRange(tok: IToken): Range {
    return this.range(tok.startOffset, tok.startOffset + tok.image.length);
  }

  spanRange(from: { range: Range }, to: { range: Range }): Range {
    return { start: from.range.start, end: to.range.end };
  }

  /** Source text of a CST node (type expressions are parsed from it by src/types). */
  slice(node: CstNode): string {
    const loc = node.location!;
    return this.text.slice(loc.startOffset, (loc.endOffset ?? loc.startOffset) + 1);
  }

  parseTypeText(text: string, node: CstNode): A.ChTypeOrUndefined {
    const r = parseType(text);
    if (r.ok) return r.type;
    this.typeErrors.push({ message: r.error.message, range: this.nodeRange(node) });
    return undefined;
  }
}

export function toks(c: Children, key: string): IToken[] {
  return (c[key] ?? []) as IToken[];
}

export function nodes(c: Children, key: string): CstNode[] {
  return (c[key] ?? []) as CstNode[];
}

export function tok(c: Children, key: string): IToken | undefined {
  return (c[key] as IToken[] | undefined)?.[0];
}

export function node(c: Children, key: string): CstNode | undefined {
  return (c[key] as CstNode[] | undefined)?.[0];
}

/** The name an identifier token stands for: quotes removed, doubled or escaped quotes undone. */
export function identName(token: IToken): string {
  const s = token.image;
  const q = s[0];
  if (q !== '`' && q !== '"') return s;
  return s.slice(1, -1).replace(q === '`' ? /``|\\(.)/g : /""|\\(.)/g, (_m, c: string | undefined) => c ?? q);
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  b: '\b',
  f: '\f',
  a: '\x07',
  v: '\v',
  e: '\x1b',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '`': '`',
  '/': '/',
  '=': '=',
};

/**
 * The value of a ClickHouse string literal: backslash escapes and doubled quotes. An unknown escape keeps
 * its backslash (`'a\\_b'` is `a\\_b`, so LIKE still sees an escaped `_`), as ClickHouse does.
 */
export function unquoteString(image: string): string {
  return image.slice(1, -1).replace(/''|\\(x[0-9a-fA-F]{2}|[\s\S])/g, (m, e: string | undefined) => {
    if (e === undefined) return "'";
    if (e.length === 3) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    return ESCAPES[e] ?? m;
  });
}

/** Converts a `query` CST node. */
export function readQuery(b: AstBuilder, cst: CstNode): A.Query {
  const c = cst.children;
  const units = nodes(c, 'selectUnit').map((u) => readSelectUnit(b, u));
  if (units.length === 1) return units[0]!;
  const ops = nodes(c, 'unionOp').map((u) => (tok(u.children, 'ALL') ? ('all' as const) : ('distinct' as const)));
  return { kind: 'union', members: units, ops, range: b.nodeRange(cst) };
}

function readSelectUnit(b: AstBuilder, cst: CstNode): A.Query {
  const inner = node(cst.children, 'query');
  if (inner) return readQuery(b, inner);
  return readSelect(b, node(cst.children, 'selectStmt')!);
}

function readSelect(b: AstBuilder, cst: CstNode): A.Select {
  const c = cst.children;
  const expr = (n: CstNode | undefined) => (n ? readExpr(b, n) : undefined);
  const withNode = node(c, 'withClause');
  const group = node(c, 'groupByClause');
  const limits = nodes(c, 'limitClause').map((l) => readLimit(b, l));
  const limitBy = limits.find((l) => l.by);
  const limit = limits.find((l) => !l.by);
  const from = node(c, 'fromClause');
  const format = tok(c, 'format');
  return {
    kind: 'select',
    with: withNode ? nodes(withNode.children, 'withItem').map((w) => readWithItem(b, w)) : [],
    distinct: toks(c, 'DISTINCT').length > 0,
    items: nodes(c, 'selectItem').map((s) => readSelectItem(b, s)),
    ...(from ? { from: readFrom(b, from) } : {}),
    ...opt('prewhere', expr(node(c, 'prewhere'))),
    ...opt('where', expr(node(c, 'where'))),
    ...(group ? { groupBy: readGroupBy(b, group) } : {}),
    ...opt('having', expr(node(c, 'having'))),
    orderBy: nodes(c, 'orderItem').map((o) => readOrderItem(b, o)),
    ...(limitBy ? { limitBy: { count: limitBy.count, ...opt('offset', limitBy.offset), by: limitBy.by! } } : {}),
    ...(limit ? { limit: { count: limit.count, ...opt('offset', limit.offset) } } : {}),
    settings: nodes(c, 'setting').map((s) => ({
      name: identName(tok(s.children, 'IdentLike')!),
      value: readExpr(b, node(s.children, 'expression')!),
    })),
    ...(format ? { format: identName(format) } : {}),
    range: b.nodeRange(cst),
  };
}

/** `{ key: value }` when value is defined, `{}` otherwise: optional AST fields stay absent, not undefined. */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function readWithItem(b: AstBuilder, cst: CstNode): A.WithItem {
  const c = cst.children;
  const name = tok(c, 'cteName');
  if (name) return { kind: 'cte', name: identName(name), query: readQuery(b, node(c, 'query')!), range: b.nodeRange(cst) };
  return { kind: 'withExpr', expr: readExpr(b, node(c, 'expression')!), range: b.nodeRange(cst) };
}

function readSelectItem(b: AstBuilder, cst: CstNode): A.Expr {
  const c = cst.children;
  const e = readExpr(b, node(c, 'expression')!);
  const alias = tok(c, 'Identifier') ?? tok(c, 'QuotedIdentifier');
  if (!alias) return e;
  return { kind: 'alias', expr: e, name: identName(alias), range: b.nodeRange(cst) };
}

function readFrom(b: AstBuilder, cst: CstNode): A.TableExpr {
  const c = cst.children;
  let left = readTable(b, node(c, 'tableExpr')!);
  for (const part of nodes(c, 'joinPart')) left = readJoinPart(b, left, part);
  return left;
}

function readJoinPart(b: AstBuilder, left: A.TableExpr, cst: CstNode): A.TableExpr {
  const c = cst.children;
  const range = { start: left.range.start, end: b.nodeRange(cst).end };
  if (tok(c, 'arrayJoin')) {
    return { kind: 'arrayJoin', leftJoin: !!tok(c, 'arrayLeft'), left, items: nodes(c, 'expression').map((e) => readExpr(b, e)), range };
  }
  const right = readTable(b, node(c, 'tableExpr')!);
  if (tok(c, 'Comma')) return { kind: 'join', joinKind: 'comma', global: false, left, right, range };
  const words = toks(c, 'joinWord').map((w) => w.tokenType.name);
  const joinKind: A.JoinKind = words.includes('LEFT')
    ? 'left'
    : words.includes('RIGHT')
      ? 'right'
      : words.includes('FULL')
        ? 'full'
        : words.includes('CROSS')
          ? 'cross'
          : 'inner';
  const strictWord = words.find((w) => ['ANY', 'ALL', 'SEMI', 'ANTI', 'ASOF'].includes(w));
  const on = node(c, 'on');
  const using = toks(c, 'using');
  return {
    kind: 'join',
    joinKind,
    ...(strictWord ? { strictness: strictWord.toLowerCase() as A.JoinStrictness } : {}),
    global: words.includes('GLOBAL'),
    left,
    right,
    ...(on ? { on: readExpr(b, on) } : {}),
    ...(using.length ? { using: using.map(identName) } : {}),
    range,
  };
}

function readGroupBy(b: AstBuilder, cst: CstNode): A.GroupBy {
  const c = cst.children;
  return {
    all: !!tok(c, 'ALL'),
    exprs: nodes(c, 'expression').map((e) => readExpr(b, e)),
    modifiers: toks(c, 'modifier').map((m) => m.tokenType.name.toLowerCase() as 'rollup'),
  };
}

/** Reads an `orderItem` CST node (ORDER BY and window ORDER BY share it). */
export function readOrderItem(b: AstBuilder, cst: CstNode): A.OrderItem {
  const c = cst.children;
  const dir = tok(c, 'direction')?.tokenType.name;
  const nulls = tok(c, 'nulls');
  const collate = tok(c, 'collate');
  const hasFill = !!tok(c, 'FILL');
  const fillPart = (key: string) => {
    const n = node(c, key);
    return n ? readExpr(b, n) : undefined;
  };
  return {
    expr: readExpr(b, node(c, 'expression')!),
    desc: dir === 'DESC' || dir === 'DESCENDING',
    ...(nulls ? { nulls: nulls.tokenType.name === 'FIRST' ? ('first' as const) : ('last' as const) } : {}),
    ...(collate ? { collate: unquoteString(collate.image) } : {}),
    ...(hasFill
      ? { fill: { ...opt('from', fillPart('fillFrom')), ...opt('to', fillPart('fillTo')), ...opt('step', fillPart('fillStep')) } }
      : {}),
    range: b.nodeRange(cst),
  };
}

function readLimit(b: AstBuilder, cst: CstNode): { count: A.Expr; offset?: A.Expr; by?: A.Expr[] } {
  const c = cst.children;
  const first = readExpr(b, node(c, 'first')!);
  const secondNode = node(c, 'second');
  const second = secondNode ? readExpr(b, secondNode) : undefined;
  const by = nodes(c, 'by').map((e) => readExpr(b, e));
  // `LIMIT n, m` is offset n, count m; `LIMIT m OFFSET n` the other way round.
  const viaComma = !!tok(c, 'Comma');
  const count = second && viaComma ? second : first;
  const offset = second ? (viaComma ? first : second) : undefined;
  return { count, ...opt('offset', offset), ...(by.length ? { by } : {}) };
}
