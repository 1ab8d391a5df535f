import type { Diagnostic } from './diagnostic.js';

export interface RenderOptions {
  /** Source text per file, to draw code frames. */
  readonly sources?: ReadonlyMap<string, string>;
  /** Colour functions; identity when colours are off. */
  readonly paint?: Paint;
}

export interface Paint {
  readonly error: (s: string) => string;
  readonly warning: (s: string) => string;
  readonly info: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

const plain = (s: string) => s;
export const NO_PAINT: Paint = { error: plain, warning: plain, info: plain, dim: plain, bold: plain };

/**
 * Renders a diagnostic the way compilers do:
 *
 *     error[MK1002]: SQL must be multiline
 *       --> pipes/top.pipe:4:1
 *        |
 *      4 | SQL SELECT 1
 *        | ^^^
 *        = hint: Use > to start a multiline SQL block
 */
export function renderDiagnostic(d: Diagnostic, options: RenderOptions = {}): string {
  const paint = options.paint ?? NO_PAINT;
  const colour = paint[d.severity];
  const lines = [`${colour(`${d.severity}[${d.code}]`)}: ${paint.bold(d.message)}`];
  if (d.file) {
    const where = d.range ? `${d.file}:${d.range.start.line}:${d.range.start.column}` : d.file;
    lines.push(`  ${paint.dim('-->')} ${where}`);
  }
  const source = d.file ? options.sources?.get(d.file) : undefined;
  if (source !== undefined && d.range) lines.push(...codeFrame(source, d, colour, paint));
  if (d.hint) lines.push(`   ${paint.dim('=')} hint: ${d.hint}`);
  return lines.join('\n');
}

function codeFrame(source: string, d: Diagnostic, colour: (s: string) => string, paint: Paint): string[] {
  const range = d.range;
  if (!range) return [];
  const sourceLines = source.split(/\r?\n/);
  const lineNo = range.start.line;
  const text = sourceLines[lineNo - 1];
  if (text === undefined) return [];
  const gutter = String(lineNo).length + 1;
  const pad = ' '.repeat(gutter);
  const startCol = range.start.column;
  const endCol = range.end.line === lineNo ? Math.max(range.end.column, startCol + 1) : text.length + 1;
  const caretCount = Math.max(1, Math.min(endCol, text.length + 1) - startCol);
  const expanded = text.replace(/\t/g, ' ');
  return [
    `${pad}${paint.dim('|')}`,
    `${paint.dim(`${String(lineNo).padStart(gutter - 1)} |`)} ${expanded}`,
    `${pad}${paint.dim('|')} ${' '.repeat(startCol - 1)}${colour('^'.repeat(caretCount))}`,
  ];
}

/** Renders all diagnostics, then a one-line count. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const parts = diagnostics.map((d) => renderDiagnostic(d, options));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors + warnings > 0) parts.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join('\n\n');
}
