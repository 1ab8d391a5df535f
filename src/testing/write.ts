import { parse } from 'yaml';
import type { TestCase } from './test-case.js';

/**
 * Prints test cases as `tb test update` writes them: a YAML list with a blank line before each
 * `- name:`, fields in a fixed order and results as `|` block scalars.
 *
 * ```yaml
 * - name: total_clicks
 *   description: Clicks only
 *   parameters: event_type=click
 *   expected_result: |
 *     {"total":812}
 * ```
 */
export function printTestFile(cases: readonly TestCase[]): string {
  return cases.map(printCase).join('\n');
}

function printCase(test: TestCase): string {
  const lines = [`- name: ${scalar(test.name)}`];
  if (test.description !== undefined) lines.push(`  description: ${scalar(test.description)}`);
  lines.push(`  parameters: ${scalar(test.parameters)}`);
  lines.push(`  expected_result: ${block(test.expectedResult ?? '')}`);
  if (test.expectedHttpStatus !== undefined) lines.push(`  expected_http_status: ${test.expectedHttpStatus}`);
  return `${lines.join('\n')}\n`;
}

/** A one-line value: plain when YAML reads it back as the same string, else quoted. */
function scalar(value: string): string {
  if (value === '') return "''";
  if (!/[\n\r]/.test(value) && readsBack(value, value)) return value;
  if (!/[\x00-\x1f\x7f]/.test(value)) return `'${value.replaceAll("'", "''")}'`;
  return JSON.stringify(value);
}

/**
 * A result as a literal block (`|` keeps one final newline, `|-` none), indented
 * under the key; an indentation indicator when the first line starts with a space. Text a block
 * cannot hold exactly (control characters, carriage returns, several final newlines…) is
 * written double-quoted instead.
 */
function block(value: string): string {
  if (value === '') return "''";
  const body = value.replace(/\n+$/, '');
  const trailing = value.length - body.length;
  // `|+` would swallow the blank line that separates tests, so results ending in several newlines are quoted.
  if (body === '' || trailing > 1) return JSON.stringify(value);
  const indicator = /^\n*[ ]/.test(body) ? '2' : '';
  const lines = body.split('\n').map((l) => (l === '' ? '' : `    ${l}`));
  const text = `|${indicator}${trailing === 0 ? '-' : ''}\n${lines.join('\n')}`;
  if (!/[\x00-\x08\x0b-\x1f\x7f\r]/.test(value) && readsBack(text, value)) return text;
  return JSON.stringify(value);
}

/** Whether `field` (the text after `key: `) reads back as `value` where printCase puts it. */
function readsBack(field: string, value: string): boolean {
  try {
    return (parse(`- k: ${field}\n`) as { k?: unknown }[] | null)?.[0]?.k === value;
  } catch {
    return false;
  }
}
