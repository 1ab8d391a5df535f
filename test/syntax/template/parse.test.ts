import { describe, expect, test } from 'vitest';
import { isTemplated, parseTemplate, templateBodyOffset, templateErrorFromDiagnostics } from '../../../src/template/index.js';

const messages = (text: string) => parseTemplate(text).diagnostics.map((d) => `${d.code} ${d.message}`);

describe('template grammar', () => {
  test('builds a typed AST with expressions, blocks and ranges', () => {
    const { ast, diagnostics } = parseTemplate(
      "%\nSELECT {{ Int32(lim, 10, description='max') }}{% if a and not b %}x{% elif c >= 1 %}y{% end %}",
    );
    expect(diagnostics).toEqual([]);
    const [text, output, ifc] = ast!.body;
    expect(text).toMatchObject({ kind: 'text', value: 'SELECT ' });
    expect(output).toMatchObject({
      kind: 'output',
      source: "Int32(lim, 10, description='max')",
      expr: {
        kind: 'call',
        callee: 'Int32',
        args: [
          { kind: 'name', name: 'lim' },
          { kind: 'literal', value: 10n },
        ],
        kwargs: [{ name: 'description' }],
      },
    });
    expect(ifc).toMatchObject({
      kind: 'if',
      branches: [{ test: { kind: 'boolop', op: 'and' } }, { test: { kind: 'compare', rest: [{ op: '>=' }] } }],
    });
    // Ranges are relative to the node SQL including the `%` line.
    expect(output!.range.start).toEqual({ line: 2, column: 8, offset: 9 });
  });

  test('maps positions through mapPosition', () => {
    const { ast } = parseTemplate('%\n{{x}}', { mapPosition: (o) => ({ line: 10 + (o >= 2 ? 1 : 0), column: 5, offset: 100 + o }) });
    expect(ast!.body[0]!.range.start).toEqual({ line: 11, column: 5, offset: 102 });
    expect(ast!.firstLine).toBe(10);
  });

  test('Python expression subset: precedence, literals, subscripts, methods, conditional', () => {
    const { ast } = parseTemplate(
      "{{ -a + b * 2 if c else d[0] }}{{ {'k': [1, 2.5, (3,), None, True]} }}{{ x.split(',')[1:] }}{{ 'a' 'b' }}",
    );
    expect(ast!.body.map((c) => (c.kind === 'output' ? c.expr.kind : c.kind))).toEqual(['conditional', 'dict', 'subscript', 'literal']);
  });

  test.each([
    ['% SELECT {% if defined(x) %} x, 1', 'MK3002 Missing {% end %} block for if at line 1'],
    ['%\nselect 1\n{% for x in y %}\n', 'MK3002 Missing {% end %} block for for at line 3'],
    ['a {% end %}', 'MK3003 Extra {% end %} block at line 1'],
    ['a {% else %}', 'MK3003 else outside if, for, while, try block at line 1'],
    ['{% import os %}', 'MK3004 import is forbidden'],
    ['{% from os import popen %}', 'MK3004 from is forbidden'],
    ['{% extends "x" %}', 'MK3004 extends is forbidden'],
    ['{% foo %}', "MK3005 unknown operator: 'foo'"],
    ['a {{ x', 'MK3006 Missing end expression }} at line 1'],
    ['a {# x', 'MK3006 Missing end comment #}'],
    ['{% break %}', 'MK3007 break outside for or while block'],
    ['{{ x + }}', 'MK3001 invalid syntax: unexpected end of expression, line 1'],
    ['{% if defined((x) %}{% end %}', 'MK3001 invalid syntax: unexpected end of expression, line 1'],
    ['{{ whatever(x) }}', "MK3010 'whatever' is not a valid function, line 1"],
    ['{{ x.upper() }}', "MK3011 'upper' is not an allowed method"],
    ['{{ len([1] * 10**7) }}', 'MK3012 Invalid BinOp: Pow()'],
    ['{{ a / b }}', 'MK3012 Invalid BinOp: Div()'],
    ['{{ a % b }}', 'MK3012 Invalid BinOp: Mod()'],
  ])('%s → %s', (text, expected) => {
    expect(messages(text)).toContain(expected);
  });

  test('diagnostics become HTTP errors with Tinybird prefixes', () => {
    expect(templateErrorFromDiagnostics(parseTemplate('%\n{% if x %}').diagnostics)?.message).toBe(
      'Syntax error: Missing {% end %} block for if at line 2',
    );
    expect(templateErrorFromDiagnostics(parseTemplate('%\n\n{% if whatever(x) %}{% end %}').diagnostics)?.message).toBe(
      "Template Syntax Error: 'whatever' is not a valid function, line 3",
    );
  });

  test('the % marker', () => {
    expect(isTemplated('%\nSELECT 1')).toBe(true);
    expect(isTemplated('  % SELECT 1')).toBe(true);
    expect(isTemplated("SELECT '%'")).toBe(false);
    expect(templateBodyOffset('%\nSELECT 1')).toBe(2);
    expect(templateBodyOffset('% SELECT 1')).toBe(1);
    expect(parseTemplate('%\nSELECT {{x}}').ast!.body[0]).toMatchObject({ kind: 'text', value: 'SELECT ' });
  });
});
