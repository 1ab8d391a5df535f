import type { Chunk, Expr, Template } from '../syntax/template/ast.js';

/** Generic traversal of template ASTs, shared by the checks, parameter discovery and the renderer. */

type ExprOf<K extends Expr['kind']> = Extract<Expr, { kind: K }>;
type ChunkOf<K extends Chunk['kind']> = Extract<Chunk, { kind: K }>;

const EXPR_CHILDREN: { [K in Expr['kind']]: (e: ExprOf<K>) => readonly Expr[] } = {
  literal: () => [],
  name: () => [],
  list: (e) => e.items,
  tuple: (e) => e.items,
  dict: (e) => e.entries.flatMap((x) => [x.key, x.value]),
  call: (e) => [...e.args, ...e.kwargs.map((k) => k.value)],
  method: (e) => [e.object, ...e.args, ...e.kwargs.map((k) => k.value)],
  attribute: (e) => [e.object],
  subscript: (e) =>
    e.index.kind === 'slice' ? [e.object, ...[e.index.start, e.index.stop].filter((x) => x !== undefined)] : [e.object, e.index],
  binary: (e) => [e.left, e.right],
  compare: (e) => [e.first, ...e.rest.map((r) => r.right)],
  boolop: (e) => [e.left, e.right],
  unary: (e) => [e.operand],
  conditional: (e) => [e.then, e.test, e.orelse],
};

/** Direct sub-expressions of an expression, in source order (conditional's `then` comes first). */
export function exprChildren(e: Expr): readonly Expr[] {
  return (EXPR_CHILDREN[e.kind] as (x: Expr) => readonly Expr[])(e);
}

const CHUNK_PARTS: { [K in Chunk['kind']]: (c: ChunkOf<K>) => { exprs: readonly Expr[]; bodies: readonly (readonly Chunk[])[] } } = {
  text: () => ({ exprs: [], bodies: [] }),
  output: (c) => ({ exprs: [c.expr], bodies: [] }),
  if: (c) => ({ exprs: c.branches.map((b) => b.test), bodies: [...c.branches.map((b) => b.body), ...(c.orelse ? [c.orelse] : [])] }),
  for: (c) => ({ exprs: [c.iter], bodies: [c.body, ...(c.orelse ? [c.orelse] : [])] }),
  while: (c) => ({ exprs: [c.test], bodies: [c.body, ...(c.orelse ? [c.orelse] : [])] }),
  try: (c) => ({ exprs: [], bodies: [c.body, c.handler, c.orelse, c.finalbody].filter((b) => b !== undefined) }),
  set: (c) => ({ exprs: [c.value], bodies: [] }),
  break: () => ({ exprs: [], bodies: [] }),
  continue: () => ({ exprs: [], bodies: [] }),
  whitespace: () => ({ exprs: [], bodies: [] }),
};

/** The expressions and nested bodies of a chunk. */
export function chunkParts(c: Chunk): { exprs: readonly Expr[]; bodies: readonly (readonly Chunk[])[] } {
  return (CHUNK_PARTS[c.kind] as (x: Chunk) => { exprs: readonly Expr[]; bodies: readonly (readonly Chunk[])[] })(c);
}

/** Visits every chunk and every expression (pre-order, source order as far as the AST allows). */
export function walkTemplate(t: Template, visit: { chunk?: (c: Chunk) => void; expr?: (e: Expr) => void }): void {
  const expr = (e: Expr): void => {
    visit.expr?.(e);
    exprChildren(e).forEach(expr);
  };
  const chunks = (cs: readonly Chunk[]): void => {
    for (const c of cs) {
      visit.chunk?.(c);
      const { exprs, bodies } = chunkParts(c);
      // An if's tests interleave with its bodies in the source; visit them in that order.
      if (c.kind === 'if') {
        c.branches.forEach((b) => {
          expr(b.test);
          chunks(b.body);
        });
        if (c.orelse) chunks(c.orelse);
        continue;
      }
      exprs.forEach(expr);
      bodies.forEach(chunks);
    }
  };
  chunks(t.body);
}

/** Names assigned by `{% set %}` or `{% for %}`: Python locals of the whole template. */
export function localNames(t: Template): Set<string> {
  const out = new Set<string>();
  walkTemplate(t, {
    chunk: (c) => {
      if (c.kind === 'set' || c.kind === 'for') for (const n of c.targets) out.add(n);
    },
  });
  return out;
}
