import { DATAFILE_CODES } from '../../diagnostics/codes/datafile.js';
import type { CodeInfo } from '../../diagnostics/codes/types.js';
import type { Diagnostic, Range, Severity } from '../../diagnostics/diagnostic.js';

export type DatafileCode = keyof typeof DATAFILE_CODES;

/** Collects diagnostics for one file; the hint defaults to the code's registry hint. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly file: string) {}

  error(code: DatafileCode, message: string, range: Range, hint?: string): void {
    this.add('error', code, message, range, hint);
  }

  warn(code: DatafileCode, message: string, range: Range, hint?: string): void {
    this.add('warning', code, message, range, hint);
  }

  private add(severity: Severity, code: DatafileCode, message: string, range: Range, hint?: string): void {
    const info: CodeInfo = DATAFILE_CODES[code];
    const h = hint ?? info.hint;
    this.diagnostics.push({ code, severity, message, file: this.file, range, ...(h ? { hint: h } : {}) });
  }
}
