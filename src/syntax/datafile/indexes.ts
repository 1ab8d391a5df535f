import { type CstNode, CstParser, createToken, Lexer } from 'chevrotain';
import type { IndexDef } from './ast.js';
import { type BlockText, joinTokens } from './block-text.js';
import { allTokens, childNodes, childTokens } from './cst.js';
import type { Reporter } from './report.js';
import { rangeOfTokens } from './schema-to-ast.js';

/**
 * INDEXES (spec §1.2.2), one index per line:
 *
 *     index := INDEX? name expr TYPE Ident group? (GRANULARITY Number)? ','?
 */

const Atom = createToken({ name: 'Atom', pattern: Lexer.NA });
const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
const Ident = createToken({ name: 'Ident', pattern: /[A-Za-z_][\w.]*/, categories: [Atom] });
// Tinybird counts the exact upper-case word TYPE, so a column called `type` is still an expression.
const IndexKw = createToken({ name: 'IndexKw', pattern: /INDEX(?!\w)/, longer_alt: Ident });
const TypeKw = createToken({ name: 'TypeKw', pattern: /TYPE(?!\w)/, longer_alt: Ident });
const Granularity = createToken({ name: 'Granularity', pattern: /GRANULARITY(?!\w)/i, longer_alt: Ident });
const NumberLit = createToken({ name: 'NumberLit', pattern: /\d[\w.]*/, categories: [Atom] });
const Str = createToken({ name: 'Str', pattern: /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/, categories: [Atom] });
const Open = createToken({ name: 'Open', pattern: /[([]/ });
const Close = createToken({ name: 'Close', pattern: /[)\]]/ });
const Comma = createToken({ name: 'Comma', pattern: ',' });
const Punct = createToken({ name: 'Punct', pattern: /[^\s\w'"()[\],]/, categories: [Atom] });

const tokens = [WhiteSpace, IndexKw, TypeKw, Granularity, Ident, NumberLit, Str, Open, Close, Comma, Punct, Atom];
const lexer = new Lexer(tokens);

class IndexParser extends CstParser {
  constructor() {
    super(tokens);
    this.performSelfAnalysis();
  }

  index = this.RULE('index', () => {
    this.OPTION(() => this.CONSUME(IndexKw));
    this.CONSUME(Ident);
    this.SUBRULE(this.expr);
    this.CONSUME(TypeKw);
    this.SUBRULE(this.indexType);
    this.OPTION2(() => {
      this.CONSUME(Granularity);
      this.CONSUME(NumberLit);
    });
    this.OPTION3(() => this.CONSUME(Comma));
  });

  expr = this.RULE('expr', () => {
    this.AT_LEAST_ONE(() => this.OR([{ ALT: () => this.CONSUME(Atom) }, { ALT: () => this.SUBRULE(this.group) }]));
  });

  indexType = this.RULE('indexType', () => {
    this.CONSUME(Ident);
    this.OPTION(() => this.SUBRULE(this.group));
  });

  group = this.RULE('group', () => {
    this.CONSUME(Open);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.CONSUME(Atom) },
        { ALT: () => this.CONSUME(Comma) },
        { ALT: () => this.CONSUME(TypeKw) },
        { ALT: () => this.CONSUME(Granularity) },
        { ALT: () => this.SUBRULE(this.group) },
      ]),
    );
    this.CONSUME(Close);
  });
}

const parser = new IndexParser();

/** Parses an INDEXES block, one index per non-blank line. */
export function parseIndexes(block: BlockText, report: Reporter): IndexDef[] {
  const out: IndexDef[] = [];
  let lineStart = 0;
  for (const line of block.text.split('\n')) {
    const start = lineStart;
    lineStart += line.length + 1;
    if (line.trim() === '') continue;
    const lexed = lexer.tokenize(line);
    const shifted = lexed.tokens.map((t) => ({
      ...t,
      startOffset: t.startOffset + start,
      endOffset: (t.endOffset ?? t.startOffset) + start,
    }));
    parser.input = shifted;
    const cst = parser.index();
    const indent = line.length - line.trimStart().length;
    if (lexed.errors.length > 0 || parser.errors.length > 0) {
      report.error('MK1120', 'Invalid INDEX syntax', block.rangeOf(start + indent, start + line.trimEnd().length));
      continue;
    }
    out.push(toIndex(cst, block));
  }
  return out;
}

function toIndex(cst: CstNode, block: BlockText): IndexDef {
  const name = childTokens(cst, 'Ident')[0];
  const expr = childNodes(cst, 'expr')[0];
  const type = childNodes(cst, 'indexType')[0];
  const granularity = childTokens(cst, 'NumberLit')[0];
  const all = allTokens(cst);
  return {
    kind: 'index',
    name: name?.image ?? '',
    expr: expr ? joinTokens(allTokens(expr)) : '',
    type: type ? joinTokens(allTokens(type)) : '',
    ...(granularity ? { granularity: Number(granularity.image) } : {}),
    range: rangeOfTokens(block, ...all),
  };
}
