import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { UserError } from '../diagnostics/user-error.js';
import { discoverFiles } from '../project/discover.js';
import { resourceName } from '../project/project.js';
import { judge, updatedCase } from '../testing/compare.js';
import { parseTestFile } from '../testing/parse.js';
import { queryOf, type TestCase } from '../testing/test-case.js';
import { printTestFile } from '../testing/write.js';
import { sortDiagnostics } from './build.js';
import { startTestServer } from './test-server.js';

export interface TestResult {
  readonly name: string;
  readonly parameters: string;
  readonly passed: boolean;
  readonly status: number;
  readonly expected: string;
  readonly actual: string;
  /** Why it failed (result differs, status mismatch). */
  readonly reason?: string;
  /** `mk test update`: the file now holds a different expected result for this test. */
  readonly updated?: boolean;
}

export interface TestFileReport {
  /** Path relative to the project (or as given when outside it). */
  readonly file: string;
  readonly pipe: string;
  /** Set when the file was not run (no such pipe). */
  readonly skipped?: string;
  readonly results: readonly TestResult[];
}

export interface TestReport {
  /** False when the project or a test file has errors, or (run) any test failed. */
  readonly ok: boolean;
  /** False when nothing ran because the project or a test file has errors. */
  readonly ran: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  readonly files: readonly TestFileReport[];
  readonly passed: number;
  readonly total: number;
  readonly elapsedMs: number;
}

interface LoadedFile {
  readonly path: string;
  readonly absolute: string;
  readonly pipe: string;
  readonly cases: readonly TestCase[];
}

/**
 * `mk test run|update`: builds the project into a temporary store, serves it on loopback and calls each
 * test's pipe over HTTP as `tb test` does. With `update`, rewrites each file's expected results from
 * what the pipes answer now. `files` limits the run to those test files (paths from the current folder).
 */
export async function runTests(options: { project: string; files?: readonly string[]; update?: boolean }): Promise<TestReport> {
  const started = performance.now();
  const root = resolve(options.project);
  const { files, diagnostics: fileDiagnostics, sources: testSources } = loadTestFiles(root, options.files);
  const finish = (part: Omit<TestReport, 'elapsedMs' | 'passed' | 'total' | 'sources'>, sources: ReadonlyMap<string, string>) => {
    const results = part.files.flatMap((f) => f.results);
    return {
      ...part,
      diagnostics: sortDiagnostics(part.diagnostics),
      sources: new Map([...sources, ...testSources]),
      passed: results.filter((r) => r.passed).length,
      total: results.length,
      elapsedMs: Math.round(performance.now() - started),
    };
  };
  if (hasErrors(fileDiagnostics)) return finish({ ok: false, ran: false, diagnostics: fileDiagnostics, files: [] }, new Map());
  const start = await startTestServer(root);
  const diagnostics = [...fileDiagnostics, ...start.diagnostics];
  if (!start.ok) return finish({ ok: false, ran: false, diagnostics, files: [] }, start.sources);
  const reports: TestFileReport[] = [];
  try {
    for (const file of files) {
      const pipe = start.server.pipes.find((p) => p.name === file.pipe);
      if (!pipe) {
        diagnostics.push(
          diagnostic('MK7007', `No pipe named '${file.pipe}': ${file.path} is skipped`, { file: file.path }, { severity: 'warning' }),
        );
        reports.push({ file: file.path, pipe: file.pipe, skipped: `no pipe named '${file.pipe}'`, results: [] });
        continue;
      }
      const results: TestResult[] = [];
      const updated: TestCase[] = [];
      for (const test of file.cases) {
        const response = await start.server.request(pipe, queryOf(test.parameters));
        const next = updatedCase(test, response);
        updated.push(next);
        const changed = next.expectedResult !== test.expectedResult || next.expectedHttpStatus !== test.expectedHttpStatus;
        results.push({
          name: test.name,
          parameters: test.parameters,
          ...judge(test, response),
          ...(options.update ? { updated: changed } : {}),
        });
      }
      if (options.update && results.some((r) => r.updated)) writeFileSync(file.absolute, printTestFile(updated));
      reports.push({ file: file.path, pipe: file.pipe, results });
    }
  } finally {
    await start.server.close();
  }
  const failed = reports.some((f) => f.results.some((r) => !r.passed));
  return finish({ ok: options.update ? true : !failed, ran: true, diagnostics, files: reports }, start.sources);
}

/** Reads and parses the project's `tests/*.yaml` (or the files asked for); test files have no datafile to check. */
function loadTestFiles(
  root: string,
  only: readonly string[] | undefined,
): { files: LoadedFile[]; diagnostics: Diagnostic[]; sources: Map<string, string> } {
  const paths =
    only && only.length > 0
      ? only.map((f) => {
          const absolute = [resolve(f), resolve(root, f)].find((p) => existsSync(p));
          if (!absolute) throw new UserError(`No test file ${f}`);
          return absolute;
        })
      : discoverFiles(root).tests.map((p) => resolve(root, p));
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const files: LoadedFile[] = [];
  for (const absolute of paths) {
    const rel = relative(root, absolute);
    const path = rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split('\\').join('/');
    const text = readFileSync(absolute, 'utf8');
    sources.set(path, text);
    const parsed = parseTestFile(text, path);
    diagnostics.push(...parsed.diagnostics);
    files.push({ path, absolute, pipe: resourceName(path), cases: parsed.cases });
  }
  return { files, diagnostics, sources };
}
