import { describe, expect, it } from 'vitest';
import { expandIncludes, expandIncludesDetailed, remapIncludedDiagnostics } from '../../../src/syntax/datafile/index.js';
import { parse } from './helpers.js';

const files: Record<string, string> = {
  'nodes.incl': 'NODE shared_$SUFFIX\nSQL >\n    SELECT * FROM $TABLE\n',
  'nested.incl': 'INCLUDE "nodes.incl" SUFFIX=inner TABLE=t2\n',
  'loop.incl': 'INCLUDE "loop.incl"\n',
};
const read = (p: string) => files[p];

describe('expandIncludes', () => {
  it('splices the file in place of the line, substituting $VAR from the attributes', () => {
    const text = expandIncludes('INCLUDE "nodes.incl" SUFFIX=a "TABLE=events"\nNODE end\nSQL >\n    SELECT 1\n', 'p.pipe', read);
    const { datafile, diagnostics } = parse(text, 'p.pipe');
    expect(diagnostics).toEqual([]);
    expect(datafile.kind === 'pipe' && datafile.nodes.map((n) => [n.name, n.sql?.text])).toEqual([
      ['shared_a', 'SELECT * FROM events'],
      ['end', 'SELECT 1'],
    ]);
  });

  it('expands nested includes and tracks where each line came from', () => {
    const x = expandIncludesDetailed('NODE a\nSQL >\n    SELECT 1\nINCLUDE "nested.incl"\n', 'p.pipe', read);
    expect(x.diagnostics).toEqual([]);
    expect(x.text).toContain('NODE shared_inner');
    expect(x.lines.at(-1)).toEqual({ file: 'nodes.incl', line: 3, includeLine: 4 });
  });

  it('reports a missing file and keeps the line', () => {
    const x = expandIncludesDetailed('INCLUDE "nope.incl"\n', 'p.pipe', read);
    expect(x.text).toBe('INCLUDE "nope.incl"');
    expect(x.diagnostics.map((d) => [d.code, d.message, d.range?.start.line])).toEqual([['MK1017', 'INCLUDE file nope.incl not found', 1]]);
  });

  it('stops include loops', () => {
    const x = expandIncludesDetailed('INCLUDE "loop.incl"\n', 'p.pipe', read);
    expect(x.diagnostics.map((d) => d.code)).toEqual(['MK1017']);
  });

  it('maps diagnostics in included text back to the INCLUDE line', () => {
    const x = expandIncludesDetailed('INCLUDE "bad.incl"\nNODE ok\nSQL SELECT 1\n', 'p.pipe', () => 'FOO bar\n');
    const found = remapIncludedDiagnostics(parse(x.text, 'p.pipe').diagnostics, x);
    expect(found.map((d) => [d.code, d.range?.start.line, d.message])).toEqual([
      ['MK1001', 1, 'FOO is not a valid option in pipe files. (in bad.incl:1)'],
      ['MK1002', 3, 'SQL must be multiline'],
    ]);
  });

  it('leaves INCLUDE lines inside a SQL block alone', () => {
    expect(expandIncludes('NODE a\nSQL >\n    INCLUDE x\n', 'p.pipe', read)).toBe('NODE a\nSQL >\n    INCLUDE x');
  });

  it('keeps an unexpanded INCLUDE as a setting when parsing', () => {
    const { datafile, diagnostics } = parse('INCLUDE "x.incl" A=1\nNODE n\nSQL >\n    SELECT 1\n', 'p.pipe');
    expect(diagnostics).toEqual([]);
    expect(datafile.kind === 'pipe' && datafile.settings.map((s) => [s.key, s.value.text])).toEqual([['INCLUDE', '"x.incl" A=1']]);
  });
});
