import { tokenMatcher } from 'chevrotain';
import { TermParser } from './parser-terms.js';
import * as t from './tokens.js';

/**
 * The expression half of the SQL grammar (and ORDER BY items and types, which expressions embed).
 * Precedence, loosest first: lambda, alias, ternary, OR, AND, NOT, IS NULL, comparison / LIKE / IN /
 * BETWEEN, `||`, `+ -`, `* / %`, unary minus, postfix (`[i]`, `.1`, `::T`). sqlParser (parser.ts) adds
 * the statements; `query` is its rule, reached from subqueries.
 */
export abstract class ExpressionParser extends TermParser {
  protected override orderItem = this.RULE('orderItem', () => {
    this.SUBRULE(this.expression);
    this.OPTION(() =>
      this.OR([
        { ALT: () => this.CONSUME(t.Asc, { LABEL: 'direction' }) },
        { ALT: () => this.CONSUME(t.Desc, { LABEL: 'direction' }) },
        { ALT: () => this.CONSUME(t.Ascending, { LABEL: 'direction' }) },
        { ALT: () => this.CONSUME(t.Descending, { LABEL: 'direction' }) },
      ]),
    );
    this.OPTION2(() => {
      this.CONSUME(t.Nulls);
      this.OR2([{ ALT: () => this.CONSUME(t.First, { LABEL: 'nulls' }) }, { ALT: () => this.CONSUME(t.Last, { LABEL: 'nulls' }) }]);
    });
    this.OPTION3(() => {
      this.CONSUME(t.Collate);
      this.CONSUME(t.StringLit, { LABEL: 'collate' });
    });
    this.OPTION4(() => {
      this.CONSUME(t.With);
      this.CONSUME(t.Fill);
      this.OPTION5(() => {
        this.CONSUME(t.From);
        this.SUBRULE(this.additive, { LABEL: 'fillFrom' });
      });
      this.OPTION6(() => {
        this.CONSUME(t.To);
        this.SUBRULE2(this.additive, { LABEL: 'fillTo' });
      });
      this.OPTION7(() => {
        this.CONSUME(t.Step);
        this.SUBRULE3(this.additive, { LABEL: 'fillStep' });
      });
    });
  });

  // ── Expressions ────────────────────────────────────────────────────────────────────────────

  public override expression = this.RULE('expression', () => {
    this.OR([{ GATE: () => this.lambdaAhead(), ALT: () => this.SUBRULE(this.lambda) }, { ALT: () => this.SUBRULE(this.ternary) }]);
    this.OPTION(() => {
      this.CONSUME(t.As);
      this.OR2([
        { ALT: () => this.CONSUME(t.IdentLike, { LABEL: 'alias' }) },
        { ALT: () => this.CONSUME(t.AnyKeyword, { LABEL: 'alias' }) },
      ]);
    });
  });

