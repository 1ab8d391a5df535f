import type { TestReport, TestResult } from '../api/test.js';
import { collapseDiff, diffLines } from '../testing/diff.js';
import { makeChalk, printDiagnostics, printJson, say } from './output.js';

/** Prints a test run: JSON, or a line per test with a diff for each failure and a summary. */
export function printReport(report: TestReport, options: { json: boolean; update: boolean }): void {
  if (options.json) {
    printJson({
      ok: report.ok,
      passed: report.passed,
      total: report.total,
      elapsed_ms: report.elapsedMs,
      diagnostics: report.diagnostics,
      files: report.files.map((f) => ({
        file: f.file,
        pipe: f.pipe,
        ...(f.skipped ? { skipped: f.skipped } : {}),
        tests: f.results.map(jsonResult),
      })),
    });
    return;
  }
  printDiagnostics(report.diagnostics, report.sources, { blankLine: true });
  const c = makeChalk();
  if (!report.ran) {
    say(
      `${c.red('✗')} ${report.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('MK7')) ? 'Test files have errors' : 'Build failed'}: no test ran`,
    );
    return;
  }
  for (const file of report.files) {
    say(`${c.bold(file.file)}${file.skipped ? c.yellow(` skipped: ${file.skipped}`) : ''}`);
    for (const r of file.results) {
      if (options.update)
        say(`  ${r.updated ? `${c.yellow('↻')} ${r.name} ${c.dim('updated')}` : `${c.green('✓')} ${r.name} ${c.dim('unchanged')}`}`);
      else if (r.passed) say(`  ${c.green('✓')} ${r.name}`);
      else printFailure(r, c);
    }
  }
  const time = c.dim(`(${(report.elapsedMs / 1000).toFixed(1)}s)`);
  if (options.update) {
    const updated = report.files.flatMap((f) => f.results).filter((r) => r.updated).length;
    say(`${c.green('✓')} Updated ${updated} of ${report.total} tests ${time}`);
  } else if (report.passed === report.total) say(`${c.green('✓')} ${report.passed}/${report.total} passed ${time}`);
  else say(`${c.red('✗')} ${report.passed}/${report.total} passed ${time}`);
}

function printFailure(r: TestResult, c: ReturnType<typeof makeChalk>): void {
  say(`  ${c.red('✗')} ${r.name} ${c.dim(`(${r.parameters === '' ? 'no parameters' : r.parameters})`)}: ${r.reason ?? 'failed'}`);
  if (r.expected === r.actual) return;
  // Both sides ending in a newline (NDJSON) would show an empty last line as unchanged: leave it out.
  const trim = r.expected.endsWith('\n') && r.actual.endsWith('\n') ? (s: string) => s.slice(0, -1) : (s: string) => s;
  for (const line of collapseDiff(diffLines(trim(r.expected), trim(r.actual)))) {
    if (line.op === '…') say(c.dim(`      … ${line.skipped} unchanged line${line.skipped === 1 ? '' : 's'}`));
    else if (line.op === '-') say(c.red(`    - ${line.text}`));
    else if (line.op === '+') say(c.green(`    + ${line.text}`));
    else say(c.dim(`      ${line.text}`));
  }
  say(c.dim('    (- expected, + actual)'));
}

function jsonResult(r: TestResult) {
  return {
    name: r.name,
    parameters: r.parameters,
    passed: r.passed,
    status: r.status,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.updated !== undefined ? { updated: r.updated } : {}),
    ...(r.passed ? {} : { expected: r.expected, actual: r.actual }),
  };
}
