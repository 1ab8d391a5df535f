import { type CstNode, CstParser, type IToken, type ParserMethod, tokenMatcher } from 'chevrotain';
import * as t from './tokens.js';

/**
 * The terms expressions are made of: column references, function calls (with their windows), CASE,
 * CAST, INTERVAL, array/map/tuple literals, subqueries and types, plus the lookahead gates the
 * grammar needs. ExpressionParser (parser-expr.ts) builds the operators on top; the rules declared
 * below are defined there or in parser.ts, and referenced here only inside rule bodies, which
 * Chevrotain records after every rule exists.
 */
export abstract class TermParser extends CstParser {
  declare protected query: ParserMethod<[], CstNode>;
  declare protected expression: ParserMethod<[], CstNode>;
  declare protected ternary: ParserMethod<[], CstNode>;
  declare protected concatExpr: ParserMethod<[], CstNode>;
  declare protected additive: ParserMethod<[], CstNode>;
  declare protected orderItem: ParserMethod<[], CstNode>;
  declare protected star: ParserMethod<[], CstNode>;

  protected columnRef = this.RULE('columnRef', () => {
    this.CONSUME(t.IdentLike, { LABEL: 'part' });
    this.MANY({
      GATE: () => !tokenMatcher(this.LA(2), t.NumberLit),
      DEF: () => {
        this.CONSUME(t.Dot);
        // After a dot any word is a name: `orders.order`.
        this.OR([
          { ALT: () => this.CONSUME2(t.IdentLike, { LABEL: 'part' }) },
          { ALT: () => this.CONSUME(t.AnyKeyword, { LABEL: 'part' }) },
          { ALT: () => this.SUBRULE(this.star) },
        ]);
      },
    });
  });

