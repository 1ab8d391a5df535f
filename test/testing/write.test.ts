import { describe, expect, it } from 'vitest';
import { parseTestFile } from '../../src/testing/parse.js';
import type { TestCase } from '../../src/testing/test-case.js';
import { printTestFile } from '../../src/testing/write.js';

const roundTrip = (cases: TestCase[]) => parseTestFile(printTestFile(cases), 't.yaml').cases.map(({ range: _r, ...c }) => c);

describe('printTestFile', () => {
  it('writes tb style: fixed field order, | blocks, a blank line before each - name:', () => {
    const text = printTestFile([
      { name: 'all', description: 'Every event', parameters: '', expectedResult: '{"total":2400}\n' },
      {
        name: 'bad_limit',
        parameters: 'limit=abc',
        expectedResult: "Template Syntax Error: 'abc' is not an Int32",
        expectedHttpStatus: 400,
      },
    ]);
    expect(text).toBe(
      [
        '- name: all',
        '  description: Every event',
        "  parameters: ''",
        '  expected_result: |',
        '    {"total":2400}',
        '',
        '- name: bad_limit',
        '  parameters: limit=abc',
        '  expected_result: |-',
        "    Template Syntax Error: 'abc' is not an Int32",
        '  expected_http_status: 400',
        '',
      ].join('\n'),
    );
  });

  it('round-trips awkward values exactly', () => {
    const cases: TestCase[] = [
      { name: 'yes', parameters: 'a: b', expectedResult: '  indented first line\nnext\n' },
      { name: '123', description: "it's #1", parameters: '?x=1&y=2', expectedResult: 'line\n\n\nblank lines inside\n' },
      { name: '- dash', parameters: "'quoted'", expectedResult: 'two final newlines\n\n' },
      { name: 'control', parameters: 'x=1', expectedResult: 'tab\there\r\nbell\u0007\n' },
      { name: 'empty', parameters: '', expectedResult: '' },
      { name: 'only newline', parameters: '', expectedResult: '\n' },
      { name: 'spaces', parameters: '', expectedResult: '{"a":"x  "}  \n   \n{"b":1}\n' },
      { name: 'unicode', parameters: 'c=café', expectedResult: '{"c":"café ✓"}\n' },
    ];
    expect(roundTrip(cases)).toEqual(cases);
  });

  it('writes one block per result with every NDJSON line indented under the key', () => {
    const text = printTestFile([{ name: 'rows', parameters: 'limit=2', expectedResult: '{"a":1}\n{"a":2}\n' }]);
    expect(text).toContain('  expected_result: |\n    {"a":1}\n    {"a":2}\n');
  });
});