  protected lambda = this.RULE('lambda', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.IdentLike, { LABEL: 'param' }) },
      {
        ALT: () => {
          this.CONSUME(t.LParen);
          this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.CONSUME2(t.IdentLike, { LABEL: 'param' }) });
          this.CONSUME(t.RParen);
        },
      },
    ]);
    this.CONSUME(t.Arrow);
    this.SUBRULE(this.expression);
  });

  protected override ternary = this.RULE('ternary', () => {
    this.SUBRULE(this.orExpr);
    this.OPTION(() => {
      // `c ? a : b AS x` aliases the whole ternary, as in ClickHouse.
      this.CONSUME(t.Question);
      this.SUBRULE(this.ternary, { LABEL: 'then' });
      this.CONSUME(t.Colon);
      this.SUBRULE2(this.ternary, { LABEL: 'else' });
    });
  });

  protected orExpr = this.RULE('orExpr', () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(t.Or);
      this.SUBRULE2(this.andExpr);
    });
  });

  protected andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(t.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  protected notExpr = this.RULE('notExpr', () => {
    // NOT is also in AnyKeyword (a keyword used as a name); the operator reading comes first.
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            this.CONSUME(t.Not);
            this.SUBRULE(this.notExpr);
          },
        },
        { ALT: () => this.SUBRULE(this.isNullExpr) },
      ],
    });
  });

  protected isNullExpr = this.RULE('isNullExpr', () => {
    this.SUBRULE(this.comparison);
    this.MANY(() => this.SUBRULE(this.isNullTail));
  });

  protected isNullTail = this.RULE('isNullTail', () => {
    this.CONSUME(t.Is);
    this.OPTION(() => this.CONSUME(t.Not));
    this.CONSUME(t.Null);
  });

  protected comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.concatExpr);
    // `… ON a = b GLOBAL ANY JOIN …`: GLOBAL continues the expression only as GLOBAL [NOT] IN.
    this.MANY({
      GATE: () => !tokenMatcher(this.LA(1), t.Global) || tokenMatcher(this.LA(2), t.In) || tokenMatcher(this.LA(2), t.Not),
      DEF: () => this.SUBRULE(this.comparisonTail),
    });
  });

  protected comparisonTail = this.RULE('comparisonTail', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.CompareOp);
          this.SUBRULE(this.concatExpr);
        },
      },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(t.Not));
          this.OR2([{ ALT: () => this.CONSUME(t.Like) }, { ALT: () => this.CONSUME(t.ILike) }]);
          this.SUBRULE2(this.concatExpr);
        },
      },
      {
        ALT: () => {
          this.OPTION2(() => this.CONSUME(t.Global));
          this.OPTION3(() => this.CONSUME2(t.Not));
          this.CONSUME(t.In);
          this.SUBRULE3(this.concatExpr);
        },
      },
      {
        ALT: () => {
          this.OPTION4(() => this.CONSUME3(t.Not));
          this.CONSUME(t.Between);
          this.SUBRULE4(this.concatExpr);
          this.CONSUME(t.And);
          this.SUBRULE5(this.concatExpr);
        },
      },
    ]);
  });

  protected override concatExpr = this.RULE('concatExpr', () => {
    this.SUBRULE(this.additive);
    this.MANY(() => {
      this.CONSUME(t.Concat);
      this.SUBRULE2(this.additive);
    });
  });

  protected override additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.CONSUME(t.AddOp);
      this.SUBRULE2(this.multiplicative);
    });
  });

  protected multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.CONSUME(t.MulOp);
      this.SUBRULE2(this.unary);
    });
  });

  protected unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Minus);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.postfix) },
    ]);
  });

  protected postfix = this.RULE('postfix', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => this.SUBRULE(this.postfixOp));
  });

  protected postfixOp = this.RULE('postfixOp', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.LBracket);
          this.SUBRULE(this.expression);
          this.CONSUME(t.RBracket);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Dot);
          this.CONSUME(t.NumberLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.DoubleColon);
          this.SUBRULE(this.typeExpr);
        },
      },
    ]);
  });

  protected primary = this.RULE('primary', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.CONSUME(t.NumberLit) },
        { ALT: () => this.CONSUME(t.StringLit) },
        { ALT: () => this.CONSUME(t.Null) },
        { ALT: () => this.CONSUME(t.True) },
        { ALT: () => this.CONSUME(t.False) },
        { ALT: () => this.SUBRULE(this.star) },
        { ALT: () => this.SUBRULE(this.caseExpr) },
        { ALT: () => this.SUBRULE(this.castExpr) },
        { GATE: () => this.intervalAhead(), ALT: () => this.SUBRULE(this.intervalExpr) },
        { ALT: () => this.SUBRULE(this.arrayExpr) },
        { ALT: () => this.SUBRULE(this.mapExpr) },
        { GATE: () => this.queryStartsAt(2), ALT: () => this.SUBRULE(this.subquery) },
        { ALT: () => this.SUBRULE(this.parenExpr) },
        { GATE: () => this.trimAhead(), ALT: () => this.SUBRULE(this.trimCall) },
        { GATE: () => tokenMatcher(this.LA(2), t.LParen), ALT: () => this.SUBRULE(this.call) },
        { ALT: () => this.SUBRULE(this.columnRef) },
        // A reserved word used as a column name where nothing else could follow: `timestampAdd(end, …)`, `GROUP BY order, x`.
        { GATE: () => this.keywordAsName(), ALT: () => this.CONSUME(t.NameKeyword, { LABEL: 'keywordName' }) },
      ],
    });
  });

  protected override star = this.RULE('star', () => {
    this.CONSUME(t.Star);
    this.OPTION(() => {
      this.CONSUME(t.Except);
      this.OR([
        {
          ALT: () => {
            this.CONSUME(t.LParen);
            this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.CONSUME(t.IdentLike, { LABEL: 'except' }) });
            this.CONSUME(t.RParen);
          },
        },
        { ALT: () => this.CONSUME2(t.IdentLike, { LABEL: 'except' }) },
      ]);
    });
    // `* REPLACE (expr AS col, …)`: REPLACE is no keyword (replace() is a function), so it is told by its image.
    this.OPTION2({
      GATE: () => /^replace$/i.test(this.LA(1).image) && tokenMatcher(this.LA(2), t.LParen),
      DEF: () => {
        this.CONSUME3(t.IdentLike, { LABEL: 'replaceKw' });
        this.CONSUME2(t.LParen);
        this.AT_LEAST_ONE_SEP2({ SEP: t.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'replace' }) });
        this.CONSUME2(t.RParen);
      },
    });
  });
}
