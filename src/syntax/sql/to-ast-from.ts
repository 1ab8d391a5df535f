import type { CstNode } from 'chevrotain';
import type * as A from './ast.js';
import { type AstBuilder, identName, node, nodes, readQuery, tok, toks } from './to-ast.js';
import { readArgument, readExpr } from './to-ast-expr.js';

/** Converts a `tableExpr` CST node: a table, a subquery or a table function, with alias/FINAL/SAMPLE. */
export function readTable(b: AstBuilder, cst: CstNode): A.TableExpr {
  const c = cst.children;
  const aliasNode = node(c, 'tableAlias');
  const aliasTok = aliasNode
    ? (tok(aliasNode.children, 'IdentLike') ?? tok(aliasNode.children, 'Identifier') ?? tok(aliasNode.children, 'QuotedIdentifier'))
    : undefined;
  const sample = node(c, 'sample');
  const sampleOffset = node(c, 'sampleOffset');
  const mods: A.TableModifiers = {
    ...(aliasTok ? { alias: identName(aliasTok) } : {}),
    final: toks(c, 'FINAL').length > 0,
    ...(sample ? { sample: { ratio: readExpr(b, sample), ...(sampleOffset ? { offset: readExpr(b, sampleOffset) } : {}) } } : {}),
  };
  const range = b.nodeRange(cst);
  const query = node(c, 'query');
  if (query) return { kind: 'subqueryTable', query: readQuery(b, query), ...mods, range };
  const parts = toks(c, 'name').map(identName);
  if (tok(c, 'fnOpen')) {
    const args = nodes(c, 'argument').map((a) => readArgument(b, a));
    return { kind: 'tableFunction', name: parts.join('.'), args, ...mods, range };
  }
  return { kind: 'table', parts, ...mods, range };
}
