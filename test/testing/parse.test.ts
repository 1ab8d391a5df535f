import { describe, expect, it } from 'vitest';
import { parseTestFile } from '../../src/testing/parse.js';
import { encodeParam, queryOf, requote } from '../../src/testing/test-case.js';

const FILE = 'tests/total_events.yaml';

describe('parseTestFile', () => {
  it('reads tb test entries, block scalars included', () => {
    const text = [
      '- name: all',
      '  description: Every event',
      "  parameters: ''",
      '  expected_result: |',
      '    {"total":2400}',
      '',
      '- name: clicks',
      '  parameters: event_type=click&x=1',
      '  expected_result: |-',
      '    boom',
      '  expected_http_status: 400',
      '',
    ].join('\n');
    const { cases, diagnostics } = parseTestFile(text, FILE);
    expect(diagnostics).toEqual([]);
    expect(cases.map(({ range: _r, ...c }) => c)).toEqual([
      { name: 'all', description: 'Every event', parameters: '', expectedResult: '{"total":2400}\n' },
      { name: 'clicks', parameters: 'event_type=click&x=1', expectedResult: 'boom', expectedHttpStatus: 400 },
    ]);
    expect(cases[1]!.range?.start.line).toBe(7);
  });

  it('keeps the ? part of parameters for queryOf, which drops everything before it', () => {
    const { cases } = parseTestFile('- name: a\n  parameters: /v0/pipes/x.json?channel=email&limit=2\n', FILE);
    expect(cases[0]!.parameters).toBe('/v0/pipes/x.json?channel=email&limit=2');
    expect(queryOf(cases[0]!.parameters)).toBe('channel=email&limit=2');
    expect(queryOf('?limit=2')).toBe('limit=2');
    expect(queryOf('limit=2')).toBe('limit=2');
  });

  it('reads numbers written without quotes as their source text', () => {
    const { cases } = parseTestFile('- name: 2024\n  parameters: 1\n  expected_result: 42\n', FILE);
    expect(cases[0]).toMatchObject({ name: '2024', parameters: '1', expectedResult: '42' });
  });

  it('reports a duplicate name with its line and column, and keeps the first', () => {
    const { cases, diagnostics } = parseTestFile('- name: a\n  parameters: x=1\n- name: a\n  parameters: x=2\n', FILE);
    expect(cases.map((c) => c.parameters)).toEqual(['x=1']);
    expect(diagnostics).toMatchObject([{ code: 'MK7004', file: FILE, range: { start: { line: 3, column: 9 } } }]);
  });

  it('reports invalid YAML at its position', () => {
    const { cases, diagnostics } = parseTestFile('- name: a\n  parameters: [x\n', FILE);
    expect(cases).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ code: 'MK7001', severity: 'error', file: FILE });
    expect(diagnostics[0]!.range?.start.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a file that is not a list, an entry without a name, bad fields and unknown fields', () => {
    expect(parseTestFile('name: a\n', FILE).diagnostics.map((d) => d.code)).toEqual(['MK7002']);
    const { cases, diagnostics } = parseTestFile(
      '- description: no name\n- name: b\n  parameters: [1]\n  expected_http_status: teapot\n  expected: x\n',
      FILE,
    );
    expect(diagnostics.map((d) => [d.code, d.severity, d.range?.start.line])).toEqual([
      ['MK7003', 'error', 1],
      ['MK7006', 'warning', 5],
      ['MK7005', 'error', 4],
      ['MK7005', 'error', 3],
    ]);
    expect(cases.map((c) => c.name)).toEqual(['b']);
  });

  it('reads an empty file as no tests', () => {
    expect(parseTestFile('', FILE)).toEqual({ cases: [], diagnostics: [] });
    expect(parseTestFile('# nothing yet\n', FILE)).toEqual({ cases: [], diagnostics: [] });
  });
});

describe('query strings', () => {
  it('re-quotes what a URL cannot hold and keeps escapes', () => {
    expect(requote('start_time=2026-09-01 00:00:00&c=a%20b')).toBe('start_time=2026-09-01%2000:00:00&c=a%20b');
    expect(requote('p=100%&q=é')).toBe('p=100%25&q=%C3%A9');
  });

  it('encodes a --param pair so its value cannot split the query', () => {
    expect(encodeParam('q', 'a&b=c')).toBe('q=a%26b%3Dc');
    expect(encodeParam('t', '2026-09-01 00:00:00')).toBe('t=2026-09-01 00:00:00');
  });
});
