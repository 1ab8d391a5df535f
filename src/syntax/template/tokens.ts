import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * Tokens of the template language. Three lexer modes: `text` (raw SQL and tag openers), `expr` (inside
 * `{{ }}`) and `tag` (inside `{% %}`). Tag openers carry their directive (`{% if`, `{% for` …) so the
 * grammar never has to look at a name's image, and tags without an expression (`{% end %}`) are one token.
 */

// Everything up to `%}` (a `%` not followed by `}` is allowed), used by tags whose body is ignored.
const TAIL = String.raw`(?:[^%]|%(?!\}))*%\}`;
const tagWord = (word: string, tail: string): RegExp => new RegExp(String.raw`\{%\s*${word}(?![\w])${tail}`);

// --- text mode -------------------------------------------------------------------------------------------
export const EscExpr = createToken({ name: 'EscExpr', pattern: /\{\{!/ });
export const EscTag = createToken({ name: 'EscTag', pattern: /\{%!/ });
export const EscComment = createToken({ name: 'EscComment', pattern: /\{#!/ });
export const Comment = createToken({ name: 'Comment', pattern: /\{#[\s\S]*?#\}/, line_breaks: true });
export const UnclosedComment = createToken({ name: 'UnclosedComment', pattern: /\{#[\s\S]*/, line_breaks: true });
export const ExprOpen = createToken({ name: 'ExprOpen', pattern: /\{\{/, push_mode: 'expr' });
export const TagIf = createToken({ name: 'TagIf', pattern: tagWord('if', ''), push_mode: 'tag' });
export const TagElif = createToken({ name: 'TagElif', pattern: tagWord('elif', ''), push_mode: 'tag' });
export const TagElse = createToken({ name: 'TagElse', pattern: /\{%\s*else\s*%\}/ });
// Tornado ignores anything after `end` (`{% end if %}` is accepted).
export const TagEnd = createToken({ name: 'TagEnd', pattern: tagWord('end', TAIL) });
export const TagFor = createToken({ name: 'TagFor', pattern: tagWord('for', ''), push_mode: 'tag' });
export const TagWhile = createToken({ name: 'TagWhile', pattern: tagWord('while', ''), push_mode: 'tag' });
export const TagSet = createToken({ name: 'TagSet', pattern: tagWord('set', ''), push_mode: 'tag' });
export const TagBreak = createToken({ name: 'TagBreak', pattern: /\{%\s*break\s*%\}/ });
export const TagContinue = createToken({ name: 'TagContinue', pattern: /\{%\s*continue\s*%\}/ });
export const TagTry = createToken({ name: 'TagTry', pattern: /\{%\s*try\s*%\}/ });
export const TagExcept = createToken({ name: 'TagExcept', pattern: tagWord('except', TAIL) });
export const TagFinally = createToken({ name: 'TagFinally', pattern: /\{%\s*finally\s*%\}/ });
export const TagCommentTag = createToken({ name: 'TagCommentTag', pattern: tagWord('comment', TAIL), line_breaks: true });
export const TagWhitespace = createToken({ name: 'TagWhitespace', pattern: tagWord('whitespace', TAIL) });
export const TagForbidden = createToken({
  name: 'TagForbidden',
  pattern: tagWord('(?:extends|include|import|from|autoescape|raw|module|apply|block)', TAIL),
  line_breaks: true,
});
/** Any other `{% … %}`: an unknown directive, reported by to-ast. */
export const TagOther = createToken({ name: 'TagOther', pattern: new RegExp(String.raw`\{%${TAIL}`), line_breaks: true });
export const UnclosedTag = createToken({ name: 'UnclosedTag', pattern: /\{%[\s\S]*/, line_breaks: true });
export const Text = createToken({ name: 'Text', pattern: /(?:[^{]|\{(?![{%#]))+/, line_breaks: true });

// --- expression / tag modes ------------------------------------------------------------------------------
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED, line_breaks: true });
export const ExprClose = createToken({ name: 'ExprClose', pattern: /\}\}/, pop_mode: true });
export const TagClose = createToken({ name: 'TagClose', pattern: /%\}/, pop_mode: true });
export const Name = createToken({ name: 'Name', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
const keyword = (word: string): TokenType =>
  createToken({ name: word[0]!.toUpperCase() + word.slice(1) + 'Kw', pattern: new RegExp(`${word}(?![A-Za-z0-9_])`), longer_alt: Name });
export const AndKw = keyword('and');
export const OrKw = keyword('or');
export const NotKw = keyword('not');
export const InKw = keyword('in');
export const IsKw = keyword('is');
export const IfKw = keyword('if');
export const ElseKw = keyword('else');
export const TrueKw = keyword('True');
export const FalseKw = keyword('False');
export const NoneKw = keyword('None');
export const FloatLit = createToken({
  name: 'FloatLit',
  pattern: /(?:\d[\d_]*\.(?:\d[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?|\d[\d_]*[eE][+-]?\d+/,
});
export const IntLit = createToken({ name: 'IntLit', pattern: /0[xX][0-9a-fA-F_]+|\d[\d_]*/ });
export const StringLit = createToken({
  name: 'StringLit',
  pattern: /[rRuU]?(?:'(?:[^'\\\n]|\\[\s\S])*'|"(?:[^"\\\n]|\\[\s\S])*")/,
  line_breaks: true,
});
export const DoubleStar = createToken({ name: 'DoubleStar', pattern: /\*\*/ });
export const DoubleSlash = createToken({ name: 'DoubleSlash', pattern: /\/\// });
export const EqEq = createToken({ name: 'EqEq', pattern: /==/ });
export const NotEq = createToken({ name: 'NotEq', pattern: /!=/ });
export const LtE = createToken({ name: 'LtE', pattern: /<=/ });
export const GtE = createToken({ name: 'GtE', pattern: />=/ });
export const Lt = createToken({ name: 'Lt', pattern: /</ });
export const Gt = createToken({ name: 'Gt', pattern: />/ });
export const Assign = createToken({ name: 'Assign', pattern: /=/ });
export const Plus = createToken({ name: 'Plus', pattern: /\+/ });
export const Minus = createToken({ name: 'Minus', pattern: /-/ });
export const Star = createToken({ name: 'Star', pattern: /\*/ });
export const Slash = createToken({ name: 'Slash', pattern: /\// });
export const Percent = createToken({ name: 'Percent', pattern: /%/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/ });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
/** Anything else inside an expression (`;`, `@`, `$` …): kept as a token so the parser reports it in place. */
export const Unknown = createToken({ name: 'Unknown', pattern: /[^\s]/ });

const codeTokens: TokenType[] = [
  WhiteSpace,
  AndKw,
  OrKw,
  NotKw,
  InKw,
  IsKw,
  IfKw,
  ElseKw,
  TrueKw,
  FalseKw,
  NoneKw,
  StringLit, // before Name: `r'…'` / `u'…'` prefixes
  Name,
  FloatLit,
  IntLit,
  DoubleStar,
  DoubleSlash,
  EqEq,
  NotEq,
  LtE,
  GtE,
  Lt,
  Gt,
  Assign,
  Plus,
  Minus,
  Star,
  Slash,
];
const codeTail: TokenType[] = [LParen, RParen, LBracket, RBracket, LBrace, RBrace, Comma, Colon, Dot, Unknown];

export const textModeTokens: TokenType[] = [
  EscExpr,
  EscTag,
  EscComment,
  Comment,
  UnclosedComment,
  ExprOpen,
  TagIf,
  TagElif,
  TagElse,
  TagEnd,
  TagFor,
  TagWhile,
  TagSet,
  TagBreak,
  TagContinue,
  TagTry,
  TagExcept,
  TagFinally,
  TagCommentTag,
  TagWhitespace,
  TagForbidden,
  TagOther,
  UnclosedTag,
  Text,
];
// `}}` must win over `}` and `%}` over `%`, so each closer comes before the operators.
export const exprModeTokens: TokenType[] = [ExprClose, ...codeTokens, Percent, ...codeTail];
export const tagModeTokens: TokenType[] = [TagClose, ...codeTokens, Percent, ...codeTail];

/** Every token type, deduplicated, in a stable order (the parser's vocabulary). */
export const allTokens: TokenType[] = [...new Set([...textModeTokens, ...exprModeTokens, ...tagModeTokens])];
