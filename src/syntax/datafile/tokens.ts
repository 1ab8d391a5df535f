import { createToken, Lexer } from 'chevrotain';

/**
 * Token types of the instruction grammar. The datafile format is line-oriented and its line rules come
 * from Python's shlex, so `lexer.ts` produces these tokens by hand (one line at a time) instead of with a
 * Chevrotain Lexer; the parser then sees an ordinary token stream.
 */

/** Any instruction keyword except NODE (which opens a node section). */
export const Instruction = createToken({ name: 'Instruction', pattern: Lexer.NA });
export const NodeKeyword = createToken({ name: 'NodeKeyword', pattern: Lexer.NA });
/** A shlex word after the instruction, quotes included. */
export const Word = createToken({ name: 'Word', pattern: Lexer.NA });
/** The `>` that opens a multiline block. */
export const BlockOpen = createToken({ name: 'BlockOpen', pattern: Lexer.NA });
/** One raw source line inside a `>` block (blank and `#`-only lines are already dropped). */
export const BlockLine = createToken({ name: 'BlockLine', pattern: Lexer.NA });
/** End of an instruction: after its last word, or after the last line of its block. */
export const End = createToken({ name: 'End', pattern: Lexer.NA });

export const allTokens = [NodeKeyword, Instruction, Word, BlockOpen, BlockLine, End];
