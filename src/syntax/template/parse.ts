import type { IRecognitionException, IToken } from 'chevrotain';
import { type Diagnostic, type Position, positionAt } from '../../diagnostics/diagnostic.js';
import type { Template } from './ast.js';
import { lexTemplate } from './lexer.js';
import { templateParser } from './parser.js';
import { type AstContext, toTemplateAst } from './to-ast.js';

export interface TemplateSyntaxOptions {
  /** Offset of `body` inside the text that positions refer to (the node SQL, `%` line included). */
  readonly baseOffset?: number;
  /** The full text `baseOffset` points into; defaults to `body`. Used for line numbers when no `mapPosition`. */
  readonly fullText?: string;
  /** Maps an offset of `fullText` to a file position, so diagnostics come out at file:line:col. */
  readonly mapPosition?: (offset: number) => Position;
  readonly file?: string;
}

export interface TemplateSyntaxResult {
  /** Absent when the text has syntax errors. */
  readonly ast?: Template;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses template text (`{{ }}`, `{% %}`, `{# #}` mixed with raw SQL) into an AST plus diagnostics. */
export function parseTemplateSyntax(body: string, opts: TemplateSyntaxOptions = {}): TemplateSyntaxResult {
  const base = opts.baseOffset ?? 0;
  const full = opts.fullText ?? body;
  const pos = (off: number): Position => (opts.mapPosition ? opts.mapPosition(base + off) : positionAt(full, base + off));
  const diagnostics: Diagnostic[] = [];
  const ctx: AstContext = {
    diagnostics,
    range: (s, e) => ({ start: pos(s), end: pos(e) }),
    source: (s, e) => body.slice(s, e),
    report: (code, message, s, e, hint) => {
      const d: Diagnostic = { code, severity: 'error', message, range: ctx.range(s, e) };
      diagnostics.push({ ...d, ...(opts.file ? { file: opts.file } : {}), ...(hint ? { hint } : {}) });
    },
  };
  // Tinybird's messages count lines from the start of the node SQL (the `%` line is line 1).
  const sqlLine = (off: number): number => positionAt(full, base + off).line;

  const lexed = lexTemplate(body);
  for (const e of lexed.errors)
    ctx.report('MK3001', `unexpected character ${JSON.stringify(body[e.offset])}`, e.offset, e.offset + e.length);
  if (!checkBlocks(lexed.tokens, ctx, sqlLine) || lexed.errors.length > 0) return { diagnostics };

  templateParser.input = lexed.tokens;
  const cst = templateParser.template();
  if (templateParser.errors.length > 0) {
    for (const e of templateParser.errors) reportParseError(e, body, ctx, sqlLine);
    return { diagnostics };
  }
  const ast = toTemplateAst(cst, ctx, opts.mapPosition ? opts.mapPosition(0).line : 1);
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { ast, diagnostics };
}

const OPENERS: Record<string, string> = { TagIf: 'if', TagFor: 'for', TagWhile: 'while', TagTry: 'try' };
const INTERMEDIATE: Record<string, { op: string; parents: readonly string[] }> = {
  TagElif: { op: 'elif', parents: ['if'] },
  TagElse: { op: 'else', parents: ['if', 'for', 'while', 'try'] },
  TagExcept: { op: 'except', parents: ['try'] },
  TagFinally: { op: 'finally', parents: ['try'] },
};

/**
 * Checks that block tags nest before the grammar runs, so an unclosed `{% if %}` gets Tinybird's message
 * ("Missing {% end %} block for if at line N") instead of a generic "expected TagEnd".
 */
function checkBlocks(tokens: IToken[], ctx: AstContext, sqlLine: (off: number) => number): boolean {
  const stack: { op: string; tok: IToken }[] = [];
  let ok = true;
  for (const tok of tokens) {
    const name = tok.tokenType.name;
    const opener = OPENERS[name];
    const end = tok.endOffset! + 1;
    if (opener) stack.push({ op: opener, tok });
    else if (name === 'TagEnd') {
      if (stack.pop()) continue;
      ctx.report('MK3003', `Extra {% end %} block at line ${sqlLine(tok.startOffset)}`, tok.startOffset, end);
      ok = false;
    } else if (INTERMEDIATE[name]) {
      const { op, parents } = INTERMEDIATE[name];
      const top = stack[stack.length - 1];
      if (top && parents.includes(top.op)) continue;
      ctx.report('MK3003', `${op} outside ${parents.join(', ')} block at line ${sqlLine(tok.startOffset)}`, tok.startOffset, end);
      ok = false;
    }
  }
  for (const { op, tok } of stack) {
    ctx.report('MK3002', `Missing {% end %} block for ${op} at line ${sqlLine(tok.startOffset)}`, tok.startOffset, tok.endOffset! + 1);
    ok = false;
  }
  return ok;
}

function reportParseError(e: IRecognitionException, body: string, ctx: AstContext, sqlLine: (off: number) => number): void {
  const tok = e.token;
  const atEof = tok.tokenType.name === 'EOF' || Number.isNaN(tok.startOffset);
  const start = atEof ? body.length : tok.startOffset;
  const end = atEof ? body.length : tok.endOffset! + 1;
  const line = sqlLine(Math.min(start, Math.max(body.length - 1, 0)));
  if (atEof) {
    const expr = e.context.ruleStack.includes('output');
    ctx.report('MK3006', expr ? `Missing end expression }} at line ${line}` : `Missing end block %} at line ${line}`, start, end);
    return;
  }
  const what = tok.tokenType.name === 'ExprClose' || tok.tokenType.name === 'TagClose' ? 'end of expression' : `'${tok.image}'`;
  ctx.report('MK3001', `invalid syntax: unexpected ${what}, line ${line}`, start, end);
}
