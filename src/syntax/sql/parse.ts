import type { IRecognitionException, IToken } from 'chevrotain';
import { type Diagnostic, type Position, positionAt } from '../../diagnostics/diagnostic.js';
import type { Query } from './ast.js';
import { sqlLexer } from './lexer.js';
import { sqlParser } from './parser.js';
import { AstBuilder, readQuery } from './to-ast.js';

export interface ParseOptions {
  /** Maps an offset in `sql` to a position in the user's file (node SQL sits inside a .pipe). */
  readonly mapPosition?: (offset: number) => Position;
  readonly file?: string;
}

export interface ParseResult {
  readonly ast?: Query;
  readonly diagnostics: Diagnostic[];
}

/** Parses one ClickHouse SELECT (optionally followed by `;`) into an AST, or diagnostics with ranges. */
export function parseSelect(sql: string, opts: ParseOptions = {}): ParseResult {
  const map = opts.mapPosition ?? ((offset: number) => positionAt(sql, offset));
  const where = (start: number, end: number) => ({
    ...(opts.file ? { file: opts.file } : {}),
    range: { start: map(start), end: map(Math.max(end, start)) },
  });
  const lexed = sqlLexer.tokenize(sql);
  const lexError = lexed.errors[0];
  if (lexError) {
    const ch = sql[lexError.offset] ?? '';
    return {
      diagnostics: [
        {
          code: 'MK4003',
          severity: 'error',
          message: `Unexpected character '${ch}' in SQL`,
          ...where(lexError.offset, lexError.offset + 1),
        },
      ],
    };
  }
  sqlParser.input = lexed.tokens;
  const cst = sqlParser.statement();
  const err = sqlParser.errors[0];
  if (err) {
    const { start, end } = errorSpan(err, sql.length);
    return {
      diagnostics: [
        { code: 'MK4001', severity: 'error', message: describe(err), hint: 'Check the SQL near the marked token', ...where(start, end) },
      ],
    };
  }
  const builder = new AstBuilder(sql, map);
  const ast = readQuery(builder, cst.children.query![0] as never);
  const diagnostics: Diagnostic[] = builder.typeErrors.map((e) => ({
    code: 'MK4002',
    severity: 'error',
    message: e.message,
    ...(opts.file ? { file: opts.file } : {}),
    range: e.range,
  }));
  return { ast, diagnostics };
}

function errorSpan(err: IRecognitionException, length: number): { start: number; end: number } {
  const tok = err.token;
  if (Number.isNaN(tok.startOffset) || tok.tokenType?.name === 'EOF') {
    const prev = (err as { previousToken?: IToken }).previousToken;
    const end = prev && !Number.isNaN(prev.startOffset) ? prev.startOffset + prev.image.length : length;
    return { start: end, end };
  }
  return { start: tok.startOffset, end: tok.startOffset + tok.image.length };
}

function describe(err: IRecognitionException): string {
  const tok = err.token;
  if (Number.isNaN(tok.startOffset) || tok.tokenType?.name === 'EOF') return 'Unexpected end of SQL';
  return `Unexpected '${tok.image}'`;
}
