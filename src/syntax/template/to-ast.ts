import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Diagnostic, Range } from '../../diagnostics/diagnostic.js';
import type * as A from './ast.js';
import { decodeNumber, decodeStringLiteral } from './literals.js';

/** What the CST→AST conversion needs from its caller: ranges, source slices and a diagnostics sink. */
export interface AstContext {
  /** Range of the body-relative half-open span [start, end). */
  range(start: number, end: number): Range;
  source(start: number, end: number): string;
  report(code: string, message: string, start: number, end: number, hint?: string): void;
  readonly diagnostics: Diagnostic[];
}

const toks = (n: CstNode, name: string): IToken[] => (n.children[name] ?? []) as IToken[];
const subs = (n: CstNode, name: string): CstNode[] => (n.children[name] ?? []) as CstNode[];
const first = (n: CstNode, name: string): CstNode => subs(n, name)[0]!;
const isToken = (e: CstElement): e is IToken => 'image' in e;
const startOf = (e: CstElement): number => (isToken(e) ? e.startOffset : e.location!.startOffset);
const endOf = (e: CstElement): number => (isToken(e) ? e.endOffset! + 1 : e.location!.endOffset! + 1);
/** All children of a node, tokens and sub-nodes, in source order. */
const ordered = (n: CstNode): CstElement[] =>
  Object.values(n.children)
    .flat()
    .sort((a, b) => startOf(a) - startOf(b));

/** Converts the CST of a whole template into its AST. */
export function toTemplateAst(cst: CstNode, ctx: AstContext, firstLine: number): A.Template {
  const conv = new Converter(ctx);
  return { kind: 'template', body: conv.body(first(cst, 'body')), range: ctx.range(startOf(cst), endOf(cst)), firstLine };
}

class Converter {
  private loopDepth = 0;
  constructor(private readonly ctx: AstContext) {}

  private r(e: CstElement, end: CstElement = e): Range {
    return this.ctx.range(startOf(e), endOf(end));
  }

  body(n: CstNode | undefined): A.Chunk[] {
    const out: A.Chunk[] = [];
    for (const c of n ? subs(n, 'chunk') : []) {
      const chunk = this.chunk(c);
      const prev = out[out.length - 1];
      if (chunk?.kind === 'text' && prev?.kind === 'text') {
        out[out.length - 1] = { kind: 'text', value: prev.value + chunk.value, range: { start: prev.range.start, end: chunk.range.end } };
      } else if (chunk) out.push(chunk);
    }
    return out;
  }

