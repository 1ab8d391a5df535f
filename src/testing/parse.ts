import { isMap, isScalar, isSeq, type Node, type Pair, parseDocument } from 'yaml';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import { rangeOf } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { TEST_FIELDS, type TestCase } from './test-case.js';

export interface ParsedTestFile {
  readonly cases: readonly TestCase[];
  readonly diagnostics: readonly Diagnostic[];
}

const FIELDS = new Set<string>(TEST_FIELDS);

/**
 * Parses a `tests/<pipe>.yaml` file's text. Every problem becomes a diagnostic with the file's
 * line and column; entries that cannot be read are left out and the rest are still returned.
 */
export function parseTestFile(text: string, file: string): ParsedTestFile {
  const diagnostics: Diagnostic[] = [];
  const at = (node: { range?: readonly number[] | null } | null | undefined): Range | undefined =>
    node?.range ? rangeOf(text, node.range[0]!, node.range[1]!) : undefined;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    diagnostics.push(diagnostic('MK7001', firstLine(error.message), { file, range: rangeOf(text, error.pos[0], error.pos[1]) }));
  }
  if (doc.errors.length > 0) return { cases: [], diagnostics };
  const root = doc.contents;
  // An empty file is an empty test list (a freshly created file, or every test removed).
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { cases: [], diagnostics };
  if (!isSeq(root)) {
    diagnostics.push(diagnostic('MK7002', 'A test file is a list of tests (`- name: …` entries)', { file, range: at(root) }));
    return { cases: [], diagnostics };
  }
  const cases: TestCase[] = [];
  const seen = new Set<string>();
  for (const item of root.items) {
    const node = item as Node | null;
    if (!isMap(node)) {
      diagnostics.push(diagnostic('MK7002', 'Each test is a mapping with name, parameters and expected_result', { file, range: at(node) }));
      continue;
    }
    const fields = new Map<string, Pair<unknown, unknown>>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!FIELDS.has(key)) {
        diagnostics.push(
          diagnostic('MK7006', `Unknown test field '${key}' (ignored)`, { file, range: at(pair.key as Node) }, { severity: 'warning' }),
        );
        continue;
      }
      fields.set(key, pair);
    }
    const text_ = (key: string, required: boolean): string | undefined => {
      const pair = fields.get(key);
      const value = pair?.value as Node | null | undefined;
      if (value === undefined || value === null || (isScalar(value) && value.value === null)) {
        if (required) diagnostics.push(diagnostic('MK7003', 'This test has no name', { file, range: at(node) }));
        return undefined;
      }
      if (isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number' || typeof value.value === 'boolean')) {
        // YAML reads `parameters: 1` or `expected_result: 42` as numbers; the source text is what was meant.
        return typeof value.value === 'string' ? value.value : (value.source ?? String(value.value));
      }
      diagnostics.push(diagnostic('MK7005', `${key} must be text`, { file, range: at(value) }));
      return undefined;
    };
    const name = text_('name', true);
    if (name === undefined) continue;
    if (seen.has(name)) {
      diagnostics.push(diagnostic('MK7004', `Duplicate test name '${name}'`, { file, range: at(fields.get('name')?.value as Node) }));
      continue;
    }
    seen.add(name);
    const description = text_('description', false);
    const expectedResult = text_('expected_result', false);
    const status = expectedStatus(fields.get('expected_http_status'), file, at, diagnostics);
    cases.push({
      name,
      ...(description !== undefined ? { description } : {}),
      parameters: text_('parameters', false) ?? '',
      ...(expectedResult !== undefined ? { expectedResult } : {}),
      ...(status !== undefined ? { expectedHttpStatus: status } : {}),
      ...(at(node) ? { range: at(node)! } : {}),
    });
  }
  return { cases, diagnostics };
}

function expectedStatus(
  pair: Pair<unknown, unknown> | undefined,
  file: string,
  at: (node: Node | null | undefined) => Range | undefined,
  diagnostics: Diagnostic[],
): number | undefined {
  const value = pair?.value as Node | null | undefined;
  if (value === undefined || value === null || (isScalar(value) && value.value === null)) return undefined;
  const n = isScalar(value) ? Number(value.value) : Number.NaN;
  if (Number.isInteger(n) && n >= 100 && n <= 599) return n;
  diagnostics.push(diagnostic('MK7005', 'expected_http_status must be an HTTP status code such as 400', { file, range: at(value) }));
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
