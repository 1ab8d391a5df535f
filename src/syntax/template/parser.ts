import { type CstNode, CstParser } from 'chevrotain';
import * as T from './tokens.js';

/**
 * The template grammar: a pure Chevrotain CstParser (no semantic actions); `to-ast.ts` turns the CST into
 * the typed AST. Expression precedence follows Python: conditional < or < and < not < comparison <
 * additive < multiplicative < unary < power < postfix (call, subscript, attribute).
 */
export class TemplateParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: false, maxLookahead: 3, nodeLocationTracking: 'onlyOffset' });
    this.performSelfAnalysis();
  }

  template = this.RULE('template', () => {
    this.SUBRULE(this.body);
  });

  body = this.RULE('body', () => {
    this.MANY(() => this.SUBRULE(this.chunk));
  });

  chunk = this.RULE('chunk', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Text) },
      { ALT: () => this.CONSUME(T.EscExpr) },
      { ALT: () => this.CONSUME(T.EscTag) },
      { ALT: () => this.CONSUME(T.EscComment) },
      { ALT: () => this.CONSUME(T.Comment) },
      { ALT: () => this.CONSUME(T.UnclosedComment) },
      { ALT: () => this.SUBRULE(this.output) },
      { ALT: () => this.SUBRULE(this.ifBlock) },
      { ALT: () => this.SUBRULE(this.forBlock) },
      { ALT: () => this.SUBRULE(this.whileBlock) },
      { ALT: () => this.SUBRULE(this.tryBlock) },
      { ALT: () => this.SUBRULE(this.setTag) },
      { ALT: () => this.CONSUME(T.TagBreak) },
      { ALT: () => this.CONSUME(T.TagContinue) },
      { ALT: () => this.CONSUME(T.TagCommentTag) },
      { ALT: () => this.CONSUME(T.TagWhitespace) },
      { ALT: () => this.CONSUME(T.TagForbidden) },
      { ALT: () => this.CONSUME(T.TagOther) },
      { ALT: () => this.CONSUME(T.UnclosedTag) },
    ]);
  });

  output = this.RULE('output', () => {
    this.CONSUME(T.ExprOpen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.ExprClose);
  });

  ifBlock = this.RULE('ifBlock', () => {
    this.CONSUME(T.TagIf);
    this.SUBRULE(this.expression);
    this.CONSUME(T.TagClose);
    this.SUBRULE(this.body);
    this.MANY(() => {
      this.CONSUME(T.TagElif);
      this.SUBRULE2(this.expression);
      this.CONSUME2(T.TagClose);
      this.SUBRULE2(this.body);
    });
    this.SUBRULE(this.elseClause);
    this.CONSUME(T.TagEnd);
  });

  elseClause = this.RULE('elseClause', () => {
    this.OPTION(() => {
      this.CONSUME(T.TagElse);
      this.SUBRULE(this.body);
    });
  });

  forBlock = this.RULE('forBlock', () => {
    this.CONSUME(T.TagFor);
    this.SUBRULE(this.targets);
    this.CONSUME(T.InKw);
    this.SUBRULE(this.expression);
    this.CONSUME(T.TagClose);
    this.SUBRULE(this.body);
    this.SUBRULE(this.elseClause);
    this.CONSUME(T.TagEnd);
  });

  whileBlock = this.RULE('whileBlock', () => {
    this.CONSUME(T.TagWhile);
    this.SUBRULE(this.expression);
    this.CONSUME(T.TagClose);
    this.SUBRULE(this.body);
    this.SUBRULE(this.elseClause);
    this.CONSUME(T.TagEnd);
  });

  tryBlock = this.RULE('tryBlock', () => {
    this.CONSUME(T.TagTry);
    this.SUBRULE(this.body);
    this.OPTION(() => {
      this.CONSUME(T.TagExcept);
      this.SUBRULE2(this.body);
    });
    this.SUBRULE(this.elseClause);
    this.OPTION2(() => {
      this.CONSUME(T.TagFinally);
      this.SUBRULE3(this.body);
    });
    this.CONSUME(T.TagEnd);
  });

  setTag = this.RULE('setTag', () => {
    this.CONSUME(T.TagSet);
    this.SUBRULE(this.targets);
    this.CONSUME(T.Assign);
    this.SUBRULE(this.expression);
    this.CONSUME(T.TagClose);
  });

  targets = this.RULE('targets', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Name) });
  });

  // --- expressions ---------------------------------------------------------------------------------------

  expression = this.RULE('expression', () => {
    this.SUBRULE(this.orExpr);
    this.OPTION(() => {
      this.CONSUME(T.IfKw);
      this.SUBRULE2(this.orExpr);
      this.CONSUME(T.ElseKw);
      this.SUBRULE(this.expression);
    });
  });

  orExpr = this.RULE('orExpr', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.OrKw, DEF: () => this.SUBRULE(this.andExpr) });
  });

  andExpr = this.RULE('andExpr', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.AndKw, DEF: () => this.SUBRULE(this.notExpr) });
  });

  notExpr = this.RULE('notExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.NotKw);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive);
    this.MANY(() => {
      this.SUBRULE(this.compOp);
      this.SUBRULE2(this.additive);
    });
  });

  compOp = this.RULE('compOp', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.EqEq) },
      { ALT: () => this.CONSUME(T.NotEq) },
      { ALT: () => this.CONSUME(T.LtE) },
      { ALT: () => this.CONSUME(T.GtE) },
      { ALT: () => this.CONSUME(T.Lt) },
      { ALT: () => this.CONSUME(T.Gt) },
      { ALT: () => this.CONSUME(T.InKw) },
      {
        ALT: () => {
          this.CONSUME(T.NotKw);
          this.CONSUME2(T.InKw);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.IsKw);
          this.OPTION(() => this.CONSUME2(T.NotKw));
        },
      },
    ]);
  });

  additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.SUBRULE2(this.multiplicative);
    });
  });

  multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Star) },
        { ALT: () => this.CONSUME(T.Slash) },
        { ALT: () => this.CONSUME(T.DoubleSlash) },
        { ALT: () => this.CONSUME(T.Percent) },
      ]);
      this.SUBRULE2(this.unary);
    });
  });

  unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Plus) }]);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.power) },
    ]);
  });

  power = this.RULE('power', () => {
    this.SUBRULE(this.postfix);
    this.OPTION(() => {
      this.CONSUME(T.DoubleStar);
      this.SUBRULE(this.unary);
    });
  });

  postfix = this.RULE('postfix', () => {
    this.SUBRULE(this.atom);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.callSuffix) },
        { ALT: () => this.SUBRULE(this.subscriptSuffix) },
        {
          ALT: () => {
            this.CONSUME(T.Dot);
            this.CONSUME(T.Name);
          },
        },
      ]);
    });
  });

  callSuffix = this.RULE('callSuffix', () => {
    this.CONSUME(T.LParen);
    // Python allows a trailing comma (`f(a, b=1,)`), and real pipes use it.
    this.OPTION(() => {
      this.SUBRULE(this.argument);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION2(() => this.SUBRULE2(this.argument));
      });
    });
    this.CONSUME(T.RParen);
  });

  argument = this.RULE('argument', () => {
    this.OR([
      {
        // `name=value`: two tokens of lookahead tell it apart from an expression starting with a name.
        GATE: () => this.LA(2).tokenType === T.Assign,
        ALT: () => {
          this.CONSUME(T.Name);
          this.CONSUME(T.Assign);
          this.SUBRULE(this.expression);
        },
      },
      { ALT: () => this.SUBRULE2(this.expression) },
    ]);
  });

  subscriptSuffix = this.RULE('subscriptSuffix', () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => this.SUBRULE(this.expression));
    this.OPTION2(() => {
      this.CONSUME(T.Colon);
      this.OPTION3(() => this.SUBRULE2(this.expression));
    });
    this.CONSUME(T.RBracket);
  });

  atom = this.RULE('atom', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.IntLit) },
      { ALT: () => this.CONSUME(T.FloatLit) },
      { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME(T.StringLit)) },
      { ALT: () => this.CONSUME(T.TrueKw) },
      { ALT: () => this.CONSUME(T.FalseKw) },
      { ALT: () => this.CONSUME(T.NoneKw) },
      { ALT: () => this.CONSUME(T.Name) },
      { ALT: () => this.SUBRULE(this.parenExpr) },
      { ALT: () => this.SUBRULE(this.listExpr) },
      { ALT: () => this.SUBRULE(this.dictExpr) },
    ]);
  });

  /** `(e)`, `()`, `(a,)`, `(a, b)`; a trailing comma or several items make a tuple. */
  parenExpr = this.RULE('parenExpr', () => {
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION2(() => this.SUBRULE2(this.expression));
      });
    });
    this.CONSUME(T.RParen);
  });

  listExpr = this.RULE('listExpr', () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION2(() => this.SUBRULE2(this.expression));
      });
    });
    this.CONSUME(T.RBracket);
  });

  dictExpr = this.RULE('dictExpr', () => {
    this.CONSUME(T.LBrace);
    this.OPTION(() => {
      this.SUBRULE(this.dictEntry);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION2(() => this.SUBRULE2(this.dictEntry));
      });
    });
    this.CONSUME(T.RBrace);
  });

  dictEntry = this.RULE('dictEntry', () => {
    this.SUBRULE(this.expression);
    this.CONSUME(T.Colon);
    this.SUBRULE2(this.expression);
  });
}

/** The one parser instance (Chevrotain parsers are reusable: set `input`, call a rule). */
export const templateParser = new TemplateParser();

export type { CstNode };
