/** A source line without its terminator, with where it starts. */
export interface SourceLine {
  readonly text: string;
  /** 1-based line number. */
  readonly line: number;
  /** 0-based offset of the line's first character. */
  readonly offset: number;
}

/** Splits text into lines on `\r\n`, `\r` or `\n` (Python's universal newlines). */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let n = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), line: n++, offset: start });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), line: n, offset: start });
  return lines;
}
