import { type ILexingResult, Lexer } from 'chevrotain';
import { exprModeTokens, tagModeTokens, textModeTokens } from './tokens.js';

/** One lexer instance, reused: building it validates every pattern, which is slow. */
export const templateLexer = new Lexer(
  { modes: { text: textModeTokens, expr: exprModeTokens, tag: tagModeTokens }, defaultMode: 'text' },
  // Lookahead patterns defeat Chevrotain's first-char optimisation; that is fine for node-sized inputs.
  { positionTracking: 'full', ensureOptimizations: false, skipValidations: false },
);

/** Tokenizes template text (the node SQL without its `%` marker line). */
export function lexTemplate(text: string): ILexingResult {
  return templateLexer.tokenize(text);
}
