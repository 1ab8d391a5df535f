import type { IToken } from 'chevrotain';
import type { Position, Range } from '../../diagnostics/diagnostic.js';
import type { SourceLine } from './lines.js';

/** Range of columns `[start, end)` (0-based) within one source line. */
export function lineRange(line: SourceLine, start: number, end: number): Range {
  return { start: at(line, start), end: at(line, end) };
}

function at(line: SourceLine, column0: number): Position {
  return { line: line.line, column: column0 + 1, offset: line.offset + column0 };
}

export function tokenStart(t: IToken): Position {
  return { line: t.startLine ?? 1, column: t.startColumn ?? 1, offset: t.startOffset };
}

/** Position just past the token (Chevrotain's end offsets and columns are inclusive). */
export function tokenEnd(t: IToken): Position {
  if (t.image.length === 0) return tokenStart(t);
  return { line: t.endLine ?? 1, column: (t.endColumn ?? 0) + 1, offset: (t.endOffset ?? t.startOffset) + 1 };
}

export function tokenRange(first: IToken, last: IToken = first): Range {
  return { start: tokenStart(first), end: tokenEnd(last) };
}

export function spanOf(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

/** An empty range at a position (for things that are missing). */
export function emptyAt(p: Position): Range {
  return { start: p, end: p };
}
