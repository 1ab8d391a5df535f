import type { Command } from 'commander';
import { collect, jsonOption, projectDir, projectOption } from '../options.js';
import { makeChalk, printJson, say } from '../output.js';

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
    const { printReport } = await import('../run-test.js');
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
