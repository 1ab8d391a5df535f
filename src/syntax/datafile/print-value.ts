import { dedentLines, type PlacedLine, rstripLines, stripLines } from './dedent.js';
import { escapeEnv, substituteEnv } from './env.js';
import { isInstruction } from './keywords.js';
import { shlexLine, unquote } from './shlex.js';
import type { BlockMode } from './values.js';

/**
 * Renders values so that parsing the output gives back exactly the same text. Each candidate form is
 * checked with the parser's own functions (shlex, unquote, dedent), so printer and parser cannot drift.
 */

export const INDENT = '    ';

export interface RenderOptions {
  /** The instruction substitutes `$VAR`: a literal `$$` must be escaped. */
  readonly env?: boolean;
  /** Try `"value"` before the bare value (ENGINE "MergeTree", TAGS "a, b"). */
  readonly quote?: boolean;
}

/** `KEYWORD value` on one line, or undefined when no inline form reads back the same. */
export function renderInline(keyword: string, text: string, options: RenderOptions = {}): string | undefined {
  if (text.includes('\n')) return undefined;
  if (text === '') return keyword;
  const written = options.env ? escapeEnv(text) : text;
  const forms = options.quote ? [`"${written}"`, written, `'${written}'`] : [written, `"${written}"`, `'${written}'`];
  const ok = forms.find((f) => readInline(f, options.env ?? false) === text);
  return ok === undefined ? undefined : `${keyword} ${ok}`;
}

function readInline(form: string, env: boolean): string | undefined {
  const split = shlexLine(form);
  if (split.unclosedQuoteAt !== undefined || split.tokens[0]?.text === '>') return undefined;
  const text = unquote(split.tokens.map((t) => t.text).join(' '));
  return env ? substituteEnv(text, {}) : text;
}

/** `KEYWORD >` and the indented lines, or undefined when the block would not read back the same. */
export function renderBlock(keyword: string, text: string, mode: BlockMode): string[] | undefined {
  if (text === '') return [`${keyword} >`];
  const lines = text.split('\n');
  // A `%` template block is stored with only `strip()`: its later lines keep their own indentation.
  const template = mode === 'sql' && text.startsWith('%');
  const body = lines.map((l, i) => (template && i > 0 ? l : `${INDENT}${l}`));
  return readBlock(body, mode) === text ? [`${keyword} >`, ...body] : undefined;
}

function readBlock(body: readonly string[], mode: BlockMode): string | undefined {
  const placed: PlacedLine[] = [];
  for (const [i, line] of body.entries()) {
    const split = shlexLine(line);
    // Dropped lines (blank or `#` comments) or lines that could end the block do not read back.
    if (split.tokens.length === 0 && split.unclosedQuoteAt === undefined) return undefined;
    const first = split.tokens[0];
    if (!/^[ \t]/.test(line) && split.unclosedQuoteAt === undefined && first && isInstruction('include', first.text)) {
      return undefined;
    }
    placed.push({ text: line, line: i + 1, column: 1, offset: 0 });
  }
  const isTemplate = mode === 'sql' && placed[0]?.text.trim().startsWith('%');
  const shaped = isTemplate ? stripLines(placed) : mode === 'sql' ? rstripLines(dedentLines(placed)) : stripLines(dedentLines(placed));
  return shaped.map((l) => l.text).join('\n');
}

/** Block if it reads back, else inline; as a last resort the block anyway (the input had a problem). */
export function renderValue(keyword: string, text: string, mode: BlockMode, preferBlock: boolean, options: RenderOptions = {}): string[] {
  const block = () => renderBlock(keyword, text, mode);
  const inline = () => {
    const line = renderInline(keyword, text, options);
    return line === undefined ? undefined : [line];
  };
  const [first, second] = preferBlock ? [block, inline] : [inline, block];
  return first() ?? second() ?? [`${keyword} >`, ...text.split('\n').map((l) => `${INDENT}${l}`)];
}
