/** One line of a block: its text and where its first character sits in the source. */
export interface PlacedLine {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** Python's `textwrap.dedent` over non-blank lines: removes the longest common leading-whitespace prefix. */
export function dedentLines(lines: readonly PlacedLine[]): PlacedLine[] {
  let margin: string | undefined;
  for (const l of lines) {
    const indent = /^[ \t]*/.exec(l.text)?.[0] ?? '';
    if (indent.length === l.text.length) continue;
    margin = margin === undefined ? indent : commonPrefix(margin, indent);
  }
  const cut = margin?.length ?? 0;
  return lines.map((l) => shift(l, l.text.startsWith(margin ?? '') ? cut : 0));
}

/** Strips leading whitespace of the first line and trailing whitespace of the last (`str.strip()`). */
export function stripLines(lines: readonly PlacedLine[]): PlacedLine[] {
  const out = [...lines];
  const first = out[0];
  if (first) out[0] = shift(first, first.text.length - first.text.trimStart().length);
  return rstripLines(out);
}

/** `str.rstrip()` over the joined lines. */
export function rstripLines(lines: readonly PlacedLine[]): PlacedLine[] {
  const out = [...lines];
  while (out.length > 0 && out[out.length - 1]?.text.trim() === '') out.pop();
  const last = out[out.length - 1];
  if (last) out[out.length - 1] = { ...last, text: last.text.trimEnd() };
  return out;
}

function shift(l: PlacedLine, by: number): PlacedLine {
  return { text: l.text.slice(by), line: l.line, column: l.column + by, offset: l.offset + by };
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}
