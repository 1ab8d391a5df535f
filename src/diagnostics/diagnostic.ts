/** A point in a source file. `line` and `column` are 1-based; `offset` is 0-based into the text. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A half-open span of source text: `start` inclusive, `end` exclusive. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem found in user input, as data. Parsers and checks collect these instead of throwing,
 * so one run reports every error. Rendered by `render.ts` (code frames) or printed as JSON.
 */
export interface Diagnostic {
  /** Stable code from the registry, e.g. `MK1001`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Path as the user would type it (relative to the project when possible). */
  readonly file?: string;
  readonly range?: Range;
  /** One line telling the user how to fix it. */
  readonly hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Builds a Position from a 0-based offset into `text`. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1, offset: end };
}

export function rangeOf(text: string, startOffset: number, endOffset: number): Range {
  return { start: positionAt(text, startOffset), end: positionAt(text, endOffset) };
}
