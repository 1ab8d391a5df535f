import { type CstNode, CstParser, type IToken, type ParserMethod, tokenMatcher } from 'chevrotain';
import * as t from './tokens.js';

/**
 * The expression half of the SQL grammar (and ORDER BY items and types, which expressions embed).
 * Precedence, loosest first: lambda, alias, ternary, OR, AND, NOT, IS NULL, comparison / LIKE / IN /
 * BETWEEN, `||`, `+ -`, `* / %`, unary minus, postfix (`[i]`, `.1`, `::T`). sqlParser (parser.ts) adds
 * the statements; `query` is its rule, reached from subqueries.
 */
export abstract class ExpressionParser extends CstParser {
  declare protected query: ParserMethod<[], CstNode>;

  protected orderItem = this.RULE('orderItem', () => {
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

  public expression = this.RULE('expression', () => {
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

  protected ternary = this.RULE('ternary', () => {
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

  protected concatExpr = this.RULE('concatExpr', () => {
    this.SUBRULE(this.additive);
    this.MANY(() => {
      this.CONSUME(t.Concat);
      this.SUBRULE2(this.additive);
    });
  });

  protected additive = this.RULE('additive', () => {
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

  protected star = this.RULE('star', () => {
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
