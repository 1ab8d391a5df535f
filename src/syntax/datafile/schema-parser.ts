import { type CstNode, CstParser, type IRecognitionException, type IToken } from 'chevrotain';
import {
  Alias,
  Atom,
  Backticked,
  BareName,
  Codec,
  Comma,
  Default,
  Inner,
  JsonPath,
  LBracket,
  LParen,
  Materialized,
  Not,
  Null,
  RBracket,
  RParen,
  schemaTokens,
  Ttl,
} from './schema-tokens.js';

/**
 * The SCHEMA column list (spec §1.2.1):
 *
 *     schema   := (',' | column)*
 *     column   := name type? (default | codec | JsonPath | unsupported)*
 *     type     := (Atom | group)+
 *     default  := DEFAULT (Atom | group | NULL)*
 *     codec    := CODEC group?
 *     group    := '(' (Inner | group)* ')' | '[' (Inner | group)* ']'
 *
 * Deliberately lenient (any clause order, empty DEFAULT, commas anywhere): `schema-to-ast.ts` turns each
 * leniency into Tinybird's precise error instead of a generic "unexpected token".
 */
class SchemaParser extends CstParser {
  constructor() {
    super(schemaTokens, { recoveryEnabled: true });
    this.performSelfAnalysis();
  }

  schema = this.RULE('schema', () => {
    this.MANY(() => this.OR([{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.SUBRULE(this.column) }]));
  });

  column = this.RULE('column', () => {
    this.OR([{ ALT: () => this.CONSUME(Backticked) }, { ALT: () => this.CONSUME(BareName) }]);
    this.OPTION(() => this.SUBRULE(this.type));
    this.MANY(() =>
      this.OR2([
        { ALT: () => this.SUBRULE(this.defaultClause) },
        { ALT: () => this.SUBRULE(this.codecClause) },
        { ALT: () => this.CONSUME(JsonPath) },
        { ALT: () => this.SUBRULE(this.unsupported) },
      ]),
    );
  });

  type = this.RULE('type', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.atom));
  });

  atom = this.RULE('atom', () => {
    this.OR([{ ALT: () => this.CONSUME(Atom) }, { ALT: () => this.SUBRULE(this.group) }]);
  });

  expr = this.RULE('expr', () => {
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.atom) }, { ALT: () => this.CONSUME(Null) }]));
  });

  defaultClause = this.RULE('defaultClause', () => {
    this.CONSUME(Default);
    this.SUBRULE(this.expr);
  });

  codecClause = this.RULE('codecClause', () => {
    this.CONSUME(Codec);
    this.OPTION(() => this.SUBRULE(this.group));
  });

  /** NULL, NOT NULL, MATERIALIZED, ALIAS and TTL: parsed so the error can name them. */
  unsupported = this.RULE('unsupported', () => {
    this.OR([
      { ALT: () => this.CONSUME(Null) },
      {
        ALT: () => {
          this.CONSUME(Not);
          this.OPTION(() => this.CONSUME2(Null));
        },
      },
      {
        ALT: () => {
          this.CONSUME(Materialized);
          this.SUBRULE(this.expr);
        },
      },
      {
        ALT: () => {
          this.CONSUME(Alias);
          this.SUBRULE2(this.expr);
        },
      },
      {
        ALT: () => {
          this.CONSUME(Ttl);
          this.SUBRULE3(this.expr);
        },
      },
    ]);
  });

  group = this.RULE('group', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.MANY(() => this.SUBRULE(this.inner));
          this.CONSUME(RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(LBracket);
          this.MANY2(() => this.SUBRULE2(this.inner));
          this.CONSUME(RBracket);
        },
      },
    ]);
  });

  inner = this.RULE('inner', () => {
    this.OR([{ ALT: () => this.CONSUME(Inner) }, { ALT: () => this.SUBRULE(this.group) }]);
  });
}

const parser = new SchemaParser();

/** Parses SCHEMA tokens. One parser instance, reused. */
export function parseSchemaTokens(tokens: IToken[]): { cst: CstNode; errors: IRecognitionException[] } {
  parser.input = tokens;
  const cst = parser.schema();
  return { cst, errors: [...parser.errors] };
}
