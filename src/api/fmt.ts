import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { discoverFiles } from '../project/discover.js';
import { parseDatafile, printDatafile } from '../syntax/datafile/index.js';

export interface FmtFileResult {
  readonly path: string;
  readonly changed: boolean;
  readonly formatted?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Formats datafiles in canonical form. With `write`, changed files are rewritten; files with syntax
 * errors are left untouched and reported.
 */
export function formatFiles(options: { project: string; files: readonly string[]; write: boolean }): FmtFileResult[] {
  const paths =
    options.files.length > 0
      ? options.files.map((f) => resolve(f))
      : discoverFiles(options.project).datafiles.map((f) => resolve(options.project, f));
  return paths.map((full) => {
    const path = relative(options.project, full) || full;
    const text = readFileSync(full, 'utf8');
    const { datafile, diagnostics } = parseDatafile(text, { path });
    if (hasErrors(diagnostics)) return { path, changed: false, diagnostics };
    const formatted = printDatafile(datafile);
    const changed = formatted !== text;
    if (changed && options.write) writeFileSync(full, formatted);
    return { path, changed, formatted, diagnostics };
  });
}
