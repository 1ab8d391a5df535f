import { describe, expect, it } from 'vitest';
import { parse, stripPositions } from './helpers.js';

describe('datafile AST', () => {
  it('reads a realistic datasource', () => {
    const text = `DESCRIPTION >
    Raw events

TOKEN "ingest_token" APPEND
TAGS "raw, team=data"

SCHEMA >
    \`timestamp\` DateTime64(3) \`json:$.timestamp\`,
    \`user_id\` String \`json:$.user_id\`, -- who
    # a dropped comment line
    \`amount\` Nullable(Float64) \`json:$.amount\` DEFAULT 0 CODEC(ZSTD(1)),
    \`no_type\` DEFAULT now()

INDEXES >
    idx_user user_id TYPE bloom_filter(0.001) GRANULARITY 4

ENGINE "ReplacingMergeTree"
ENGINE_PARTITION_KEY "toYYYYMM(timestamp)"
ENGINE_SORTING_KEY "user_id, timestamp"
ENGINE_VER amount

KAFKA_TOPIC 'events'`;
    const { datafile, diagnostics } = parse(text, 'events.datasource');
    expect(diagnostics).toEqual([]);
    expect(stripPositions(datafile)).toMatchInlineSnapshot(`
      {
        "description": {
          "text": "Raw events",
        },
        "engine": {
          "params": {
            "partition_key": {
              "text": "toYYYYMM(timestamp)",
            },
            "sorting_key": {
              "text": "user_id, timestamp",
            },
            "ver": {
              "text": "amount",
            },
          },
          "type": "ReplacingMergeTree",
        },
        "indexes": [
          {
            "expr": "user_id",
            "granularity": 4,
            "kind": "index",
            "name": "idx_user",
            "type": "bloom_filter(0.001)",
          },
        ],
        "kind": "datasource",
        "path": "events.datasource",
        "schema": [
          {
            "jsonPath": "$.timestamp",
            "kind": "column",
            "name": "timestamp",
            "type": "DateTime64(3)",
          },
          {
            "jsonPath": "$.user_id",
            "kind": "column",
            "name": "user_id",
            "type": "String",
          },
          {
            "codec": "CODEC(ZSTD(1))",
            "defaultExpr": "0",
            "jsonPath": "$.amount",
            "kind": "column",
            "name": "amount",
            "type": "Nullable(Float64)",
          },
          {
            "defaultExpr": "now()",
            "kind": "column",
            "name": "no_type",
          },
        ],
        "settings": [
          {
            "key": "KAFKA_TOPIC",
            "kind": "setting",
            "value": {
              "text": "events",
            },
          },
        ],
        "tags": [
          "raw",
          "team=data",
        ],
        "tokens": [
          {
            "kind": "token",
            "name": "ingest_token",
            "permission": "APPEND",
          },
        ],
      }
    `);
  });

  it('reads a realistic pipe', () => {
    const text = `DESCRIPTION Top users
TOKEN "app_read" READ

NODE filtered
DESCRIPTION >
    Filter by date
SQL >
    %
    SELECT user_id, count() AS c
    FROM events
    WHERE timestamp >= {{DateTime(start, '2024-01-01 00:00:00')}}
    GROUP BY user_id

NODE endpoint
SQL >
    SELECT * FROM filtered ORDER BY c DESC
TYPE Endpoint

NODE mv
SQL >
    SELECT 1 AS x
TYPE materialized
DATASOURCE target_ds
ENGINE "MergeTree"
ENGINE_SORTING_KEY "x"
`;
    const { datafile, diagnostics } = parse(text, 'top.pipe');
    expect(diagnostics).toEqual([]);
    expect(stripPositions(datafile)).toMatchInlineSnapshot(`
      {
        "description": {
          "text": "Top users",
        },
        "kind": "pipe",
        "nodes": [
          {
            "description": {
              "text": "Filter by date",
            },
            "kind": "node",
            "name": "filtered",
            "settings": [],
            "sql": {
              "text": "%
          SELECT user_id, count() AS c
          FROM events
          WHERE timestamp >= {{DateTime(start, '2024-01-01 00:00:00')}}
          GROUP BY user_id",
            },
            "tokens": [],
          },
          {
            "kind": "node",
            "name": "endpoint",
            "settings": [],
            "sql": {
              "text": "SELECT * FROM filtered ORDER BY c DESC",
            },
            "tokens": [],
            "type": "endpoint",
          },
          {
            "datasource": {
              "text": "target_ds",
            },
            "engine": {
              "params": {
                "sorting_key": {
                  "text": "x",
                },
              },
              "type": "MergeTree",
            },
            "kind": "node",
            "name": "mv",
            "settings": [],
            "sql": {
              "text": "SELECT 1 AS x",
            },
            "tokens": [],
            "type": "materialized",
          },
        ],
        "path": "top.pipe",
        "settings": [],
        "tags": [],
        "tokens": [
          {
            "kind": "token",
            "name": "app_read",
            "permission": "READ",
          },
        ],
      }
    `);
  });

  it('keeps precise ranges for names, types and values', () => {
    const { datafile } = parse('SCHEMA >\n    `a` String `json:$.a`\nENGINE_TTL "toDate(a)"\n', 'd.datasource');
    if (datafile.kind !== 'datasource') throw new Error('kind');
    const [col] = datafile.schema;
    expect([col?.nameRange.start, col?.typeRange?.start, col?.jsonPathRange?.start]).toEqual([
      { line: 2, column: 5, offset: 13 },
      { line: 2, column: 9, offset: 17 },
      { line: 2, column: 16, offset: 24 },
    ]);
    expect(datafile.engine.paramKeyRanges.ttl?.start).toEqual({ line: 3, column: 1, offset: 35 });
    expect(datafile.engine.params.ttl?.lines).toEqual([{ line: 3, column: 13, offset: 47 }]);
  });
});

describe('pipe-level attachments', () => {
  it('attaches TOKEN and TAGS written inside a node to the pipe, as Tinybird does', () => {
    const { datafile } = parse('NODE n\nSQL >\n    SELECT 1\nTYPE endpoint\nTOKEN t READ\nTAGS "a, b"\n', 'p.pipe');
    if (datafile.kind !== 'pipe') throw new Error('kind');
    expect(datafile.tokens.map((t) => t.name)).toEqual(['t']);
    expect(datafile.tags).toEqual(['a', 'b']);
    expect(datafile.nodes[0]?.tokens).toEqual([]);
    expect(datafile.nodes[0]?.settings).toEqual([]);
  });
});
