import { tokenMatcher } from 'chevrotain';
import { LLStarLookaheadStrategy } from 'chevrotain-allstar';
import { ExpressionParser } from './parser-expr.js';
import * as t from './tokens.js';

/**
 * Chevrotain grammar of ClickHouse SELECT, with no semantic actions: to-ast.ts turns the CST into the
 * AST. This class holds the statements (WITH, SELECT, FROM/JOIN, GROUP BY … SETTINGS); expressions
 * come from ExpressionParser.
 */
class SqlParser extends ExpressionParser {
  constructor() {
    // LL(*) lookahead, computed lazily per decision: the LL(k) tables of this grammar took 10+ s to build
    // at every start of mk; ALL(*) starts in about a second and parses the same language.
    super(t.allTokens, {
      nodeLocationTracking: 'full',
      maxLookahead: 4,
      lookaheadStrategy: new LLStarLookaheadStrategy({ logging: () => {} }),
    });
    this.performSelfAnalysis();
  }

  public statement = this.RULE('statement', () => {
    this.SUBRULE(this.query);
    this.OPTION(() => this.CONSUME(t.Semicolon));
  });

  public override query = this.RULE('query', () => {
    this.SUBRULE(this.selectUnit);
    this.MANY(() => {
      this.SUBRULE(this.unionOp);
      this.SUBRULE2(this.selectUnit);
    });
  });

