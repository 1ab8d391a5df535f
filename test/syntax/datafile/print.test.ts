import { describe, expect, it } from 'vitest';
import { printDatafile } from '../../../src/syntax/datafile/index.js';
import { parse, roundTrip, stripPositions } from './helpers.js';

const fmt = (text: string, path: string) => printDatafile(parse(text, path).datafile);

describe('printDatafile (mk fmt)', () => {
  it('prints a datasource in canonical order and form', () => {
    const text = [
      'ENGINE_SORTING_KEY user_id, timestamp',
      'ENGINE_PARTITION_KEY toYYYYMM(timestamp)',
      'ENGINE MergeTree',
      'TOKEN ingest APPEND',
      'SCHEMA >',
      '  timestamp DateTime64(3) `json:$.timestamp`,',
      '  `amount` Float64 DEFAULT 0 `json:$.amount`,  -- default before json',
      '  `tags` Array(String) `json:$.tags[:]`,',
      'DESCRIPTION Raw events',
      'KAFKA_TOPIC events',
    ].join('\n');
    expect(fmt(text, 'events.datasource')).toBe(
      [
        'DESCRIPTION >',
        '    Raw events',
        '',
        'TOKEN "ingest" APPEND',
        '',
        'SCHEMA >',
        '    `timestamp` DateTime64(3) `json:$.timestamp`,',
        '    `amount` Float64 `json:$.amount` DEFAULT 0,',
        '    `tags` Array(String) `json:$.tags[:]`',
        '',
        'ENGINE "MergeTree"',
        'ENGINE_PARTITION_KEY "toYYYYMM(timestamp)"',
        'ENGINE_SORTING_KEY "user_id, timestamp"',
        '',
        'KAFKA_TOPIC events',
        '',
      ].join('\n'),
    );
  });

  it('prints a pipe: file header, then each node with its SQL block and settings', () => {
    const text =
      'TOKEN app READ\nDESCRIPTION top users\nNODE filtered\nSQL >\n  %\n  SELECT * FROM t WHERE x = {{String(x)}}\nnode endpoint\nsql >\nSELECT * FROM filtered\ntype ENDPOINT\n';
    expect(fmt(text, 'top.pipe')).toBe(
      [
        'DESCRIPTION >',
        '    top users',
        '',
        'TOKEN "app" READ',
        '',
        'NODE filtered',
        '',
        'SQL >',
        '    %',
        '  SELECT * FROM t WHERE x = {{String(x)}}',
        '',
        'NODE endpoint',
        '',
        'SQL >',
        '    SELECT * FROM filtered',
        '',
        'TYPE endpoint',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [
      'values that need quotes',
      'DESCRIPTION >\n    a\nNODE n\nSQL >\n    SELECT 1\nTYPE copy\nCOPY_SCHEDULE "0 *  * * *"\nTARGET_DATASOURCE "a # b"\n',
      'p.pipe',
    ],
    ['a description line starting with #', 'DESCRIPTION "# not a comment"\nNODE n\nSQL >\n    SELECT 1\n', 'p.pipe'],
    ['$$ in a value', 'NODE n\nSQL >\n    SELECT 1\nTYPE copy\nTARGET_DATASOURCE a$$b\n', 'p.pipe'],
    ['multiline engine settings', 'SCHEMA >\n    a String\nENGINE_TTL >\n    toDate(a)\n    + INTERVAL 1 DAY\n', 'd.datasource'],
    [
      'INDEXES',
      'SCHEMA >\n    `a` String\nINDEXES >\n    INDEX idx a TYPE bloom_filter(0.01) GRANULARITY 4,\n    idx2 lower(a) TYPE set(100)\n',
      'd.datasource',
    ],
    [
      'a connection',
      'TYPE kafka\nKAFKA_BOOTSTRAP_SERVERS {{ tb_secret("BROKERS") }}\nKAFKA_SSL_CA_PEM >\n    -----BEGIN-----\n    abc\n',
      'c.connection',
    ],
    ['an include fragment', 'VERSION 2\nINCLUDE "_x.incl" A=1\nNODE n\nSQL >\n    SELECT 1\n', 'f.incl'],
  ])('round-trips %s', (_, text, path) => {
    const { first, printed, second, reprinted } = roundTrip(text, path);
    expect(parse(printed, path).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(stripPositions(second)).toEqual(stripPositions(first));
    expect(reprinted).toBe(printed);
    expect(printed.endsWith('\n') && !printed.endsWith('\n\n')).toBe(true);
  });
});
