import type { CstNode, IToken } from 'chevrotain';
import type { Range } from '../../diagnostics/diagnostic.js';
import type { ColumnDef } from './ast.js';
import { type BlockText, joinTokens } from './block-text.js';
import { allTokens, childNodes, childTokens, isToken, orderedChildren } from './cst.js';
import type { Reporter } from './report.js';
import { checkColumnName, checkType, checkUnsupported } from './schema-checks.js';
import { parseSchemaTokens } from './schema-parser.js';
import { Backticked, Comma, schemaLexer } from './schema-tokens.js';

/** Parses a SCHEMA block into columns, reporting every problem (not just the first). */
export function parseSchema(block: BlockText, report: Reporter): ColumnDef[] {
  const lexed = schemaLexer.tokenize(block.text);
  for (const e of lexed.errors) {
    const c = block.text.charAt(e.offset);
    const what = c === '`' ? 'backtick' : c;
    report.error('MK1109', `Expected closing ${what}`, block.rangeOf(e.offset, e.offset + e.length));
  }
  const { cst, errors } = parseSchemaTokens(lexed.tokens);
  for (const e of errors) {
    const t = e.token;
    const found = t.image === '' ? 'end of schema' : `'${t.image}'`;
    const range = Number.isNaN(t.startOffset) ? block.rangeOf(block.text.length, block.text.length) : rangeOfTokens(block, t);
    report.error('MK1109', `Unexpected ${found} in SCHEMA`, range);
  }
  const columns: ColumnDef[] = [];
  let afterColumn = false;
  for (const child of orderedChildren(cst)) {
    if (isToken(child)) {
      if (child.tokenType === Comma) afterColumn = false;
      continue;
    }
    const column = toColumn(child, block, report);
    if (!column) continue;
    if (afterColumn) report.error('MK1110', `Missing comma before column '${column.name}'`, column.nameRange);
    columns.push(column);
    afterColumn = true;
  }
  return columns;
}

function toColumn(node: CstNode, block: BlockText, report: Reporter): ColumnDef | undefined {
  const nameToken = childTokens(node, 'Backticked')[0] ?? childTokens(node, 'BareName')[0];
  if (!nameToken || nameToken.isInsertedInRecovery) return undefined;
  const nameRange = rangeOfTokens(block, nameToken);
  const quoted = nameToken.tokenType === Backticked;
  const name = quoted ? nameToken.image.slice(1, -1) : nameToken.image;
  if (!quoted) checkColumnName(name, block, nameToken.startOffset, report);

  const typeNode = childNodes(node, 'type')[0];
  const typeTokens = typeNode ? allTokens(typeNode) : [];
  const type = typeTokens.length > 0 ? joinTokens(typeTokens) : undefined;
  const typeRange = typeTokens.length > 0 ? rangeOfTokens(block, ...typeTokens) : undefined;
  if (type !== undefined && typeRange) checkType(type, typeTokens, block, typeRange, report);

  const clauses = clausesOf(node, block, report);
  for (const u of childNodes(node, 'unsupported')) checkUnsupported(u, block, report);
  if (type === undefined && clauses.defaultExpr === undefined) {
    report.error('MK1108', 'Column name and either type or DEFAULT are required', nameRange);
  }
  const last = allTokens(node).at(-1) ?? nameToken;
  return {
    kind: 'column',
    name,
    nameRange,
    ...(type !== undefined ? { type, typeRange } : {}),
    ...clauses,
    range: rangeOfTokens(block, nameToken, last),
  };
}

type Clauses = Pick<ColumnDef, 'jsonPath' | 'jsonPathRange' | 'defaultExpr' | 'defaultRange' | 'codec'>;

/** DEFAULT, CODEC and `json:` in any of the orders Tinybird accepts: DEFAULT before CODEC, json anywhere. */
function clausesOf(node: CstNode, block: BlockText, report: Reporter): Clauses {
  const out: { -readonly [K in keyof Clauses]: Clauses[K] } = {};
  let seenCodec = false;
  for (const child of orderedChildren(node)) {
    if (isToken(child)) {
      if (child.tokenType.name !== 'JsonPath') continue;
      if (out.jsonPath !== undefined) report.error('MK1109', 'Duplicate `json:` path', rangeOfTokens(block, child));
      out.jsonPath = child.image.slice('`json:'.length, -1);
      out.jsonPathRange = rangeOfTokens(block, child);
    } else if (child.name === 'defaultClause') {
      const keyword = childTokens(child, 'Default')[0];
      const exprTokens = allTokens(child).filter((t) => t !== keyword);
      const where = keyword ? rangeOfTokens(block, keyword) : block.rangeOf(0, 0);
      if (seenCodec) report.error('MK1109', 'Unexpected DEFAULT after CODEC', where);
      if (out.defaultExpr !== undefined) report.error('MK1109', 'Duplicate DEFAULT', where);
      if (exprTokens.length === 0) report.error('MK1109', 'Missing mandatory value for DEFAULT', where);
      else {
        out.defaultExpr = joinTokens(exprTokens);
        out.defaultRange = rangeOfTokens(block, ...exprTokens);
      }
    } else if (child.name === 'codecClause') {
      const tokens = allTokens(child);
      const where = rangeOfTokens(block, ...tokens);
      if (seenCodec) report.error('MK1109', 'Duplicate CODEC', where);
      seenCodec = true;
      if (tokens.length < 2) report.error('MK1109', 'Missing mandatory value for CODEC', where);
      else out.codec = joinTokens(tokens);
    }
  }
  return out;
}

/** Range from the first to the last of the given tokens, in file coordinates. */
export function rangeOfTokens(block: BlockText, ...tokens: IToken[]): Range {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) return block.rangeOf(0, 0);
  return block.rangeOf(first.startOffset, (last.endOffset ?? last.startOffset) + 1);
}
