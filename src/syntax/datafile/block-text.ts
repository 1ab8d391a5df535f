import type { IToken } from 'chevrotain';
import type { Position, Range } from '../../diagnostics/diagnostic.js';

/**
 * The raw lines of a `>` block joined with `\n`, for the SCHEMA and INDEXES grammars, plus the way back
 * from an offset in that text to a position in the datafile.
 */
export interface BlockText {
  readonly text: string;
  positionAt(offset: number): Position;
  rangeOf(start: number, end: number): Range;
}

/** Builds a BlockText from BlockLine tokens (each one a whole source line). */
export function blockText(lines: readonly IToken[], fallback: Position): BlockText {
  const starts: number[] = [];
  let text = '';
  for (const l of lines) {
    starts.push(text.length);
    text += `${l.image}\n`;
  }
  const positionAt = (offset: number): Position => {
    let i = starts.length - 1;
    while (i > 0 && (starts[i] ?? 0) > offset) i--;
    const line = lines[i];
    if (!line) return fallback;
    const column0 = Math.min(offset - (starts[i] ?? 0), line.image.length);
    return { line: line.startLine ?? 1, column: column0 + 1, offset: line.startOffset + column0 };
  };
  return { text, positionAt, rangeOf: (start, end) => ({ start: positionAt(start), end: positionAt(end) }) };
}

/** Renders tokens back to text: one space wherever the source had any gap between two tokens. */
export function joinTokens(tokens: readonly IToken[]): string {
  let out = '';
  let prevEnd = -1;
  for (const t of [...tokens].sort((a, b) => a.startOffset - b.startOffset)) {
    if (prevEnd >= 0 && t.startOffset > prevEnd) out += ' ';
    out += t.image;
    prevEnd = (t.endOffset ?? t.startOffset) + 1;
  }
  return out;
}
