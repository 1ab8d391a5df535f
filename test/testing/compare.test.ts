import { describe, expect, it } from 'vitest';
import { comparedValue, judge, updatedCase } from '../../src/testing/compare.js';
import { collapseDiff, diffLines } from '../../src/testing/diff.js';

const ok = (body: string) => ({ status: 200, body });
const error = (status: number, message: string) => ({ status, body: JSON.stringify({ error: message, documentation: '/x' }) });

describe('judge', () => {
  it('passes on exact equality of the raw body and fails on any difference, trailing newline included', () => {
    const test = { name: 't', parameters: '', expectedResult: '{"total":1}\n' };
    expect(judge(test, ok('{"total":1}\n')).passed).toBe(true);
    expect(judge(test, ok('{"total":1}'))).toMatchObject({ passed: false, reason: 'the result differs' });
  });

  it('compares the error field of a failed request, and requires its status', () => {
    const test = { name: 't', parameters: '', expectedResult: 'bad limit', expectedHttpStatus: 400 };
    expect(judge(test, error(400, 'bad limit')).passed).toBe(true);
    expect(judge(test, error(403, 'bad limit'))).toMatchObject({ passed: false, reason: 'expected HTTP 400, got HTTP 403' });
    expect(judge({ name: 't', parameters: '', expectedResult: 'bad limit' }, error(400, 'bad limit'))).toMatchObject({
      passed: false,
      reason: 'the request failed with HTTP 400 but the test expects no error',
    });
    expect(judge(test, ok('bad limit')).passed).toBe(false);
  });

  it('takes a missing expected_result as empty text', () => {
    expect(judge({ name: 't', parameters: '' }, ok('')).passed).toBe(true);
  });

  it('compares a non-JSON error body as it came', () => {
    expect(comparedValue({ status: 502, body: 'Bad gateway' })).toBe('Bad gateway');
  });
});

describe('updatedCase', () => {
  it('writes the current body, or the error and its status, keeping name, description and parameters', () => {
    const test = { name: 't', description: 'd', parameters: 'a=1', expectedResult: 'old', expectedHttpStatus: 400 };
    expect(updatedCase(test, ok('new\n'))).toEqual({
      name: 't',
      description: 'd',
      parameters: 'a=1',
      expectedResult: 'new\n',
      expectedHttpStatus: 200,
    });
    expect(updatedCase({ name: 't', parameters: '' }, ok('x\n'))).toEqual({ name: 't', parameters: '', expectedResult: 'x\n' });
    expect(updatedCase({ name: 't', parameters: '' }, error(404, 'nope'))).toEqual({
      name: 't',
      parameters: '',
      expectedResult: 'nope',
      expectedHttpStatus: 404,
    });
  });
});

describe('diffLines', () => {
  const show = (a: string, b: string) => diffLines(a, b).map((l) => `${l.op} ${l.text}`);

  it('aligns on common lines and marks removed and added ones', () => {
    expect(show('a\nb\nc\n', 'a\nB\nc\n')).toEqual(['  a', '- b', '+ B', '  c', '  ']);
    expect(show('a\nc', 'a\nb\nc')).toEqual(['  a', '+ b', '  c']);
    expect(show('x\ny\nz', 'y\nz\nw')).toEqual(['- x', '  y', '  z', '+ w']);
  });

  it('shows a missing final newline as a removed empty line', () => {
    expect(show('a\n', 'a')).toEqual(['  a', '- ']);
  });

  it('rebuilds both sides: the kept and removed lines are expected, the kept and added ones actual', () => {
    const a = 'r1\nr2\nr3\nr4\nr5\n';
    const b = 'r0\nr2\nr3x\nr4\nr6\nr5\n';
    const lines = diffLines(a, b);
    const without = (op: '+' | '-') =>
      lines
        .filter((l) => l.op !== op)
        .map((l) => l.text)
        .join('\n');
    expect(without('+')).toBe(a);
    expect(without('-')).toBe(b);
  });
});

describe('collapseDiff', () => {
  it('keeps context around changes and counts the unchanged lines it skips', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const b = a.replace('l10', 'L10');
    const out = collapseDiff(diffLines(a, b), 2);
    expect(out.map((l) => (l.op === '…' ? `… ${l.skipped}` : `${l.op} ${l.text}`))).toEqual([
      '… 8',
      '  l8',
      '  l9',
      '- l10',
      '+ L10',
      '  l11',
      '  l12',
      '… 7',
    ]);
  });
});
