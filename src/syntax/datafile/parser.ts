import { type CstNode, CstParser, type IToken } from 'chevrotain';
import { allTokens, BlockLine, BlockOpen, End, Instruction, NodeKeyword, Word } from './tokens.js';

/**
 * The instruction grammar:
 *
 *     datafile  := statement* node*
 *     node      := NODE value statement*
 *     statement := Instruction value
 *     value     := '>' BlockLine* End | Word* End
 *
 * The lexer already decided where blocks end, so this grammar cannot fail on real input; it gives the
 * file its shape (file-level instructions, then nodes) for `to-ast.ts` to read.
 */
class DatafileParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true });
    this.performSelfAnalysis();
  }

  datafile = this.RULE('datafile', () => {
    this.MANY(() => this.SUBRULE(this.statement));
    this.MANY2(() => this.SUBRULE(this.node));
  });

  node = this.RULE('node', () => {
    this.CONSUME(NodeKeyword);
    this.SUBRULE(this.value);
    this.MANY(() => this.SUBRULE(this.statement));
  });

  statement = this.RULE('statement', () => {
    this.CONSUME(Instruction);
    this.SUBRULE(this.value);
  });

  value = this.RULE('value', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(BlockOpen);
          this.MANY(() => this.CONSUME(BlockLine));
        },
      },
      { ALT: () => this.MANY2(() => this.CONSUME(Word)) },
    ]);
    this.CONSUME(End);
  });
}

const parser = new DatafileParser();

/** Parses instruction tokens into a CST. One parser instance is reused (Chevrotain's advice). */
export function parseTokens(tokens: IToken[]): { cst: CstNode; errors: number } {
  parser.input = tokens;
  const cst = parser.datafile();
  return { cst, errors: parser.errors.length };
}
