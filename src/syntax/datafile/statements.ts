import type { CstNode, IToken } from 'chevrotain';
import { childNodes, childTokens } from './cst.js';
import type { RawValue } from './values.js';

/** One instruction as written: its lower-cased keyword and its raw value. */
export interface Statement {
  readonly key: string;
  readonly keyword: IToken;
  readonly value: RawValue;
}

/** A NODE section: the NODE statement and the statements that follow it. */
export interface NodeSection {
  readonly head: Statement;
  readonly body: readonly Statement[];
}

export interface FileStatements {
  readonly header: readonly Statement[];
  readonly nodes: readonly NodeSection[];
}

/** Reads the CST of `parser.ts` into plain statements. */
export function readStatements(cst: CstNode): FileStatements {
  return {
    header: childNodes(cst, 'statement').map(statementOf),
    nodes: childNodes(cst, 'node').map((n) => ({
      head: headOf(n),
      body: childNodes(n, 'statement').map(statementOf),
    })),
  };
}

function statementOf(node: CstNode): Statement {
  const keyword = childTokens(node, 'Instruction')[0];
  const value = childNodes(node, 'value')[0];
  if (!keyword || !value) throw new Error('statement without keyword or value');
  return { key: String(keyword.payload), keyword, value: rawValue(keyword, value) };
}

function headOf(node: CstNode): Statement {
  const keyword = childTokens(node, 'NodeKeyword')[0];
  const value = childNodes(node, 'value')[0];
  if (!keyword || !value) throw new Error('node without keyword or value');
  return { key: 'node', keyword, value: rawValue(keyword, value) };
}

function rawValue(keyword: IToken, value: CstNode): RawValue {
  const open = childTokens(value, 'BlockOpen')[0];
  if (open) return { kind: 'block', keyword, open, lines: childTokens(value, 'BlockLine') };
  return { kind: 'inline', keyword, words: childTokens(value, 'Word') };
}
