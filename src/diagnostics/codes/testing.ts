import type { CodeInfo } from './types.js';

/** `mk test` files (`tests/<pipe>.yaml`): MK7000–MK7999. */
export const TESTING_CODES = {
  MK7001: { title: 'Invalid YAML in a test file', hint: 'Check indentation and quoting; multi-line results use a `|` block.' },
  MK7002: { title: 'Test file is not a list of tests', hint: 'Write one `- name: …` entry per test at the top level of the file.' },
  MK7003: { title: 'Test has no name', hint: 'Give every test a `name:`; names are unique within the file.' },
  MK7004: { title: 'Duplicate test name', hint: 'Test names must be unique within a file: rename one of them.' },
  MK7005: {
    title: 'Invalid test field',
    hint: 'name, description, parameters and expected_result are text; expected_http_status is a number.',
  },
  MK7006: { title: 'Unknown test field', hint: 'A test has name, description, parameters, expected_result and expected_http_status.' },
  MK7007: { title: 'Test file for an unknown pipe', hint: 'Name the file after the pipe it tests: tests/<pipe>.yaml.' },
} satisfies Record<string, CodeInfo>;
