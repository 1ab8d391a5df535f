import type { IToken } from 'chevrotain';
import type { LineOrigin, Value } from './ast.js';
import { dedentLines, type PlacedLine, rstripLines, stripLines } from './dedent.js';
import { type Env, substituteEnv } from './env.js';
import { emptyAt, tokenEnd, tokenRange, tokenStart } from './ranges.js';
import { unquote } from './shlex.js';

/**
 * How a `>` block's lines become the stored text:
 * - `sql`: `strip()` when the first non-blank char is `%` (a template), else `dedent()` + `rstrip()`;
 * - `text`: `dedent()` + `strip()` (descriptions, engine settings, tags …);
 * - `raw`: the lines as written (SCHEMA and INDEXES, which have their own grammars).
 */
export type BlockMode = 'sql' | 'text' | 'raw';

/** What a statement's value looked like in the CST. */
export type RawValue =
  | { readonly kind: 'inline'; readonly keyword: IToken; readonly words: readonly IToken[] }
  | { readonly kind: 'block'; readonly keyword: IToken; readonly open: IToken; readonly lines: readonly IToken[] };

/** An inline value: shlex words re-joined with single spaces, one pair of outer quotes dropped. */
export function inlineValue(raw: { keyword: IToken; words: readonly IToken[] }, env?: Env): Value {
  const { keyword, words } = raw;
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) {
    return { text: '', range: emptyAt(tokenEnd(keyword)), lines: [origin(tokenEnd(keyword))], multiline: false };
  }
  const joined = words.map((w) => w.image).join(' ');
  const text = unquote(joined);
  const start = tokenStart(first);
  const skip = text === joined ? 0 : 1;
  const lineOrigin = { line: start.line, column: start.column + skip, offset: start.offset + skip };
  return { text: env ? substituteEnv(text, env) : text, range: tokenRange(first, last), lines: [lineOrigin], multiline: false };
}

/** A `>` block value, shaped by `mode`. */
export function blockValue(
  raw: { open: IToken; lines: readonly IToken[] },
  mode: BlockMode,
  options: { env?: Env; unquote?: boolean } = {},
): Value {
  const placed: PlacedLine[] = raw.lines.map((t) => ({ text: t.image, line: t.startLine ?? 1, column: 1, offset: t.startOffset }));
  const shaped = shape(placed, mode);
  const first = raw.lines[0];
  const last = raw.lines[raw.lines.length - 1];
  const range = first && last ? tokenRange(first, last) : tokenRange(raw.open);
  let text = shaped.map((l) => l.text).join('\n');
  if (options.unquote) text = unquote(text);
  if (options.env) text = substituteEnv(text, options.env);
  const lines: LineOrigin[] = shaped.length > 0 ? shaped.map(origin) : [origin(tokenEnd(raw.open))];
  return { text, range, lines, multiline: true };
}

/** The value of any statement, inline or block. */
export function readValue(raw: RawValue, mode: BlockMode, env?: Env): Value {
  return raw.kind === 'inline' ? inlineValue(raw, env) : blockValue(raw, mode, env ? { env } : {});
}

function shape(lines: readonly PlacedLine[], mode: BlockMode): PlacedLine[] {
  if (mode === 'raw') return [...lines];
  if (
    mode === 'sql' &&
    lines
      .find((l) => l.text.trim() !== '')
      ?.text.trim()
      .startsWith('%')
  )
    return stripLines(lines);
  const dedented = dedentLines(lines);
  return mode === 'sql' ? rstripLines(dedented) : stripLines(dedented);
}

function origin(p: { line: number; column: number; offset: number }): LineOrigin {
  return { line: p.line, column: p.column, offset: p.offset };
}
