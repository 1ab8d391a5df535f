import { describe, expect, it } from 'vitest';
import type { PipeFile } from '../../../src/syntax/datafile/index.js';
import { parse } from './helpers.js';

function pipe(text: string, env: Record<string, string> = {}): PipeFile {
  const { datafile, diagnostics } = parse(text, 'p.pipe', env);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (datafile.kind !== 'pipe') throw new Error('not a pipe');
  return datafile;
}

const sqlOf = (text: string, env?: Record<string, string>) => pipe(text, env).nodes.map((n) => n.sql?.text);

describe('spec §1.1 lexical rules', () => {
  it.each([
    ['upper-case', 'NODE n\nSQL >\n    SELECT 1\nTYPE endpoint\n'],
    ['lower-case', 'node n\nsql >\n    SELECT 1\ntype endpoint\n'],
    ['mixed-case', 'Node n\nSql >\n    SELECT 1\nType ENDPOINT\n'],
  ])('instructions are case-insensitive (%s)', (_, text) => {
    const p = pipe(text);
    expect(p.nodes[0]?.name).toBe('n');
    expect(p.nodes[0]?.sql?.text).toBe('SELECT 1');
    expect(p.nodes[0]?.type).toBe('endpoint');
  });

  it.each([
    ['4 spaces', 'NODE n\nSQL >\n    SELECT a\n    FROM t\n', 'SELECT a\nFROM t'],
    ['2 spaces', 'NODE n\nSQL >\n  SELECT a\n    FROM t\n', 'SELECT a\n  FROM t'],
    ['tabs', 'NODE n\nSQL >\n\tSELECT a\n\tFROM t\n', 'SELECT a\nFROM t'],
    ['un-indented', 'NODE n\nSQL >\nSELECT a\nFROM t\n', 'SELECT a\nFROM t'],
    ['no trailing newline', 'NODE n\nSQL >\n    SELECT a', 'SELECT a'],
    ['CRLF line endings', 'NODE n\r\nSQL >\r\n    SELECT a\r\n    FROM t\r\n', 'SELECT a\nFROM t'],
    ['blank and # lines dropped inside the block', 'NODE n\nSQL >\n\n    SELECT a\n    # gone\n\n    FROM t\n', 'SELECT a\nFROM t'],
    ['inner # kept on a SQL line', 'NODE n\nSQL >\n    SELECT a # not a comment here\n', 'SELECT a # not a comment here'],
    ['text after > ignored', 'NODE n\nSQL > whatever\n    SELECT 1\n', 'SELECT 1'],
    ['% template: strip only', 'NODE n\nSQL >\n    %\n    SELECT {{x}}\n', '%\n    SELECT {{x}}'],
    ['% at column 0', 'NODE n\nSQL >\n%\nSELECT 1\n', '%\nSELECT 1'],
    ['% followed by SQL', 'NODE n\nSQL >\n    % SELECT 1\n', '% SELECT 1'],
  ])('SQL blocks: %s', (_, text, sql) => {
    expect(sqlOf(text)).toEqual([sql]);
  });

  it.each([
    [
      'indented type/node lines stay in the SQL',
      'NODE n\nSQL >\n    SELECT\n    type, node\n    FROM t\nTYPE endpoint\n',
      'SELECT\ntype, node\nFROM t',
    ],
    ['a non-indented known instruction closes the block', 'NODE n\nSQL >\n    SELECT 1\ntype endpoint\n', 'SELECT 1'],
    ['a non-indented unknown word does not', 'NODE n\nSQL >\nSELECT a\nWHERE a > 1\n', 'SELECT a\nWHERE a > 1'],
    ['dedent keeps relative indentation', 'NODE n\nSQL >\n    SELECT a\nWHERE a > 1\n', '    SELECT a\nWHERE a > 1'],
    ['classic: a line starting with from never closes', 'NODE n\nSQL >\nSELECT a\nfrom t\n', 'SELECT a\nfrom t'],
    ['a line with an unclosed quote never closes', "NODE n\nSQL >\nSELECT a\ntype 'x\n", "SELECT a\ntype 'x"],
  ])('block closing: %s', (_, text, sql) => {
    expect(sqlOf(text)).toEqual([sql]);
  });

  it('keeps TYPE of a node after an indented-type SQL line', () => {
    const p = pipe('NODE n\nSQL >\n    SELECT 1\ntype endpoint\n');
    expect(p.nodes[0]?.type).toBe('endpoint');
  });

  it.each([
    ['double quotes', 'DESCRIPTION "hello world"', 'hello world'],
    ['single quotes', "DESCRIPTION 'hello world'", 'hello world'],
    ['unquoted words re-joined with one space', 'DESCRIPTION hello    world', 'hello world'],
    ['# starts a comment outside quotes', 'DESCRIPTION a # b', 'a'],
    ['# inside quotes is kept', 'DESCRIPTION "a # b"', 'a # b'],
    ['quote inside a word is a plain char', "DESCRIPTION it's fine", "it's fine"],
    ['block: dedented and stripped', 'DESCRIPTION >\n    line one\n      line two\n', 'line one\n  line two'],
  ])('values: %s', (_, line, text) => {
    expect(pipe(`${line}\nNODE n\nSQL >\n    SELECT 1\n`).description?.text).toBe(text);
  });

  it('top-level # comment lines and blank lines are ignored', () => {
    expect(pipe('# a comment\n\n   # indented comment\nNODE n\nSQL >\n    SELECT 1\n').nodes).toHaveLength(1);
  });

  it('indented instructions outside a block are accepted', () => {
    expect(pipe('  NODE n\n  SQL >\n    SELECT 1\n').nodes[0]?.sql?.text).toBe('SELECT 1');
  });

  it('substitutes $VAR and ${VAR} in settings and NODE names, leaving unknown ones', () => {
    const p = pipe('NODE n_${SUFFIX}\nSQL >\n    SELECT $X\nTYPE copy\nTARGET_DATASOURCE $TARGET\nCOPY_SCHEDULE $UNSET\n', {
      SUFFIX: 'v1',
      TARGET: 'ds',
      X: 'no',
    });
    expect(p.nodes[0]?.name).toBe('n_v1');
    expect(p.nodes[0]?.targetDatasource?.text).toBe('ds');
    expect(p.nodes[0]?.copySchedule?.text).toBe('$UNSET');
    // Forward does not substitute SQL.
    expect(p.nodes[0]?.sql?.text).toBe('SELECT $X');
  });

  it('maps every stored SQL line back to its source line and column', () => {
    const sql = pipe('NODE n\nSQL >\n\n      SELECT a\n    FROM t\n').nodes[0]?.sql;
    expect(sql?.text).toBe('  SELECT a\nFROM t');
    expect(sql?.lines).toEqual([
      { line: 4, column: 5, offset: 18 },
      { line: 5, column: 5, offset: 33 },
    ]);
  });

  it('maps a % template block: first line stripped, later lines as written', () => {
    const sql = pipe('NODE n\nSQL >\n    %\n    SELECT 1\n').nodes[0]?.sql;
    expect(sql?.lines.map((l) => [l.line, l.column])).toEqual([
      [3, 5],
      [4, 1],
    ]);
  });
});
