/**
 * Tinybird splits every datafile line with Python's `shlex.shlex(line)` and `whitespace_split = True`, in
 * its default *non-POSIX* mode. That mode differs from a shell in ways the format depends on:
 *
 * - a quote only opens a quoted token at the start of a token; inside a word (`it's`) it is an ordinary char;
 * - quoted tokens keep their quotes (`"a b"` stays `"a b"`), and end right after the closing quote;
 * - no backslash escapes;
 * - `#` outside quotes ends the line, even in the middle of a word.
 */

export interface ShlexToken {
  /** The token as shlex returns it, quotes included. */
  readonly text: string;
  /** 0-based offsets into the line, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface ShlexResult {
  readonly tokens: readonly ShlexToken[];
  /** Offset of a quote that is never closed. Python raises there; the tokens hold what came before it. */
  readonly unclosedQuoteAt?: number;
}

const WHITESPACE = ' \t\r\n';
const QUOTES = `'"`;

/** Splits one line the way Tinybird's parser does. */
export function shlexLine(line: string): ShlexResult {
  const tokens: ShlexToken[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line.charAt(i);
    if (WHITESPACE.includes(c)) {
      i++;
    } else if (c === '#') {
      break;
    } else if (QUOTES.includes(c)) {
      const close = line.indexOf(c, i + 1);
      if (close < 0) return { tokens, unclosedQuoteAt: i };
      tokens.push({ text: line.slice(i, close + 1), start: i, end: close + 1 });
      i = close + 1;
    } else {
      const start = i;
      while (i < line.length && !WHITESPACE.includes(line.charAt(i)) && line.charAt(i) !== '#') i++;
      tokens.push({ text: line.slice(start, i), start, end: i });
      if (line.charAt(i) === '#') break;
    }
  }
  return { tokens };
}

/** Tinybird's `_unquote`: drops one pair of outer quotes when the first and last chars are both quotes. */
export function unquote(text: string): string {
  if (text.length >= 2 && QUOTES.includes(text.charAt(0)) && QUOTES.includes(text.charAt(text.length - 1))) {
    return text.slice(1, -1);
  }
  return text;
}
