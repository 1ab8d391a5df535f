import { codeInfo } from './codes.js';
import type { Diagnostic, Range, Severity } from './diagnostic.js';

/** Builds a diagnostic, taking the registry's default hint when none is given. */
export function diagnostic(
  code: string,
  message: string,
  where: { file?: string; range?: Range },
  options: { severity?: Severity; hint?: string } = {},
): Diagnostic {
  const hint = options.hint ?? codeInfo(code)?.hint;
  return {
    code,
    severity: options.severity ?? 'error',
    message,
    ...(where.file !== undefined ? { file: where.file } : {}),
    ...(where.range ? { range: where.range } : {}),
    ...(hint ? { hint } : {}),
  };
}
