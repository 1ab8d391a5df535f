import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/user-error.js';
import { updatedCase } from '../testing/compare.js';
import { parseTestFile } from '../testing/parse.js';
import { encodeParam, queryOf, type TestCase } from '../testing/test-case.js';
import { printTestFile } from '../testing/write.js';
import { startTestServer } from './test-server.js';

export interface CreatedTest {
  /** The test file, relative to the project (`tests/<pipe>.yaml`). */
  readonly file: string;
  readonly test: TestCase;
  /** Whether the file was created (else the test was appended to it). */
  readonly createdFile: boolean;
}

/**
 * `mk test create <pipe>`: calls the pipe with `params` on a fresh build of the project and appends a
 * test holding the current result to `tests/<pipe>.yaml` (created when missing). What the file already
 * holds is kept as written.
 */
export async function createTest(options: {
  project: string;
  pipe: string;
  params?: readonly (readonly [string, string])[];
  name?: string;
  description?: string;
}): Promise<CreatedTest> {
  const root = resolve(options.project);
  const file = `tests/${options.pipe}.yaml`;
  const absolute = join(root, file);
  const existing = existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
  const parsed = existing === undefined ? { cases: [], diagnostics: [] } : parseTestFile(existing, file);
  if (hasErrors(parsed.diagnostics)) throw new UserError(`${file} has errors; fix them before adding a test`, parsed.diagnostics);
  const names = new Set(parsed.cases.map((c) => c.name));
  if (options.name !== undefined && names.has(options.name)) throw new UserError(`${file} already has a test named '${options.name}'`);
  const params = options.params ?? [];
  const parameters = params.map(([k, v]) => encodeParam(k, v)).join('&');
  const name = options.name ?? uniqueName(defaultName(options.pipe, params), names);

  const start = await startTestServer(root);
  if (!start.ok) throw new UserError('The project does not build', start.diagnostics);
  let test: TestCase;
  try {
    const pipe = start.server.pipes.find((p) => p.name === options.pipe);
    if (!pipe) throw new UserError(`No pipe named '${options.pipe}'`);
    const draft: TestCase = { name, ...(options.description ? { description: options.description } : {}), parameters };
    test = updatedCase(draft, await start.server.request(pipe, queryOf(parameters)));
  } finally {
    await start.server.close();
  }
  const entry = printTestFile([test]);
  const before = existing === undefined || existing.trim() === '' ? '' : `${existing.replace(/\n*$/, '')}\n\n`;
  mkdirSync(join(root, 'tests'), { recursive: true });
  writeFileSync(absolute, before + entry);
  return { file, test, createdFile: existing === undefined };
}

/** `events_by_campaign_channel_email_limit_3`: the pipe and its parameters, as an identifier. */
function defaultName(pipe: string, params: readonly (readonly [string, string])[]): string {
  if (params.length === 0) return `${pipe}_default`;
  const slug = params
    .map(([k, v]) => `${k}_${v}`)
    .join('_')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return `${pipe}_${slug}`;
}

function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}
