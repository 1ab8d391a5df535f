import type { Command } from 'commander';
import type { TestReport, TestResult } from '../../api/test.js';
// Small and pure (no yaml): cheap to load with the other commands.
import { collapseDiff, diffLines } from '../../testing/diff.js';
import { collect, jsonOption, projectDir, projectOption } from '../options.js';
import { makeChalk, printDiagnostics, printJson, say } from '../output.js';

interface TestOptions {
  project?: string;
  json?: boolean;
}

/** `mk test [run|update|create]`: Tinybird's `tb test`, on a fresh local build of the project. */
export function registerTest(mk: Command): void {
  const test = mk.command('test').description("run the project's tests/<pipe>.yaml against a fresh build (tb test)");
  const common = (cmd: Command) => jsonOption(projectOption(cmd));

  // run and update share everything but the flag, so one action serves both.
  const runAction = (update: boolean) => async (files: string[], opts: TestOptions) => {
    const { runTests } = await import('../../api/test.js');
    const report = await runTests({ project: projectDir(opts), files, update });
    printReport(report, { json: Boolean(opts.json), update });
    if (!report.ok) process.exitCode = 1;
  };
  common(
    test.command('run [files...]', { isDefault: true }).description('run every test (or those in the files given); exit 1 on a failure'),
  ).action(runAction(false));
  common(
    test
      .command('update [files...]')
      .description("rewrite each test's expected_result (and expected_http_status) from the current results"),
  ).action(runAction(true));

  common(
    test
      .command('create <pipe>')
      .description('append a test holding the current result to tests/<pipe>.yaml')
      .option('--param <key=value>', 'template parameter (repeat for several)', collect, [])
      .option('--name <name>', 'test name (default: the pipe and its parameters)')
      .option('--description <text>', 'test description'),
  ).action(async (pipe: string, opts: TestOptions & { param: string[]; name?: string; description?: string }) => {
    const { createTest } = await import('../../api/test-create.js');
    const { parseParams } = await import('../../api/endpoint.js');
    const created = await createTest({
      project: projectDir(opts),
      pipe,
      params: parseParams(opts.param),
      ...(opts.name !== undefined ? { name: opts.name } : {}),
      ...(opts.description !== undefined ? { description: opts.description } : {}),
    });
    if (opts.json) return printJson(created);
    const c = makeChalk();
    const status = created.test.expectedHttpStatus;
    say(
      `${c.green('✓')} ${created.createdFile ? 'Created' : 'Added to'} ${created.file}: test '${created.test.name}'${status ? c.dim(` (HTTP ${status})`) : ''}`,
    );
  });
}

function printReport(report: TestReport, options: { json: boolean; update: boolean }): void {
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
      `${c.red('✗')} ${report.diagnostics.some((d) => d.code.startsWith('MK7')) ? 'Test files have errors' : 'Build failed'}: no test ran`,
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
