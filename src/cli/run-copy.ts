import { runCopyPipe } from '../api/copy.js';
import { type TargetFlags, target } from './commands/datasource.js';
import { makeChalk, printJson, say } from './output.js';

/** `mk copy run`: prints what the copy wrote. */
export async function runCopyCommand(pipe: string, opts: TargetFlags & { param: string[] }): Promise<number> {
  const result = await runCopyPipe({ ...target(opts), pipe, params: opts.param });
  if (opts.json) {
    printJson(result);
    return 0;
  }
  const verb = result.mode === 'replace' ? 'Replaced' : 'Appended';
  say(
    `${makeChalk().green('✓')} ${pipe}: ${verb} ${result.rows} rows ${result.mode === 'replace' ? 'in' : 'to'} ${result.datasource.name}`,
  );
  return 0;
}
