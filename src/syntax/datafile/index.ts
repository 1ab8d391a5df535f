import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Datafile, DatafileKind } from './ast.js';
import type { Env } from './env.js';
import { kindOfPath } from './kind.js';
import { lexDatafile } from './lexer.js';
import { parseTokens } from './parser.js';
import { Reporter } from './report.js';
import { toAst } from './to-ast.js';

export type * from './ast.js';
export {
  expandIncludes,
  expandIncludesDetailed,
  type IncludedLine,
  type IncludeExpansion,
  type ReadInclude,
  remapIncludedDiagnostics,
} from './include.js';
export { kindOfPath } from './kind.js';
export { printDatafile } from './print.js';

export interface ParseOptions {
  /** Path shown in diagnostics; also decides the kind when `kind` is absent. */
  readonly path: string;
  readonly kind?: DatafileKind;
  /** Variables for `$VAR` / `${VAR}` substitution; unknown ones stay as written. Default: none. */
  readonly env?: Env;
}

export interface ParseResult {
  readonly datafile: Datafile;
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses a `.datasource`, `.pipe`, `.connection` or `.incl` file. Never throws on bad input: every problem
 * Tinybird's own parser would reject is reported as a diagnostic, and the AST holds what could be read.
 */
export function parseDatafile(text: string, options: ParseOptions): ParseResult {
  const kind = options.kind ?? kindOfPath(options.path);
  const report = new Reporter(options.path);
  const lexed = lexDatafile(text, kind, options.path);
  const { cst } = parseTokens(lexed.tokens);
  const datafile = toAst(cst, kind, options.path, { kind, env: options.env ?? {}, report });
  const diagnostics = [...lexed.diagnostics, ...report.diagnostics].sort(
    (a, b) => (a.range?.start.offset ?? 0) - (b.range?.start.offset ?? 0),
  );
  return { datafile, diagnostics };
}
