import { describe, expect, it } from 'vitest';
import { parseSelect, printQuery, type Query } from '../../../src/syntax/sql/index.js';
import { withoutRanges } from './without-ranges.js';

function parse(sql: string): Query {
  const r = parseSelect(sql);
  expect(r.diagnostics).toEqual([]);
  return r.ast!;
}

const ROUND_TRIPS = [
  'SELECT 1',
  "SELECT a, count() AS c FROM events WHERE ts >= '2024-01-01' GROUP BY a ORDER BY c DESC LIMIT 10",
  'WITH top AS (SELECT id FROM t) SELECT * FROM top',
  'WITH 1 + 1 AS two, (SELECT max(x) FROM t) AS m SELECT two * m',
  'SELECT quantile(0.9)(latency), quantiles(0.5, 0.99)(x), count(DISTINCT user), countIf(x > 1) FROM t',
  'SELECT arrayMap(x -> x * 2, arr), arrayFilter((x, i) -> x > i, a, b) FROM t',
  "SELECT CASE WHEN a = 1 THEN 'one' WHEN a = 2 THEN 'two' ELSE 'many' END, CASE a WHEN 1 THEN 2 END FROM t",
  "SELECT CAST(x AS Nullable(String)), CAST(y, 'Date'), z::DateTime64(3), (a + b)::Float32 FROM t",
  'SELECT ts + INTERVAL 1 DAY, now() - INTERVAL 30 MINUTE FROM t',
  "SELECT [1, 2, 3], (1, 'a'), {'k': 1}, arr[1], tup.2, m['k'] FROM t",
  'SELECT * FROM t WHERE a IN (1, 2) AND b NOT IN (SELECT b FROM u) AND c GLOBAL IN (1) AND d BETWEEN 1 AND 2 AND e NOT BETWEEN 3 AND 4',
  "SELECT * FROM t WHERE a LIKE 'x%' OR b NOT LIKE '%y' OR c ILIKE 'z' OR d NOT ILIKE 'w' OR e IS NULL OR f IS NOT NULL",
  'SELECT a ? b : c, -x, NOT y, -(-1), 1 - -2, a || b FROM t',
  'SELECT * FROM a LEFT JOIN b ON a.id = b.id INNER JOIN c USING (id) RIGHT OUTER JOIN d ON 1 FULL OUTER JOIN e USING id CROSS JOIN f',
  'SELECT * FROM a ANY LEFT JOIN b USING (k) LEFT SEMI JOIN c ON a.k = c.k GLOBAL ANY INNER JOIN d USING k, e',
  'SELECT x FROM t ARRAY JOIN arr AS x, arr2 LEFT ARRAY JOIN nested AS n',
  'SELECT * FROM (SELECT 1 AS a) AS s FINAL SAMPLE 0.1',
  'SELECT * FROM t FINAL PREWHERE a = 1 WHERE b = 2',
  'SELECT a, count() FROM t GROUP BY a WITH TOTALS HAVING count() > 1',
  'SELECT a FROM t GROUP BY ALL ORDER BY a ASC NULLS FIRST, b DESC NULLS LAST',
  'SELECT d FROM t ORDER BY d WITH FILL FROM 1 TO 10 STEP 1',
  'SELECT a FROM t ORDER BY a LIMIT 2 BY b LIMIT 10 OFFSET 5',
  'SELECT a FROM t LIMIT 5, 10 SETTINGS max_threads = 1, join_use_nulls = 1 FORMAT JSON',
  'SELECT 1 UNION ALL SELECT 2 UNION DISTINCT SELECT 3',
  'SELECT row_number() OVER (PARTITION BY a ORDER BY b DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), sum(x) OVER (ORDER BY t RANGE BETWEEN 3 PRECEDING AND 1 FOLLOWING) FROM t',
  'SELECT `weird name`, "quoted", t.`order` AS `select`, count(*) FROM `db`.`t`',
  "SELECT 0x1F, 1e3, 1.5, -7, true, false, NULL, 'it\\'s\\n'",
  "SELECT t.*, * EXCEPT (a, b), COLUMNS('^x') FROM t",
  'SELECT f(x AS y), y + 1 FROM t',
  'SELECT started_at AS interval FROM t GROUP BY interval ORDER BY interval',
  'SELECT (1, 2,) , [1, 2,]',
  'SELECT t.1.2, (a, b).1 FROM x',
  "SELECT trim(BOTH 'x' FROM s), trim(LEADING ' ' FROM s), trim(s) FROM t",
];

