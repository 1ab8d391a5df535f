import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatFiles } from '../api/fmt.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { makeChalk, printDiagnostics, say } from './output.js';

/** `mk fmt`: rewrites files, or with --check reports those that would change (exit 1). */
export async function runFmt(options: { project: string; files: string[]; check: boolean; stdout: boolean }): Promise<number> {
  const results = formatFiles({ project: options.project, files: options.files, write: !options.check && !options.stdout });
  const c = makeChalk();
  let failed = false;
  for (const r of results) {
    if (hasErrors(r.diagnostics)) {
      const sources = new Map([[r.path, readFileSync(resolve(options.project, r.path), 'utf8')]]);
      printDiagnostics(r.diagnostics, sources);
      failed = true;
      continue;
    }
    if (options.stdout) process.stdout.write(r.formatted ?? '');
    else if (options.check && r.changed) {
      say(`${c.yellow('✗')} ${r.path} is not formatted`);
      failed = true;
    } else if (r.changed) say(`${c.green('✓')} formatted ${r.path}`);
  }
  if (options.check && !failed) say(`${c.green('✓')} ${results.length} files are formatted`);
  return failed ? 1 : 0;
}
