import { describe, expect, it } from 'vitest';
import { parse } from './helpers.js';

/** [code, severity, message, line:col-line:col] of each diagnostic. */
function diags(text: string, path: string): [string, string, string, string][] {
  return parse(text, path).diagnostics.map((d) => [
    d.code,
    d.severity,
    d.message,
    `${d.range?.start.line}:${d.range?.start.column}-${d.range?.end.line}:${d.range?.end.column}`,
  ]);
}

const SCHEMA = 'SCHEMA >\n    `a` String\n';

describe('datafile errors', () => {
  it.each<[string, string, string, [string, string, string, string][]]>([
    [
      'unknown instruction',
      'p.pipe',
      'ODE x\nDESCRIPTION d\n',
      [['MK1001', 'error', 'ODE is not a valid option in pipe files.', '1:1-1:4']],
    ],
    [
      'unknown instruction in a datasource',
      'd.datasource',
      `FOO bar\n${SCHEMA}`,
      [['MK1001', 'error', 'FOO is not a valid option in datasource files.', '1:1-1:4']],
    ],
    [
      'an unknown word stays inside a block, as in Tinybird',
      'd.datasource',
      `${SCHEMA}FOO bar\n`,
      [['MK1110', 'error', "Missing comma before 'FOO'", '3:1-3:4']],
    ],
    ['SQL must be multiline', 'p.pipe', 'NODE n\nSQL SELECT 1\n', [['MK1002', 'error', 'SQL must be multiline', '2:1-2:4']]],
    [
      'multiline not allowed',
      'p.pipe',
      'NODE n\nSQL >\n    SELECT 1\nTYPE >\n    endpoint\n',
      [['MK1003', 'error', 'TYPE does not support multiline arguments', '4:1-4:5']],
    ],
    ['SQL before NODE', 'p.pipe', 'SQL >\n    SELECT 1\n', [['MK1004', 'error', 'SQL must be called after a NODE command', '1:1-1:4']]],
    [
      'SETTINGS',
      'd.datasource',
      `SETTINGS index_granularity=1\n${SCHEMA}`,
      [['MK1005', 'error', 'SETTINGS option is not allowed, use ENGINE_SETTINGS instead.', '1:1-1:9']],
    ],
    [
      'NODE in a datasource',
      'd.datasource',
      `NODE n\n${SCHEMA}`,
      [['MK1006', 'error', 'Datasource files cannot have nodes defined', '1:1-1:5']],
    ],
    [
      'TOKEN with one argument',
      'p.pipe',
      'TOKEN t\n',
      [['MK1007', 'error', 'TOKEN takes two params: token name and permission e.g TOKEN "read api token" READ', '1:1-1:6']],
    ],
    [
      'TOKEN with three arguments',
      'p.pipe',
      'TOKEN t READ x\n',
      [
        [
          'MK1007',
          'error',
          'Invalid number of arguments for TOKEN command: 3. Expected 2 arguments: token name and permission',
          '1:14-1:15',
        ],
      ],
    ],
    [
      'TOKEN permission in a pipe',
      'p.pipe',
      'TOKEN t APPEND\n',
      [['MK1008', 'error', 'Invalid permission: APPEND. Only READ is supported', '1:9-1:15']],
    ],
    [
      'VERSION not an integer',
      'p.pipe',
      'VERSION x\n',
      [['MK1009', 'warning', 'version must be a positive integer e.g VERSION 2', '1:9-1:10']],
    ],
    ['NODE without a name', 'p.pipe', 'NODE\n', [['MK1010', 'error', 'Missing node name', '1:1-1:5']]],
    [
      'BACKFILL value',
      'd.datasource',
      `${SCHEMA}BACKFILL all\n`,
      [['MK1011', 'error', 'all is not an allowed value for BACKFILL. Use one of: skip', '3:10-3:13']],
    ],
    [
      'deprecated',
      'd.datasource',
      `${SCHEMA}KAFKA_TARGET_PARTITIONS auto\n`,
      [['MK1012', 'warning', 'KAFKA_TARGET_PARTITIONS has been deprecated and will be ignored.', '3:1-3:24']],
    ],
    [
      'SHARED_WITH empty',
      'd.datasource',
      `${SCHEMA}SHARED_WITH >\n    ,\n`,
      [['MK1013', 'error', 'SHARED_WITH requires at least one workspace name', '3:1-3:12']],
    ],
    ['SCHEMA missing', 'd.datasource', 'ENGINE MergeTree\n', [['MK1014', 'error', 'SCHEMA is mandatory', '1:1-1:1']]],
    ['unclosed quote', 'p.pipe', 'DESCRIPTION "abc\n', [['MK1016', 'error', 'No closing quotation', '1:13-1:17']]],
    ['Boolean', 'd.datasource', 'SCHEMA >\n    `a` Boolean\n', [['MK1101', 'error', 'Boolean type is not supported', '2:9-2:16']]],
    [
      'DateTime64 without precision',
      'd.datasource',
      'SCHEMA >\n    `a` DateTime64\n',
      [['MK1102', 'error', 'DateTime64 type without precision is not supported', '2:9-2:19']],
    ],
    ['bare Int', 'd.datasource', 'SCHEMA >\n    `a` UInt\n', [['MK1103', 'error', 'Precision is mandatory for UInt types', '2:9-2:13']]],
    [
      'NOT NULL',
      'd.datasource',
      'SCHEMA >\n    `a` String NOT NULL\n',
      [['MK1104', 'error', 'NOT NULL column syntax not supported', '2:16-2:24']],
    ],
    [
      'MATERIALIZED',
      'd.datasource',
      'SCHEMA >\n    `a` String MATERIALIZED b\n',
      [['MK1105', 'error', 'MATERIALIZED columns are not supported', '2:16-2:30']],
    ],
    ['ALIAS', 'd.datasource', 'SCHEMA >\n    `a` String ALIAS b\n', [['MK1105', 'error', 'ALIAS columns are not supported', '2:16-2:23']]],
    [
      'INDEX in SCHEMA',
      'd.datasource',
      'SCHEMA >\n    `a` String,\n    INDEX i a TYPE minmax\n',
      [['MK1106', 'error', 'Forbidden INDEX definition', '3:5-3:10']],
    ],
    [
      'invalid name char',
      'd.datasource',
      'SCHEMA >\n    col#name Int32\n',
      [['MK1107', 'error', "Column name contains invalid character '#'", '2:8-2:9']],
    ],
    [
      'no type nor default',
      'd.datasource',
      'SCHEMA >\n    `a`,\n    `b` String\n',
      [['MK1108', 'error', 'Column name and either type or DEFAULT are required', '2:5-2:8']],
    ],
    [
      'DEFAULT without value',
      'd.datasource',
      'SCHEMA >\n    `a` String DEFAULT,\n    `b` String\n',
      [['MK1109', 'error', 'Missing mandatory value for DEFAULT', '2:16-2:23']],
    ],
    [
      'DEFAULT after CODEC',
      'd.datasource',
      'SCHEMA >\n    `a` String CODEC(ZSTD(1)) DEFAULT 1\n',
      [['MK1109', 'error', 'Unexpected DEFAULT after CODEC', '2:31-2:38']],
    ],
    ['unclosed backtick', 'd.datasource', 'SCHEMA >\n    `a String\n', [['MK1109', 'error', 'Expected closing backtick', '2:5-2:6']]],
    [
      'missing comma',
      'd.datasource',
      'SCHEMA >\n    `a` String\n    `b` String\n',
      [['MK1110', 'error', "Missing comma before column 'b'", '3:5-3:8']],
    ],
    ['invalid index', 'd.datasource', `${SCHEMA}INDEXES >\n    idx a minmax\n`, [['MK1120', 'error', 'Invalid INDEX syntax', '4:5-4:17']]],
  ])('%s', (_, path, text, expected) => {
    expect(diags(text, path)).toEqual(expected);
  });

  it('reports every error of a file in one run', () => {
    const text = 'SETTINGS x=1\nFOO bar\nSCHEMA >\n    `a` Boolean,\n    `b` DateTime64\n';
    expect(diags(text, 'd.datasource').map((d) => d[0])).toEqual(['MK1005', 'MK1001', 'MK1101', 'MK1102']);
  });

  it("gives a hint with each error, and Tinybird's for SQL", () => {
    const [d] = parse('NODE n\nSQL SELECT 1\n', 'p.pipe').diagnostics;
    expect(d).toMatchObject({ file: 'p.pipe', hint: 'Use > to start a multiline SQL block' });
    const [ode] = parse('ODE n\n', 'p.pipe').diagnostics;
    expect(ode?.hint).toBe('Did you mean NODE?');
  });

  it('suppresses "after a NODE" errors that follow a misspelt NODE', () => {
    expect(diags('ODE n\nSQL >\n    SELECT 1\nTYPE endpoint\n', 'p.pipe').map((d) => d[0])).toEqual(['MK1001']);
  });

  it('accepts CREATE tokens from Classic projects with a warning', () => {
    expect(diags(`${SCHEMA}TOKEN app CREATE\n`, 'd.datasource').map((d) => d.slice(0, 2))).toEqual([['MK1008', 'warning']]);
  });

  it('warns when an indented instruction ends a SCHEMA block', () => {
    const text = 'SCHEMA >\n      `a` String\n  ENGINE "MergeTree"\n';
    const { datafile, diagnostics } = parse(text, 'd.datasource');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['MK1019', 'warning']]);
    expect(datafile.kind === 'datasource' && datafile.engine.type).toBe('MergeTree');
  });
});
