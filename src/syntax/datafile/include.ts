import type { Diagnostic, Range } from '../../diagnostics/diagnostic.js';
import { substituteEnv } from './env.js';
import { isInstruction } from './keywords.js';
import { splitLines } from './lines.js';
import { shlexLine, unquote } from './shlex.js';

/** Where a line of the expanded text came from. */
export interface IncludedLine {
  /** The file the line was written in (the including file, or an `.incl` path as written). */
  readonly file: string;
  /** 1-based line in that file. */
  readonly line: number;
  /** 1-based line of the top-level file's INCLUDE that brought it in (its own line for top-level lines). */
  readonly includeLine: number;
}

export interface IncludeExpansion {
  readonly text: string;
  readonly lines: readonly IncludedLine[];
  readonly diagnostics: Diagnostic[];
}

/** Reads an included file by the path written in INCLUDE (relative to the top-level file); undefined if absent. */
export type ReadInclude = (includePath: string) => string | undefined;

const MAX_DEPTH = 10;

/**
 * Classic `INCLUDE "file.incl" VAR=value …`: replaces the line with the file's content, `$VAR` substituted
 * from the attributes (unknown variables stay). Nested includes resolve against the top-level file, as in
 * Classic. A missing file leaves the INCLUDE line in place and reports MK1017.
 */
export function expandIncludesDetailed(text: string, path: string, readFile: ReadInclude): IncludeExpansion {
  const diagnostics: Diagnostic[] = [];
  const out: { text: string; origin: IncludedLine }[] = [];
  const visit = (source: string, file: string, includeLine: number | undefined, depth: number): void => {
    let inBlock = false;
    for (const l of splitLines(source)) {
      const origin = { file, line: l.line, includeLine: includeLine ?? l.line };
      const words = shlexLine(l.text).tokens;
      const first = words[0]?.text ?? '';
      const closes =
        words.length > 0 && !/^[ \t]/.test(l.text) && !l.text.toLowerCase().startsWith('from') && isInstruction('include', first);
      if (inBlock && !closes) {
        out.push({ text: l.text, origin });
        continue;
      }
      inBlock = words[1]?.text === '>';
      const target = first.toLowerCase() === 'include' ? words[1] : undefined;
      if (!target) {
        out.push({ text: l.text, origin });
        continue;
      }
      const range: Range = {
        start: { line: origin.includeLine, column: 1, offset: 0 },
        end: { line: origin.includeLine, column: 1, offset: 0 },
      };
      const includePath = unquote(target.text);
      const content = depth < MAX_DEPTH ? readFile(includePath) : undefined;
      if (content === undefined) {
        const why = depth < MAX_DEPTH ? 'not found' : 'included too deeply (a loop?)';
        diagnostics.push({
          code: 'MK1017',
          severity: 'error',
          message: `INCLUDE file ${includePath} ${why}`,
          file: path,
          range,
          hint: 'The path is relative to the including file.',
        });
        out.push({ text: l.text, origin });
        continue;
      }
      const attrs = Object.fromEntries(words.slice(2).map((w) => splitAttr(unquote(w.text))));
      out.push({ text: '', origin });
      visit(substituteEnv(content, attrs), includePath, origin.includeLine, depth + 1);
    }
  };
  visit(text, path, undefined, 0);
  return { text: out.map((o) => o.text).join('\n'), lines: out.map((o) => o.origin), diagnostics };
}

/** `expandIncludesDetailed`, text only. Lines shift when files are spliced: use the detailed form to map them. */
export function expandIncludes(text: string, path: string, readFile: ReadInclude): string {
  return expandIncludesDetailed(text, path, readFile).text;
}

/** Moves diagnostics from expanded-text lines back to the top-level file (included lines → their INCLUDE line). */
export function remapIncludedDiagnostics(diagnostics: readonly Diagnostic[], expansion: IncludeExpansion): Diagnostic[] {
  return diagnostics.map((d) => {
    const origin = d.range ? expansion.lines[d.range.start.line - 1] : undefined;
    if (!d.range || !origin) return d;
    const inInclude = origin.line !== origin.includeLine || origin.file !== d.file;
    const line = origin.includeLine;
    const range: Range = inInclude
      ? { start: { line, column: 1, offset: 0 }, end: { line, column: 1, offset: 0 } }
      : { start: { ...d.range.start, line }, end: { ...d.range.end, line: line + (d.range.end.line - d.range.start.line) } };
    const message = inInclude ? `${d.message} (in ${origin.file}:${origin.line})` : d.message;
    return { ...d, message, range };
  });
}

function splitAttr(attr: string): [string, string] {
  const eq = attr.indexOf('=');
  return eq < 0 ? [attr, ''] : [attr.slice(0, eq), attr.slice(eq + 1)];
}
