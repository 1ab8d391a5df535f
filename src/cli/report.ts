import type { BuildReport } from '../api/build.js';
import { makeChalk, printDiagnostics, printJson, say } from './output.js';

/** Prints a build's diagnostics (code frames on stderr) and summary, or the whole report as JSON. */
export function printBuildReport(report: BuildReport, options: { json: boolean }): void {
  if (options.json) {
    printJson({
      ok: report.ok,
      diagnostics: report.diagnostics,
      datasources: report.datasources,
      pipes: report.pipes,
      elapsed_ms: report.elapsedMs,
    });
    return;
  }
  printDiagnostics(report.diagnostics, report.sources, { blankLine: true });
  const out = makeChalk();
  if (!report.ok) {
    say(`${out.red('✗')} Build failed`);
    return;
  }
  for (const ds of report.datasources) say(`${out.green('✓')} datasources/${ds.name} ${out.dim(`(${ds.rows} rows)`)}`);
  for (const pipe of report.pipes)
    say(
      `${out.green('✓')} ${pipe.kind === 'endpoint' ? 'endpoint' : 'pipe'} ${pipe.name}${pipe.kind === 'endpoint' ? '' : out.dim(` (${pipe.kind})`)}`,
    );
  say(`${out.green('✓')} Build completed in ${(report.elapsedMs / 1000).toFixed(1)}s`);
}
