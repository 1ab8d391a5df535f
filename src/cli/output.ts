import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type Paint, renderDiagnostics } from '../diagnostics/render.js';

/** Colours only for humans: off with NO_COLOR, off when stdout is not a terminal, on with FORCE_COLOR. */
export function colourEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY);
}

export function makeChalk(stream: NodeJS.WriteStream = process.stdout): ChalkInstance {
  return new Chalk({ level: colourEnabled(stream) ? 1 : 0 });
}

export function makePaint(c: ChalkInstance): Paint {
  return { error: c.red.bold, warning: c.yellow.bold, info: c.cyan, dim: c.dim, bold: c.bold };
}

/** Writes one line to stdout. */
export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Writes one line to stderr (progress and diagnostics, so stdout stays clean for --json). */
export function note(line = ''): void {
  process.stderr.write(`${line}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Diagnostics with their code frames on stderr, coloured when stderr is a terminal. `blankLine`
 * separates them from a summary printed after.
 */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources?: ReadonlyMap<string, string>,
  options: { blankLine?: boolean } = {},
): void {
  if (diagnostics.length === 0) return;
  const text = renderDiagnostics(diagnostics, { ...(sources ? { sources } : {}), paint: makePaint(makeChalk(process.stderr)) });
  note(options.blankLine ? `${text}\n` : text);
}

/** Rows as aligned columns, two spaces apart (the first row is the header); colour codes take no width. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const width = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').length;
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) =>
    r
      .map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell)))
      .join('  ')
      .trimEnd(),
  );
}
