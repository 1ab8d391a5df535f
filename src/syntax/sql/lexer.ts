import { Lexer } from 'chevrotain';
import { allTokens } from './tokens.js';

/** The one SQL lexer instance; keywords are matched case-insensitively. */
export const sqlLexer = new Lexer(allTokens, { ensureOptimizations: false });
