import { describe, expect, it } from 'vitest';
import { testUrl } from '../../src/api/test-server.js';
import type { PipeInfo } from '../../src/workspace/types.js';

const pipe = (name: string, kind: PipeInfo['kind']): PipeInfo => ({ name, kind, nodes: [], params: [], columns: [] });

describe('testUrl', () => {
  it('calls an endpoint as NDJSON with the test parameters, re-quoted', () => {
    expect(testUrl('http://h', pipe('top', 'endpoint'), 'limit=3&t=2026-09-10 00:00:00')).toBe(
      'http://h/v0/pipes/top.ndjson?limit=3&t=2026-09-10%2000:00:00',
    );
  });

  it("reads another pipe's result through the Query API with pipeline=", () => {
    expect(testUrl('http://h', pipe('daily_mv', 'materialized'), 'a=1')).toBe(
      'http://h/v0/sql?q=SELECT%20*%20FROM%20_%20FORMAT%20JSONEachRow&pipeline=daily_mv&a=1',
    );
    expect(testUrl('http://h', pipe('daily_mv', 'materialized'), '')).toBe(
      'http://h/v0/sql?q=SELECT%20*%20FROM%20_%20FORMAT%20JSONEachRow&pipeline=daily_mv',
    );
  });
});
