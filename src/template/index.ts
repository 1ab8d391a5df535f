import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import type { Template } from '../syntax/template/ast.js';
import { parseTemplateSyntax } from '../syntax/template/parse.js';
import { checkTemplate } from './check.js';
import { TemplateError } from './errors.js';

/** The template engine's public surface: parse, render, discover parameters, escape. */

export type { Template } from '../syntax/template/ast.js';
export type { RenderOutputs } from './call.js';
export { discoverParameters, type ParamInfo } from './discover.js';
export { TemplateError } from './errors.js';
export { escapeIdentifier, escapeString, quoteIdentifier, quoteString } from './escape.js';
export { type RenderOptions, type RenderResult, renderTemplate, type TemplateParams } from './render.js';

export interface ParseTemplateOptions {
  /** Maps an offset into the node SQL (as passed, `%` line included) to a file position. */
  readonly mapPosition?: (offset: number) => Position;
  readonly file?: string;
}

/** True for node SQL that Tinybird renders as a template: its first non-blank character is `%`. */
export function isTemplated(sql: string): boolean {
  return sql.trimStart().startsWith('%');
}

/** Where the template body starts: after the `%` marker, and after its line when nothing else is on it. */
export function templateBodyOffset(sql: string): number {
  if (!isTemplated(sql)) return 0;
  const marker = sql.length - sql.trimStart().length;
  const after = marker + 1;
  const eol = sql.indexOf('\n', after);
  const restOfLine = sql.slice(after, eol < 0 ? sql.length : eol);
  if (restOfLine.trim() === '') return eol < 0 ? sql.length : eol + 1;
  return after;
}

/**
 * Parses node SQL as a template (dropping the `%` marker line) and runs the security checks. `ast` is absent
 * when there are syntax errors; check errors (unknown function …) leave it in place for tooling.
 */
export function parseTemplate(text: string, opts: ParseTemplateOptions = {}): { ast?: Template; diagnostics: Diagnostic[] } {
  const base = templateBodyOffset(text);
  const syntax = parseTemplateSyntax(text.slice(base), { baseOffset: base, fullText: text, ...opts });
  const diagnostics = [...syntax.diagnostics];
  if (!syntax.ast) return { diagnostics };
  diagnostics.push(...checkTemplate(syntax.ast, opts.file));
  return { ast: syntax.ast, diagnostics };
}

// Tinybird reports grammar problems as "Syntax error: …" and rule violations as "Template Syntax Error: …".
const GRAMMAR_CODES = new Set(['MK3001', 'MK3002', 'MK3003', 'MK3004', 'MK3005', 'MK3006', 'MK3007']);

/** The HTTP-facing error for a template that failed to parse or check (first error wins), if any. */
export function templateErrorFromDiagnostics(diagnostics: readonly Diagnostic[]): TemplateError | undefined {
  const d = diagnostics.find((x) => x.severity === 'error');
  if (!d) return undefined;
  if (d.code === 'MK3014') return new TemplateError(d.message);
  return new TemplateError(GRAMMAR_CODES.has(d.code) ? `Syntax error: ${d.message}` : `Template Syntax Error: ${d.message}`);
}
