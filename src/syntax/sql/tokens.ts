import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * Tokens of ClickHouse SELECT. Keywords come in two sorts: reserved ones end an expression (FROM,
 * WHERE, JOIN …) and can only be names when quoted; soft ones (FIRST, ROWS, TOTALS …) only mean
 * something in one place, so they double as identifiers (`IdentLike`) everywhere else.
 */
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
// ClickHouse also reads `#` to the end of the line as a comment.
export const LineComment = createToken({ name: 'LineComment', pattern: /--[^\n]*|#[^\n]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED });

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_$]*/ });
export const QuotedIdentifier = createToken({ name: 'QuotedIdentifier', pattern: /`(?:[^`\\]|\\.|``)*`|"(?:[^"\\]|\\.|"")*"/ });
/** Anything usable as a name: identifiers, quoted identifiers and soft keywords. */
export const IdentLike = createToken({ name: 'IdentLike', pattern: Lexer.NA });
/** Reserved keywords that are also function names: `left(s, 2)`, `any(x)`, `format(…)`. */
export const KeywordFunction = createToken({ name: 'KeywordFunction', pattern: Lexer.NA });
/** Every keyword: after AS any word is a name (`AS order`, `AS interval`). */
export const AnyKeyword = createToken({ name: 'AnyKeyword', pattern: Lexer.NA });
/** Reserved words real pipes use as column names (`order`, `end`, `format` …), read as names where nothing else fits. */
export const NameKeyword = createToken({ name: 'NameKeyword', pattern: Lexer.NA });
const NAMEABLE = new Set(['END', 'ORDER', 'GROUP', 'FORMAT', 'FINAL', 'SAMPLE', 'SETTINGS', 'ASC', 'DESC', 'LIMIT', 'OVER']);
Identifier.CATEGORIES = [IdentLike];
QuotedIdentifier.CATEGORIES = [IdentLike];

const keywords: TokenType[] = [];

function keyword(word: string, kind: 'reserved' | 'soft' | 'function' = 'reserved'): TokenType {
  const categories = [
    AnyKeyword,
    ...(NAMEABLE.has(word) ? [NameKeyword] : []),
    ...(kind === 'soft' ? [IdentLike] : kind === 'function' ? [KeywordFunction] : []),
  ];
  const t = createToken({
    name: word,
    pattern: new RegExp(`${word}(?![A-Za-z0-9_$])`, 'i'),
    longer_alt: Identifier,
    categories,
  });
  keywords.push(t);
  return t;
}

export const Select = keyword('SELECT');
export const From = keyword('FROM');
export const Where = keyword('WHERE');
export const Prewhere = keyword('PREWHERE');
export const Group = keyword('GROUP');
export const By = keyword('BY');
export const Having = keyword('HAVING');
export const Order = keyword('ORDER');
export const Limit = keyword('LIMIT');
export const Union = keyword('UNION');
export const Join = keyword('JOIN');
export const On = keyword('ON');
export const Using = keyword('USING');
export const As = keyword('AS');
export const And = keyword('AND');
export const Or = keyword('OR');
export const Not = keyword('NOT');
export const In = keyword('IN', 'function');
export const Is = keyword('IS');
export const Null = keyword('NULL');
export const Like = keyword('LIKE', 'function');
export const ILike = keyword('ILIKE', 'function');
export const Between = keyword('BETWEEN');
export const Case = keyword('CASE');
export const When = keyword('WHEN');
export const Then = keyword('THEN');
export const Else = keyword('ELSE');
export const End = keyword('END');
export const With = keyword('WITH');
export const Distinct = keyword('DISTINCT');
export const Inner = keyword('INNER');
export const Left = keyword('LEFT', 'function');
export const Right = keyword('RIGHT', 'function');
export const Full = keyword('FULL');
export const Cross = keyword('CROSS');
export const Outer = keyword('OUTER');
export const Global = keyword('GLOBAL');
export const Semi = keyword('SEMI');
export const Anti = keyword('ANTI');
export const Asof = keyword('ASOF');
export const All = keyword('ALL', 'function');
export const Any = keyword('ANY', 'function');
export const ArrayKw = keyword('ARRAY', 'function');
export const Final = keyword('FINAL');
export const Sample = keyword('SAMPLE');
export const Settings = keyword('SETTINGS');
export const Format = keyword('FORMAT', 'function');
export const Except = keyword('EXCEPT');
export const Interval = keyword('INTERVAL', 'soft');
export const Cast = keyword('CAST');
export const Over = keyword('OVER');
export const Asc = keyword('ASC');
export const Desc = keyword('DESC');
export const True = keyword('TRUE');
export const False = keyword('FALSE');

export const Ascending = keyword('ASCENDING', 'soft');
export const Descending = keyword('DESCENDING', 'soft');
export const Offset = keyword('OFFSET', 'soft');
export const Nulls = keyword('NULLS', 'soft');
export const First = keyword('FIRST', 'soft');
export const Last = keyword('LAST', 'soft');
export const Fill = keyword('FILL', 'soft');
export const To = keyword('TO', 'soft');
export const Step = keyword('STEP', 'soft');
export const Rows = keyword('ROWS', 'soft');
export const Range = keyword('RANGE', 'soft');
export const Row = keyword('ROW', 'soft');
export const Current = keyword('CURRENT', 'soft');
export const Preceding = keyword('PRECEDING', 'soft');
export const Following = keyword('FOLLOWING', 'soft');
export const Unbounded = keyword('UNBOUNDED', 'soft');
export const Totals = keyword('TOTALS', 'soft');
export const Rollup = keyword('ROLLUP', 'soft');
export const Cube = keyword('CUBE', 'soft');
export const Partition = keyword('PARTITION', 'soft');
export const Collate = keyword('COLLATE', 'soft');
export const Ties = keyword('TIES', 'soft');

// Numbers start with a digit so tuple access `t.1` lexes as Identifier Dot Number.
export const NumberLit = createToken({
  name: 'NumberLit',
  pattern: /0[xX][0-9a-fA-F]+|0[bB][01]+|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?/,
});
export const StringLit = createToken({ name: 'StringLit', pattern: /'(?:[^'\\]|\\[\s\S]|'')*'/ });

export const Arrow = createToken({ name: 'Arrow', pattern: /->/ });
export const DoubleColon = createToken({ name: 'DoubleColon', pattern: /::/ });
export const Concat = createToken({ name: 'Concat', pattern: /\|\|/ });
/** Comparison operators share a category so the parser consumes them as one token kind, in order. */
export const CompareOp = createToken({ name: 'CompareOp', pattern: Lexer.NA });
export const LessEq = createToken({ name: 'LessEq', pattern: /<=/, categories: [CompareOp] });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: />=/, categories: [CompareOp] });
export const NotEq = createToken({ name: 'NotEq', pattern: /!=|<>/, categories: [CompareOp] });
export const EqEq = createToken({ name: 'EqEq', pattern: /==/, categories: [CompareOp] });
export const Eq = createToken({ name: 'Eq', pattern: /=/, categories: [CompareOp] });
export const Less = createToken({ name: 'Less', pattern: /</, categories: [CompareOp] });
export const Greater = createToken({ name: 'Greater', pattern: />/, categories: [CompareOp] });
export const AddOp = createToken({ name: 'AddOp', pattern: Lexer.NA });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, categories: [AddOp] });
export const Minus = createToken({ name: 'Minus', pattern: /-/, categories: [AddOp] });
export const MulOp = createToken({ name: 'MulOp', pattern: Lexer.NA });
export const Star = createToken({ name: 'Star', pattern: /\*/, categories: [MulOp] });
export const Slash = createToken({ name: 'Slash', pattern: /\//, categories: [MulOp] });
export const Percent = createToken({ name: 'Percent', pattern: /%/, categories: [MulOp] });
export const Question = createToken({ name: 'Question', pattern: /\?/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /]/ });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /}/ });

/** Lexing order: comments before operators (`--` vs `-`), keywords before identifiers. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  IdentLike,
  KeywordFunction,
  AnyKeyword,
  NameKeyword,
  CompareOp,
  AddOp,
  MulOp,
  ...keywords,
  Identifier,
  QuotedIdentifier,
  NumberLit,
  StringLit,
  Arrow,
  DoubleColon,
  Concat,
  LessEq,
  GreaterEq,
  NotEq,
  EqEq,
  Eq,
  Less,
  Greater,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Question,
  Colon,
  Dot,
  Comma,
  Semicolon,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
];