  private unionOp = this.RULE('unionOp', () => {
    this.CONSUME(t.Union);
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(t.All) }, { ALT: () => this.CONSUME(t.Distinct) }]));
  });

  private selectUnit = this.RULE('selectUnit', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.LParen);
          this.SUBRULE(this.query);
          this.CONSUME(t.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.selectStmt) },
    ]);
  });

  private selectStmt = this.RULE('selectStmt', () => {
    this.OPTION(() => this.SUBRULE(this.withClause));
    // ClickHouse also takes FROM first: `FROM t SELECT a` (to-ast reads either position).
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.fromClause);
          this.CONSUME(t.Select);
          this.OPTION2(() => this.CONSUME(t.Distinct));
          this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.selectItem) });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(t.Select);
          this.OPTION3(() => this.CONSUME2(t.Distinct));
          this.SUBRULE2(this.selectItem);
          // ClickHouse accepts a trailing comma before FROM: `SELECT a, b, FROM t`.
          this.MANY2({
            GATE: () => !tokenMatcher(this.LA(2), t.From),
            DEF: () => {
              this.CONSUME(t.Comma);
              this.SUBRULE3(this.selectItem);
            },
          });
          this.option(11, () => {
            this.option(12, () => this.CONSUME2(t.Comma, { LABEL: 'trailingComma' }));
            this.SUBRULE2(this.fromClause);
          });
        },
      },
    ]);
    this.OPTION4(() => {
      this.CONSUME(t.Prewhere);
      this.SUBRULE(this.expression, { LABEL: 'prewhere' });
    });
    this.OPTION5(() => {
      this.CONSUME(t.Where);
      this.SUBRULE2(this.expression, { LABEL: 'where' });
    });
    this.OPTION6(() => this.SUBRULE(this.groupByClause));
    this.OPTION7(() => {
      this.CONSUME(t.Having);
      this.SUBRULE3(this.expression, { LABEL: 'having' });
    });
    this.OPTION8(() => {
      this.CONSUME(t.Order);
      this.CONSUME(t.By);
      this.AT_LEAST_ONE_SEP2({ SEP: t.Comma, DEF: () => this.SUBRULE(this.orderItem) });
    });
    this.MANY(() => this.SUBRULE(this.limitClause));
    this.OPTION9(() => {
      this.CONSUME(t.Settings);
      this.AT_LEAST_ONE_SEP3({ SEP: t.Comma, DEF: () => this.SUBRULE(this.setting) });
    });
    this.option(10, () => {
      this.CONSUME(t.Format);
      this.CONSUME(t.IdentLike, { LABEL: 'format' });
    });
  });

  private withClause = this.RULE('withClause', () => {
    this.CONSUME(t.With);
    // `WITH RECURSIVE name AS (…)` (ClickHouse 24.4+): RECURSIVE is not a reserved word, so look ahead.
    this.OPTION({
      GATE: () => this.LA(1).image.toUpperCase() === 'RECURSIVE' && tokenMatcher(this.LA(2), t.IdentLike) && tokenMatcher(this.LA(3), t.As),
      DEF: () => this.CONSUME(t.Identifier, { LABEL: 'recursive' }),
    });
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.withItem) });
  });

  private withItem = this.RULE('withItem', () => {
    this.OR([
      {
        GATE: () => tokenMatcher(this.LA(2), t.As) && tokenMatcher(this.LA(3), t.LParen) && this.queryStartsAt(4),
        ALT: () => {
          this.CONSUME(t.IdentLike, { LABEL: 'cteName' });
          this.CONSUME(t.As);
          this.CONSUME(t.LParen);
          this.SUBRULE(this.query);
          this.CONSUME(t.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.expression) },
    ]);
  });

  private selectItem = this.RULE('selectItem', () => {
    this.SUBRULE(this.expression);
    // `SELECT x total`: an alias without AS must be a plain or quoted identifier.
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(t.Identifier) }, { ALT: () => this.CONSUME(t.QuotedIdentifier) }]));
  });

  private fromClause = this.RULE('fromClause', () => {
    this.CONSUME(t.From);
    this.SUBRULE(this.tableExpr);
    this.MANY(() => this.SUBRULE(this.joinPart));
  });

  private tableExpr = this.RULE('tableExpr', () => {
    this.OR([
      {
        GATE: () => this.queryStartsAt(2),
        ALT: () => {
          this.CONSUME(t.LParen);
          this.SUBRULE(this.query);
          this.CONSUME(t.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.IdentLike, { LABEL: 'name' });
          this.MANY(() => {
            this.CONSUME(t.Dot);
            this.CONSUME2(t.IdentLike, { LABEL: 'name' });
          });
          this.OPTION(() => {
            this.CONSUME2(t.LParen, { LABEL: 'fnOpen' });
            this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.argument) });
            this.CONSUME2(t.RParen);
          });
        },
      },
    ]);
    this.OPTION2(() => this.CONSUME(t.Final));
    this.OPTION3(() => this.SUBRULE(this.tableAlias));
    this.OPTION4(() => this.CONSUME2(t.Final));
    this.OPTION5(() => {
      this.CONSUME(t.Sample);
      this.SUBRULE(this.additive, { LABEL: 'sample' });
      this.OPTION6(() => {
        this.CONSUME(t.Offset);
        this.SUBRULE2(this.additive, { LABEL: 'sampleOffset' });
      });
    });
  });

  private tableAlias = this.RULE('tableAlias', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.As);
          this.OR2([{ ALT: () => this.CONSUME(t.IdentLike) }, { ALT: () => this.CONSUME(t.AnyKeyword, { LABEL: 'IdentLike' }) }]);
        },
      },
      { ALT: () => this.CONSUME(t.Identifier) },
      { ALT: () => this.CONSUME(t.QuotedIdentifier) },
    ]);
  });

  private joinPart = this.RULE('joinPart', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Comma);
          this.SUBRULE(this.tableExpr);
        },
      },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(t.Left, { LABEL: 'arrayLeft' }));
          this.CONSUME(t.ArrayKw);
          this.CONSUME(t.Join, { LABEL: 'arrayJoin' });
          this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.expression) });
        },
      },
      {
        ALT: () => {
          this.MANY(() =>
            this.OR2([
              { ALT: () => this.CONSUME(t.Global, { LABEL: 'joinWord' }) },
              { ALT: () => this.CONSUME(t.Inner, { LABEL: 'joinWord' }) },
              { ALT: () => this.CONSUME2(t.Left, { LABEL: 'joinWord' }) },
              { ALT: () => this.CONSUME(t.Right, { LABEL: 'joinWord' }) },
              { ALT: () => this.CONSUME(t.Full, { LABEL: 'joinWord' }) },
              { ALT: () => this.CONSUME(t.Outer, { LABEL: 'joinWord' }) },
              { ALT: () => this.CONSUME(t.Cross, { LABEL: 'joinWord' }) },
              { ALT: () => this.CONSUME(t.Any, { LABEL: 'joinWord' }) },
              { ALT: () => this.CONSUME(t.All, { LABEL: 'joinWord' }) },
              { ALT: () => this.CONSUME(t.Semi, { LABEL: 'joinWord' }) },
              { ALT: () => this.CONSUME(t.Anti, { LABEL: 'joinWord' }) },
              { ALT: () => this.CONSUME(t.Asof, { LABEL: 'joinWord' }) },
            ]),
          );
          this.CONSUME2(t.Join);
          this.SUBRULE2(this.tableExpr);
          this.OPTION2(() =>
            this.OR3([
              {
                ALT: () => {
                  this.CONSUME(t.On);
                  this.SUBRULE2(this.expression, { LABEL: 'on' });
                },
              },
              {
                ALT: () => {
                  this.CONSUME(t.Using);
                  this.OR4([
                    {
                      ALT: () => {
                        this.CONSUME(t.LParen);
                        this.AT_LEAST_ONE_SEP2({ SEP: t.Comma, DEF: () => this.CONSUME(t.IdentLike, { LABEL: 'using' }) });
                        this.CONSUME(t.RParen);
                      },
                    },
                    { ALT: () => this.CONSUME2(t.IdentLike, { LABEL: 'using' }) },
                  ]);
                },
              },
            ]),
          );
        },
      },
    ]);
  });

  private groupByClause = this.RULE('groupByClause', () => {
    this.CONSUME(t.Group);
    this.CONSUME(t.By);
    this.OR([
      { GATE: () => !tokenMatcher(this.LA(2), t.LParen), ALT: () => this.CONSUME(t.All) },
      { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.expression) }) },
    ]);
    this.MANY(() => {
      this.CONSUME(t.With);
      this.OR2([
        { ALT: () => this.CONSUME(t.Rollup, { LABEL: 'modifier' }) },
        { ALT: () => this.CONSUME(t.Cube, { LABEL: 'modifier' }) },
        { ALT: () => this.CONSUME(t.Totals, { LABEL: 'modifier' }) },
      ]);
    });
  });

  private limitClause = this.RULE('limitClause', () => {
    this.CONSUME(t.Limit);
    this.SUBRULE(this.expression, { LABEL: 'first' });
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(t.Comma) }, { ALT: () => this.CONSUME(t.Offset) }]);
      this.SUBRULE2(this.expression, { LABEL: 'second' });
    });
    this.OPTION2(() => {
      this.CONSUME(t.By);
      this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE3(this.expression, { LABEL: 'by' }) });
    });
  });

  private setting = this.RULE('setting', () => {
    this.CONSUME(t.IdentLike);
    this.CONSUME(t.Eq);
    this.SUBRULE(this.expression);
  });
}

/** The one parser instance, reused for every statement. */
export const sqlParser = new SqlParser();
