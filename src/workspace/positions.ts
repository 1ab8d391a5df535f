import type { Diagnostic, Position, Range } from '../diagnostics/diagnostic.js';
import type { Value } from '../syntax/datafile/ast.js';

/**
 * Maps an offset in a block's stored text (a node's SQL) to its position in the datafile, through the
 * line origins the datafile parser keeps (blocks are dedented and blank lines dropped, so plain
 * arithmetic would drift).
 */
export function valuePositionMapper(value: Value): (offset: number) => Position {
  const starts: number[] = [0];
  for (let i = 0; i < value.text.length; i++) if (value.text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    const column = offset - starts[line]!;
    const origin = value.lines[line] ?? value.lines[value.lines.length - 1];
    if (!origin) return value.range.start;
    return { line: origin.line, column: origin.column + column, offset: origin.offset + column };
  };
}

/**
 * Diagnostics from rendered template SQL carry offsets into the rendered text, which no longer lines up
 * with the file. Point them at the same word in the node's source instead (first whole-word match),
 * or at the start of the SQL block when the word came from a parameter.
 */
export function remapRenderedDiagnostics(diagnostics: readonly Diagnostic[], rendered: string, source: Value, file: string): Diagnostic[] {
  const map = valuePositionMapper(source);
  return diagnostics.map((d) => {
    const range = d.range;
    let target: Range = source.range;
    if (range) {
      const word = rendered.slice(range.start.offset, range.end.offset);
      const at = word.trim() === '' ? -1 : findWord(source.text, word);
      if (at >= 0) target = { start: map(at), end: map(at + word.length) };
    }
    return { ...d, file, range: target };
  });
}

function findWord(text: string, word: string): number {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(^|[^A-Za-z0-9_])(${escaped})(?![A-Za-z0-9_])`).exec(text);
  return match ? match.index + match[1]!.length : -1;
}
