import type { Diagnostic } from './diagnostic.js';

/**
 * An error caused by the user's input or environment, not by a bug in mk. The CLI prints its message
 * (and diagnostics) cleanly and exits 1; anything else prints a stack trace and asks for a report.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