  private chunk(c: CstNode): A.Chunk | undefined {
    const el = ordered(c)[0]!;
    if (!isToken(el)) return this.block(el);
    const range = this.r(el);
    const text = (value: string): A.TextChunk => ({ kind: 'text', value, range });
    switch (el.tokenType.name) {
      case 'Text':
        return text(el.image);
      case 'EscExpr':
        return text('{{');
      case 'EscTag':
        return text('{%');
      case 'EscComment':
        return text('{#');
      case 'Comment':
      case 'TagCommentTag':
        return undefined;
      case 'TagBreak':
      case 'TagContinue': {
        const kind = el.tokenType.name === 'TagBreak' ? 'break' : 'continue';
        if (this.loopDepth === 0) this.report('MK3007', `${kind} outside for or while block`, el);
        return { kind, range };
      }
      case 'TagWhitespace':
        return this.whitespace(el, range);
      case 'TagForbidden': {
        const op = /^\{%\s*(\w+)/.exec(el.image)![1]!;
        this.report('MK3004', `${op} is forbidden`, el);
        return undefined;
      }
      case 'TagOther': {
        const op = /^\{%\s*(\S*?)\s*(?:%\}|\s)/.exec(el.image)?.[1] ?? '';
        this.report('MK3005', op ? `unknown operator: '${op}'` : 'Empty block tag ({% %})', el);
        return undefined;
      }
      case 'UnclosedComment':
        this.report('MK3006', 'Missing end comment #}', el);
        return undefined;
      default:
        this.report('MK3006', 'Missing end block %}', el);
        return undefined;
    }
  }

  private whitespace(el: IToken, range: Range): A.WhitespaceChunk | undefined {
    const mode = /^\{%\s*whitespace\s+(\w+)\s*%\}$/.exec(el.image)?.[1];
    if (mode === 'all' || mode === 'single' || mode === 'oneline') return { kind: 'whitespace', mode, range };
    this.report('MK3001', `invalid whitespace mode ${mode ?? ''}`.trim(), el);
    return undefined;
  }

  private block(n: CstNode): A.Chunk {
    const range = this.r(n);
    switch (n.name) {
      case 'output': {
        const e = first(n, 'expression');
        return { kind: 'output', expr: this.expr(e), source: this.ctx.source(startOf(e), endOf(e)), range };
      }
      case 'ifBlock': {
        const tests = subs(n, 'expression');
        const bodies = subs(n, 'body');
        const opens = [...toks(n, 'TagIf'), ...toks(n, 'TagElif')];
        const branches = tests.map((t, i) => ({
          test: this.expr(t),
          body: this.body(bodies[i]),
          range: this.ctx.range(startOf(opens[i]!), endOf(bodies[i] ?? t)),
        }));
        const orelse = this.elseBody(n);
        return orelse ? { kind: 'if', branches, orelse, range } : { kind: 'if', branches, range };
      }
      case 'forBlock':
      case 'whileBlock': {
        this.loopDepth++;
        const body = this.body(first(n, 'body'));
        this.loopDepth--;
        const orelse = this.elseBody(n);
        const test = this.expr(first(n, 'expression'));
        const base =
          n.name === 'forBlock'
            ? { kind: 'for' as const, targets: toks(first(n, 'targets'), 'Name').map((t) => t.image), iter: test, body, range }
            : { kind: 'while' as const, test, body, range };
        return orelse ? { ...base, orelse } : base;
      }
      case 'tryBlock':
        return this.tryBlock(n, range);
      case 'setTag':
        return {
          kind: 'set',
          targets: toks(first(n, 'targets'), 'Name').map((t) => t.image),
          value: this.expr(first(n, 'expression')),
          range,
        };
      default:
        throw new Error(`unexpected template CST node ${n.name}`);
    }
  }

  private elseBody(n: CstNode): A.Chunk[] | undefined {
    const e = first(n, 'elseClause');
    return toks(e, 'TagElse').length > 0 ? this.body(first(e, 'body')) : undefined;
  }

  private tryBlock(n: CstNode, range: Range): A.TryChunk {
    // Bodies in source order: try, then except / finally when present.
    const bodies = subs(n, 'body');
    const hasExcept = toks(n, 'TagExcept').length > 0;
    const hasFinally = toks(n, 'TagFinally').length > 0;
    const chunk: { -readonly [K in keyof A.TryChunk]: A.TryChunk[K] } = { kind: 'try', body: this.body(bodies[0]), range };
    if (hasExcept) chunk.handler = this.body(bodies[1]);
    const orelse = this.elseBody(n);
    if (orelse) chunk.orelse = orelse;
    if (hasFinally) chunk.finalbody = this.body(bodies[hasExcept ? 2 : 1]);
    return chunk;
  }

  private report(code: string, message: string, el: CstElement): void {
    this.ctx.report(code, message, startOf(el), endOf(el));
  }

  // --- expressions ---------------------------------------------------------------------------------------

  expr(n: CstNode): A.Expr {
    const ors = subs(n, 'orExpr');
    const body = this.orExpr(ors[0]!);
    if (ors.length === 1) return body;
    return { kind: 'conditional', then: body, test: this.orExpr(ors[1]!), orelse: this.expr(first(n, 'expression')), range: this.r(n) };
  }

  private chain<T extends CstNode>(items: T[], op: 'and' | 'or', each: (x: T) => A.Expr): A.Expr {
    let acc = each(items[0]!);
    for (const item of items.slice(1)) {
      const right = each(item);
      acc = { kind: 'boolop', op, left: acc, right, range: { start: acc.range.start, end: right.range.end } };
    }
    return acc;
  }

  private orExpr(n: CstNode): A.Expr {
    return this.chain(subs(n, 'andExpr'), 'or', (a) => this.chain(subs(a, 'notExpr'), 'and', (x) => this.notExpr(x)));
  }

  private notExpr(n: CstNode): A.Expr {
    if (toks(n, 'NotKw').length > 0) return { kind: 'unary', op: 'not', operand: this.notExpr(first(n, 'notExpr')), range: this.r(n) };
    const c = first(n, 'comparison');
    const operands = subs(c, 'additive').map((a) => this.additive(a));
    if (operands.length === 1) return operands[0]!;
    const rest = subs(c, 'compOp').map((op, i) => ({ op: compOpOf(op), right: operands[i + 1]! }));
    return { kind: 'compare', first: operands[0]!, rest, range: this.r(c) };
  }

  private binaryChain(n: CstNode, operandRule: string, each: (x: CstNode) => A.Expr, opNames: Record<string, A.BinaryOp>): A.Expr {
    const operands = subs(n, operandRule).map(each);
    const ops = Object.keys(opNames)
      .flatMap((name) => toks(n, name))
      .sort((a, b) => a.startOffset - b.startOffset);
    let acc = operands[0]!;
    ops.forEach((tok, i) => {
      const right = operands[i + 1]!;
      acc = { kind: 'binary', op: opNames[tok.tokenType.name]!, left: acc, right, range: { start: acc.range.start, end: right.range.end } };
    });
    return acc;
  }

  private additive(n: CstNode): A.Expr {
    return this.binaryChain(n, 'multiplicative', (m) => this.binaryChain(m, 'unary', (u) => this.unary(u), MUL_OPS), ADD_OPS);
  }

  private unary(n: CstNode): A.Expr {
    const inner = subs(n, 'unary')[0];
    if (inner) {
      const op = toks(n, 'Minus').length > 0 ? '-' : '+';
      return { kind: 'unary', op, operand: this.unary(inner), range: this.r(n) };
    }
    const p = first(n, 'power');
    const base = this.postfix(first(p, 'postfix'));
    const exp = subs(p, 'unary')[0];
    return exp ? { kind: 'binary', op: '**', left: base, right: this.unary(exp), range: this.r(p) } : base;
  }

  private postfix(n: CstNode): A.Expr {
    let acc = this.atom(first(n, 'atom'));
    const suffixes = ordered(n).slice(1);
    for (let i = 0; i < suffixes.length; i++) {
      const s = suffixes[i]!;
      if (isToken(s)) {
        // `.name`, possibly followed by a call: a method call.
        const name = suffixes[++i] as IToken;
        const next = suffixes[i + 1];
        if (next && !isToken(next) && next.name === 'callSuffix') {
          i++;
          const { args, kwargs } = this.callArgs(next);
          acc = { kind: 'method', object: acc, method: name.image, args, kwargs, range: { start: acc.range.start, end: this.r(next).end } };
        } else {
          acc = { kind: 'attribute', object: acc, attr: name.image, range: { start: acc.range.start, end: this.r(name).end } };
        }
      } else if (s.name === 'callSuffix') {
        const { args, kwargs } = this.callArgs(s);
        const range = { start: acc.range.start, end: this.r(s).end };
        acc =
          acc.kind === 'name'
            ? { kind: 'call', callee: acc.name, calleeRange: acc.range, args, kwargs, range }
            : { kind: 'attribute', object: acc, attr: '__call__', range };
      } else {
        acc = { kind: 'subscript', object: acc, index: this.subscript(s), range: { start: acc.range.start, end: this.r(s).end } };
      }
    }
    return acc;
  }

  private callArgs(n: CstNode): { args: A.Expr[]; kwargs: A.KeywordArg[] } {
    const args: A.Expr[] = [];
    const kwargs: A.KeywordArg[] = [];
    for (const a of subs(n, 'argument')) {
      const name = toks(a, 'Name')[0];
      const value = this.expr(first(a, 'expression'));
      if (name) kwargs.push({ name: name.image, value, range: this.r(a) });
      else args.push(value);
    }
    return { args, kwargs };
  }

  private subscript(n: CstNode): A.Expr | A.SliceIndex {
    const exprs = subs(n, 'expression');
    const colon = toks(n, 'Colon')[0];
    if (!colon) return this.expr(exprs[0]!);
    const before = exprs.filter((e) => startOf(e) < colon.startOffset);
    const after = exprs.filter((e) => startOf(e) > colon.startOffset);
    const slice: { -readonly [K in keyof A.SliceIndex]: A.SliceIndex[K] } = { kind: 'slice', range: this.r(n) };
    if (before[0]) slice.start = this.expr(before[0]);
    if (after[0]) slice.stop = this.expr(after[0]);
    return slice;
  }

  private atom(n: CstNode): A.Expr {
    const el = ordered(n)[0]!;
    const range = this.r(n);
    if (!isToken(el)) {
      if (el.name === 'parenExpr') {
        const items = subs(el, 'expression').map((e) => this.expr(e));
        if (toks(el, 'Comma').length === 0 && items.length === 1) return items[0]!;
        return { kind: 'tuple', items, range };
      }
      if (el.name === 'listExpr') return { kind: 'list', items: subs(el, 'expression').map((e) => this.expr(e)), range };
      const entries = subs(el, 'dictEntry').map((d) => {
        const [k, v] = subs(d, 'expression');
        return { key: this.expr(k!), value: this.expr(v!) };
      });
      return { kind: 'dict', entries, range };
    }
    switch (el.tokenType.name) {
      case 'Name':
        return { kind: 'name', name: el.image, range };
      case 'TrueKw':
        return { kind: 'literal', value: true, range };
      case 'FalseKw':
        return { kind: 'literal', value: false, range };
      case 'NoneKw':
        return { kind: 'literal', value: null, range };
      case 'StringLit': {
        const parts = toks(n, 'StringLit').map((t) => decodeStringLiteral(t.image));
        const bad = parts.find((p) => p.error);
        if (bad?.error) this.report('MK3001', bad.error, n);
        return { kind: 'literal', value: parts.map((p) => p.value).join(''), range };
      }
      default:
        return { kind: 'literal', value: decodeNumber(el.image), range };
    }
  }
}

const ADD_OPS: Record<string, A.BinaryOp> = { Plus: '+', Minus: '-' };
const MUL_OPS: Record<string, A.BinaryOp> = { Star: '*', Slash: '/', DoubleSlash: '//', Percent: '%' };

function compOpOf(n: CstNode): A.CompareOp {
  const names = ordered(n).map((t) => (t as IToken).tokenType.name);
  const key = names.join(' ');
  const ops: Record<string, A.CompareOp> = {
    EqEq: '==',
    NotEq: '!=',
    Lt: '<',
    LtE: '<=',
    Gt: '>',
    GtE: '>=',
    InKw: 'in',
    'NotKw InKw': 'not in',
    IsKw: 'is',
    'IsKw NotKw': 'is not',
  };
  return ops[key]!;
}