describe('parseSelect', () => {
  it.each(ROUND_TRIPS)('round-trips %s', (sql) => {
    const ast = parse(sql);
    const printed = printQuery(ast);
    expect(withoutRanges(parse(printed))).toEqual(withoutRanges(ast));
    expect(printQuery(parse(printed))).toBe(printed);
  });

  it('builds readonly plain nodes with precedence as ClickHouse', () => {
    const ast = parse('SELECT a + b * c AS x FROM t WHERE NOT a = 1 OR b AND c');
    expect(withoutRanges(ast)).toMatchInlineSnapshot(`
      {
        "distinct": false,
        "from": {
          "final": false,
          "kind": "table",
          "parts": [
            "t",
          ],
        },
        "items": [
          {
            "expr": {
              "kind": "binary",
              "left": {
                "kind": "column",
                "parts": [
                  "a",
                ],
              },
              "op": "+",
              "right": {
                "kind": "binary",
                "left": {
                  "kind": "column",
                  "parts": [
                    "b",
                  ],
                },
                "op": "*",
                "right": {
                  "kind": "column",
                  "parts": [
                    "c",
                  ],
                },
              },
            },
            "kind": "alias",
            "name": "x",
          },
        ],
        "kind": "select",
        "orderBy": [],
        "settings": [],
        "where": {
          "kind": "binary",
          "left": {
            "kind": "unary",
            "op": "not",
            "operand": {
              "kind": "binary",
              "left": {
                "kind": "column",
                "parts": [
                  "a",
                ],
              },
              "op": "=",
              "right": {
                "kind": "literal",
                "text": "1",
                "value": 1,
              },
            },
          },
          "op": "or",
          "right": {
            "kind": "binary",
            "left": {
              "kind": "column",
              "parts": [
                "b",
              ],
            },
            "op": "and",
            "right": {
              "kind": "column",
              "parts": [
                "c",
              ],
            },
          },
        },
        "with": [],
      }
    `);
  });

  it('reads LIMIT n, m as offset n, count m', () => {
    const ast = parse('SELECT 1 LIMIT 5, 10');
    expect(ast.kind === 'select' && withoutRanges(ast.limit)).toEqual({
      count: { kind: 'literal', value: 10, text: '10' },
      offset: { kind: 'literal', value: 5, text: '5' },
    });
  });

  it('parses the type of a cast with src/types', () => {
    const ast = parse('SELECT x::Nullable(DateTime64(3))');
    const item = ast.kind === 'select' ? ast.items[0] : undefined;
    expect(item?.kind === 'cast' && item.type).toEqual({ kind: 'nullable', inner: { kind: 'datetime64', precision: 3 } });
  });

  it('reports a syntax error at the offending token', () => {
    const r = parseSelect('SELECT a\nFROM t WHERE\nGROUP BY a', { file: 'p.pipe' });
    expect(r.ast).toBeUndefined();
    expect(r.diagnostics).toEqual([
      {
        code: 'MK4001',
        severity: 'error',
        message: "Unexpected 'GROUP'",
        hint: 'Check the SQL near the marked token',
        file: 'p.pipe',
        range: { start: { line: 3, column: 1, offset: 22 }, end: { line: 3, column: 6, offset: 27 } },
      },
    ]);
  });

  it('reports an unexpected end', () => {
    expect(parseSelect('SELECT a FROM').diagnostics[0]).toMatchObject({
      code: 'MK4001',
      message: 'Unexpected end of SQL',
      range: { start: { offset: 13 } },
    });
  });

  it('reports an invalid cast type at the type', () => {
    expect(parseSelect('SELECT CAST(x AS Strng)').diagnostics[0]).toMatchObject({
      code: 'MK4002',
      message: "Unknown type 'Strng'",
      range: { start: { column: 18 }, end: { column: 23 } },
    });
  });

  it('maps positions through mapPosition', () => {
    const r = parseSelect('SELECT )', { mapPosition: (o) => ({ line: 10, column: o + 5, offset: o + 100 }) });
    expect(r.diagnostics[0]?.range?.start).toEqual({ line: 10, column: 12, offset: 107 });
  });
});
