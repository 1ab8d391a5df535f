import { type CustomPatternMatcherFunc, createToken, type IToken, Lexer, type TokenType } from 'chevrotain';

/**
 * Tokens of the SCHEMA column list. A column name may be bare and then holds characters (`-`, `+`, `'` …)
 * that elsewhere are operators, so a bare name is only lexed where a name can start: at the beginning or
 * right after a comma that is not inside parentheses.
 */

export const Atom = createToken({ name: 'Atom', pattern: Lexer.NA });
export const Inner = createToken({ name: 'Inner', pattern: Lexer.NA });
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /--[^\n]*/, group: Lexer.SKIPPED });
export const JsonPath = createToken({ name: 'JsonPath', pattern: /`json:[^`\n]*`/i, categories: [Inner] });
export const Backticked = createToken({ name: 'Backticked', pattern: /`[^`\n]*`/, categories: [Inner] });
export const LParen = createToken({ name: 'LParen', pattern: '(' });
export const RParen = createToken({ name: 'RParen', pattern: ')' });
export const LBracket = createToken({ name: 'LBracket', pattern: '[' });
export const RBracket = createToken({ name: 'RBracket', pattern: ']' });
export const Comma = createToken({ name: 'Comma', pattern: ',', categories: [Inner] });

// Paren depth of the tokens matched so far, kept incrementally: the lexer only ever appends tokens.
let depthCache: { tokens: IToken[] | undefined; seen: number; depth: number } = { tokens: undefined, seen: 0, depth: 0 };

function atNameStart(tokens: IToken[]): boolean {
  if (depthCache.tokens !== tokens) depthCache = { tokens, seen: 0, depth: 0 };
  for (; depthCache.seen < tokens.length; depthCache.seen++) {
    const type = tokens[depthCache.seen]?.tokenType;
    if (type === LParen || type === LBracket) depthCache.depth++;
    else if (type === RParen || type === RBracket) depthCache.depth = Math.max(0, depthCache.depth - 1);
  }
  const last = tokens[tokens.length - 1];
  return last === undefined || (last.tokenType === Comma && depthCache.depth === 0);
}

const BARE_NAME = /[^\s,`]+/y;

const bareName: CustomPatternMatcherFunc = (text, offset, tokens) => {
  if (!atNameStart(tokens)) return null;
  BARE_NAME.lastIndex = offset;
  const match = BARE_NAME.exec(text);
  if (!match) return null;
  // A `--` comment may follow the name directly.
  const name = match[0].split('--')[0] ?? '';
  if (name === '') return null;
  match[0] = name;
  return match;
};
export const BareName = createToken({ name: 'BareName', pattern: { exec: bareName }, line_breaks: false });

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][\w.$]*/, categories: [Atom, Inner] });

function keyword(word: string): TokenType {
  return createToken({
    name: word.charAt(0) + word.slice(1).toLowerCase(),
    pattern: new RegExp(`${word}(?![\\w.$])`, 'i'),
    longer_alt: Identifier,
    categories: [Keyword, Inner],
  });
}
export const Default = keyword('DEFAULT');
export const Codec = keyword('CODEC');
export const Null = keyword('NULL');
export const Not = keyword('NOT');
export const Materialized = keyword('MATERIALIZED');
export const Alias = keyword('ALIAS');
export const Ttl = keyword('TTL');

export const NumberLit = createToken({ name: 'NumberLit', pattern: /\d[\w.]*/, categories: [Atom, Inner] });
export const SingleQuoted = createToken({ name: 'SingleQuoted', pattern: /'(?:[^'\\\n]|\\.|'')*'/, categories: [Atom, Inner] });
export const DoubleQuoted = createToken({ name: 'DoubleQuoted', pattern: /"(?:[^"\\\n]|\\.)*"/, categories: [Atom, Inner] });
export const Punct = createToken({ name: 'Punct', pattern: /[^\s\w`'"(),[\]]/, categories: [Atom, Inner] });

export const schemaTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  JsonPath,
  Backticked,
  LParen,
  RParen,
  LBracket,
  RBracket,
  BareName,
  Default,
  Codec,
  Null,
  Not,
  Materialized,
  Alias,
  Ttl,
  Identifier,
  NumberLit,
  SingleQuoted,
  DoubleQuoted,
  Comma,
  Punct,
  Atom,
  Inner,
  Keyword,
];

export const schemaLexer = new Lexer(schemaTokens, { ensureOptimizations: false });
