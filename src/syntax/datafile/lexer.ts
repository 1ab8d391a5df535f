import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DatafileKind } from './ast.js';
import { isInstruction } from './keywords.js';
import { type SourceLine, splitLines } from './lines.js';
import { lineRange } from './ranges.js';
import { type ShlexToken, shlexLine } from './shlex.js';
import { BlockLine, BlockOpen, End, Instruction, NodeKeyword, Word } from './tokens.js';

export interface LexResult {
  readonly tokens: IToken[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Turns a datafile into instruction tokens, following Tinybird's line algorithm (spec §1.1): each line is
 * shlex-split; `KEYWORD >` opens a block that takes raw lines until a non-indented line whose first word
 * is a known instruction of this kind (never one starting with `from`); blank and `#`-only lines vanish.
 */
export function lexDatafile(text: string, kind: DatafileKind, file: string): LexResult {
  const tokens: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  let block: { key: string; indent?: number } | undefined;
  for (const line of splitLines(text)) {
    const split = shlexLine(line.text);
    if (split.tokens.length === 0 && split.unclosedQuoteAt === undefined) continue;
    if (block) {
      const first = split.tokens[0];
      const broken = split.unclosedQuoteAt !== undefined;
      const dedented = !broken && first !== undefined && endsColumnList(kind, block, line, first);
      if (!dedented && !closesBlock(kind, line, first, broken)) {
        block.indent ??= indentOf(line.text);
        tokens.push(make(BlockLine, line, 0, line.text.length));
        continue;
      }
      if (dedented && first) {
        diagnostics.push({
          code: 'MK1019',
          severity: 'warning',
          message: `Indented ${first.text.toUpperCase()} ends the ${block.key.toUpperCase()} block`,
          file,
          range: lineRange(line, first.start, first.end),
          hint: 'Start instruction lines at column 1: Tinybird reads indented lines as part of the block.',
        });
      }
      block = undefined;
      tokens.push(endAfter(tokens));
    }
    if (split.unclosedQuoteAt !== undefined) {
      diagnostics.push({
        code: 'MK1016',
        severity: 'error',
        message: 'No closing quotation',
        file,
        range: lineRange(line, split.unclosedQuoteAt, line.text.length),
        hint: 'Close the quote, or use a > block for free text.',
      });
    }
    const words = withUnclosedTail(line, split.tokens, split.unclosedQuoteAt);
    const [first, ...rest] = words;
    if (!first) continue;
    const keyword = make(first.text.toLowerCase() === 'node' ? NodeKeyword : Instruction, line, first.start, first.end);
    keyword.payload = first.text.toLowerCase();
    tokens.push(keyword);
    if (rest[0]?.text === '>') {
      // Tinybird ignores anything after the `>`.
      tokens.push(make(BlockOpen, line, rest[0].start, rest[0].end));
      block = { key: first.text.toLowerCase() };
      continue;
    }
    for (const w of rest) tokens.push(make(Word, line, w.start, w.end));
    tokens.push(endAfter(tokens));
  }
  if (block) tokens.push(endAfter(tokens));
  return { tokens, diagnostics };
}

function closesBlock(kind: DatafileKind, line: SourceLine, first: ShlexToken | undefined, broken: boolean): boolean {
  if (!first || broken) return false;
  if (line.text.startsWith(' ') || line.text.startsWith('\t')) return false;
  // Classic: an un-indented `FROM ...` SQL line never ends a block.
  if (line.text.toLowerCase().startsWith('from')) return false;
  return isInstruction(kind, first.text);
}

/**
 * A SCHEMA or INDEXES block also ends at an instruction indented less than the block's first line.
 * Tinybird would read it as a column; real projects (accepted by Tinybird) indent instructions this way.
 */
function endsColumnList(kind: DatafileKind, block: { key: string; indent?: number }, line: SourceLine, first: ShlexToken): boolean {
  if (block.key !== 'schema' && block.key !== 'indexes') return false;
  const indent = indentOf(line.text);
  return block.indent !== undefined && indent > 0 && indent < block.indent && isInstruction(kind, first.text);
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

/** An unclosed quote swallows the rest of the line as one word, so the instruction can still be read. */
function withUnclosedTail(line: SourceLine, words: readonly ShlexToken[], at: number | undefined): ShlexToken[] {
  if (at === undefined) return [...words];
  return [...words, { text: line.text.slice(at).trimEnd(), start: at, end: line.text.trimEnd().length }];
}

function make(type: TokenType, line: SourceLine, start: number, end: number): IToken {
  const image = line.text.slice(start, end);
  return createTokenInstance(
    type,
    image,
    line.offset + start,
    line.offset + Math.max(start, end - 1),
    line.line,
    line.line,
    start + 1,
    Math.max(start + 1, end),
  );
}

/** A zero-width End token right after the previous token. */
function endAfter(tokens: readonly IToken[]): IToken {
  const last = tokens[tokens.length - 1];
  const offset = last ? (last.endOffset ?? last.startOffset) + 1 : 0;
  const line = last?.endLine ?? 1;
  const column = last ? (last.endColumn ?? 0) + 1 : 1;
  return createTokenInstance(End, '', offset, offset, line, line, column, column);
}