  protected call = this.RULE('call', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.IdentLike, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(t.KeywordFunction, { LABEL: 'name' }) },
    ]);
    this.SUBRULE(this.callArgs);
    this.OPTION(() => this.SUBRULE2(this.callArgs));
    this.OPTION2(() => {
      this.CONSUME(t.Over);
      this.OR2([
        {
          ALT: () => {
            this.CONSUME(t.LParen);
            this.SUBRULE(this.windowSpec);
            this.CONSUME(t.RParen);
          },
        },
        { ALT: () => this.CONSUME2(t.IdentLike, { LABEL: 'windowName' }) },
      ]);
    });
  });

  /** SQL's `trim(BOTH 'x' FROM s)`; to-ast reads it as trimBoth(s, 'x') (LEADING: trimLeft, TRAILING: trimRight). */
  protected trimCall = this.RULE('trimCall', () => {
    this.CONSUME(t.IdentLike, { LABEL: 'name' });
    this.CONSUME(t.LParen);
    this.CONSUME(t.Identifier, { LABEL: 'mode' });
    this.SUBRULE(this.concatExpr, { LABEL: 'chars' });
    this.CONSUME(t.From);
    this.SUBRULE(this.expression, { LABEL: 'input' });
    this.CONSUME(t.RParen);
  });

  protected callArgs = this.RULE('callArgs', () => {
    this.CONSUME(t.LParen);
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(t.Distinct) }, { ALT: () => this.CONSUME(t.All) }]));
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.argument) });
    this.CONSUME(t.RParen);
  });

  protected argument = this.RULE('argument', () => {
    this.OR([{ GATE: () => this.queryStartsAt(1), ALT: () => this.SUBRULE(this.query) }, { ALT: () => this.SUBRULE(this.expression) }]);
  });

  protected windowSpec = this.RULE('windowSpec', () => {
    this.OPTION(() => {
      this.CONSUME(t.Partition);
      this.CONSUME(t.By);
      this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'partition' }) });
    });
    this.OPTION2(() => {
      this.CONSUME(t.Order);
      this.CONSUME2(t.By);
      this.AT_LEAST_ONE_SEP2({ SEP: t.Comma, DEF: () => this.SUBRULE(this.orderItem) });
    });
    this.OPTION3(() => {
      this.OR([{ ALT: () => this.CONSUME(t.Rows, { LABEL: 'unit' }) }, { ALT: () => this.CONSUME(t.Range, { LABEL: 'unit' }) }]);
      this.OR2([
        {
          ALT: () => {
            this.CONSUME(t.Between);
            this.SUBRULE(this.frameBound);
            this.CONSUME(t.And);
            this.SUBRULE2(this.frameBound);
          },
        },
        { ALT: () => this.SUBRULE3(this.frameBound) },
      ]);
    });
  });

  protected frameBound = this.RULE('frameBound', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Current);
          this.CONSUME(t.Row);
        },
      },
      {
        ALT: () => {
          this.OR2({
            IGNORE_AMBIGUITIES: true,
            DEF: [{ ALT: () => this.CONSUME(t.Unbounded) }, { ALT: () => this.SUBRULE(this.additive) }],
          });
          this.OR3([
            { ALT: () => this.CONSUME(t.Preceding, { LABEL: 'direction' }) },
            { ALT: () => this.CONSUME(t.Following, { LABEL: 'direction' }) },
          ]);
        },
      },
    ]);
  });

  protected caseExpr = this.RULE('caseExpr', () => {
    this.CONSUME(t.Case);
    this.OPTION(() => this.SUBRULE(this.expression, { LABEL: 'operand' }));
    this.AT_LEAST_ONE(() => {
      this.CONSUME(t.When);
      this.SUBRULE2(this.expression, { LABEL: 'when' });
      this.CONSUME(t.Then);
      this.SUBRULE3(this.expression, { LABEL: 'then' });
    });
    this.OPTION2(() => {
      this.CONSUME(t.Else);
      this.SUBRULE4(this.expression, { LABEL: 'else' });
    });
    this.CONSUME(t.End);
  });

  protected castExpr = this.RULE('castExpr', () => {
    this.CONSUME(t.Cast);
    this.CONSUME(t.LParen);
    this.SUBRULE(this.ternary);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.As);
          this.SUBRULE(this.typeExpr);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Comma);
          this.CONSUME(t.StringLit);
        },
      },
    ]);
    this.CONSUME(t.RParen);
  });

  /** ClickHouse reads an arithmetic expression up to the unit: `INTERVAL -dateDiff('day', a, b) - 1 DAY`. */
  protected intervalExpr = this.RULE('intervalExpr', () => {
    this.CONSUME(t.Interval);
    this.SUBRULE(this.additive);
    this.OPTION(() => this.CONSUME(t.Identifier, { LABEL: 'unit' }));
  });

  protected arrayExpr = this.RULE('arrayExpr', () => {
    this.CONSUME(t.LBracket);
    this.SUBRULE(this.exprListTrailing);
    this.CONSUME(t.RBracket);
  });

  protected mapExpr = this.RULE('mapExpr', () => {
    this.CONSUME(t.LBrace);
    this.MANY_SEP({
      SEP: t.Comma,
      DEF: () => {
        this.SUBRULE(this.expression, { LABEL: 'key' });
        this.CONSUME(t.Colon);
        this.SUBRULE2(this.expression, { LABEL: 'value' });
      },
    });
    this.CONSUME(t.RBrace);
  });

  protected subquery = this.RULE('subquery', () => {
    this.CONSUME(t.LParen);
    this.SUBRULE(this.query);
    this.CONSUME(t.RParen);
  });

  protected parenExpr = this.RULE('parenExpr', () => {
    this.CONSUME(t.LParen);
    this.SUBRULE(this.exprListTrailing);
    this.CONSUME(t.RParen);
  });

  /** `a, b,` — a list that may end with a comma, as ClickHouse accepts in tuples and arrays. */
  protected exprListTrailing = this.RULE('exprListTrailing', () => {
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => {
        this.CONSUME(t.Comma);
        this.OPTION2(() => this.SUBRULE2(this.expression));
      });
    });
  });

  /** A ClickHouse type as written after `::` or `CAST(x AS …)`; parseType reads the source slice. */
  protected typeExpr = this.RULE('typeExpr', () => {
    this.OR([{ ALT: () => this.CONSUME(t.IdentLike) }, { ALT: () => this.CONSUME(t.ArrayKw) }, { ALT: () => this.CONSUME(t.Null) }]);
    this.OPTION(() => {
      this.CONSUME(t.LParen);
      this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.typeArg) });
      this.CONSUME(t.RParen);
    });
  });

  protected typeArg = this.RULE('typeArg', () => {
    this.OR([
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(t.Minus));
          this.CONSUME(t.NumberLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.StringLit);
          this.OPTION2(() => {
            this.CONSUME(t.Eq);
            this.OPTION3(() => this.CONSUME2(t.Minus));
            this.CONSUME2(t.NumberLit);
          });
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.typeExpr);
          this.OPTION4(() => this.SUBRULE2(this.typeExpr));
        },
      },
    ]);
  });

  // ── Lookahead helpers (gates) ──────────────────────────────────────────────────────────────

  protected trimAhead(): boolean {
    return (
      /^trim$/i.test(this.LA(1).image) &&
      tokenMatcher(this.LA(2), t.LParen) &&
      /^(both|leading|trailing)$/i.test(this.LA(3).image) &&
      tokenMatcher(this.LA(3), t.Identifier)
    );
  }

  protected keywordAsName(): boolean {
    const next = this.LA(2);
    return tokenMatcher(next, t.Comma) || tokenMatcher(next, t.RParen) || next.tokenType.name === 'EOF';
  }

  /**
   * INTERVAL is also a common column name (`started_at AS interval … GROUP BY interval`): it starts an
   * interval when a value follows — a literal, `(`, `-`, a name then a unit, or a call (`INTERVAL toUInt16(x) HOUR`).
   */
  protected intervalAhead(): boolean {
    const next = this.LA(2);
    if (tokenMatcher(next, t.NumberLit) || tokenMatcher(next, t.StringLit) || tokenMatcher(next, t.LParen) || tokenMatcher(next, t.Minus))
      return true;
    const name = tokenMatcher(next, t.IdentLike) || tokenMatcher(next, t.KeywordFunction);
    return name && (tokenMatcher(this.LA(3), t.Identifier) || tokenMatcher(this.LA(3), t.LParen));
  }

  protected queryStartsAt(i: number): boolean {
    const tok = this.LA(i);
    if (tokenMatcher(tok, t.Select) || tokenMatcher(tok, t.With) || tokenMatcher(tok, t.From)) return true;
    // `((SELECT …))` and `(SELECT …) UNION ALL (SELECT …)`.
    return tokenMatcher(tok, t.LParen) && this.queryStartsAt(i + 1);
  }

  /** `x -> …` or `(x, y) -> …`. */
  protected lambdaAhead(): boolean {
    if (tokenMatcher(this.LA(1), t.IdentLike)) return tokenMatcher(this.LA(2), t.Arrow);
    if (!tokenMatcher(this.LA(1), t.LParen)) return false;
    let i = 2;
    for (;;) {
      if (!tokenMatcher(this.LA(i), t.IdentLike)) return false;
      const next: IToken = this.LA(i + 1);
      if (tokenMatcher(next, t.RParen)) return tokenMatcher(this.LA(i + 2), t.Arrow);
      if (!tokenMatcher(next, t.Comma)) return false;
      i += 2;
    }
  }
}
