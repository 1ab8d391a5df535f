import { describe, expect, it } from 'vitest';
import { formatResponse, openStore, StoreError } from '../../src/store/index.js';
import { mustParseType } from '../../src/types/index.js';
import { def, tempDbFile } from './helpers.js';

const events = def('events', {
  timestamp: 'DateTime64(3)',
  user_id: { type: 'String', jsonPath: '$.user.id' },
  amount: { type: 'Float64', defaultExpr: '0' },
  tags: { type: 'Array(String)', jsonPath: '$.tags[:]' },
});

const cols = (spec: Record<string, string>) => Object.entries(spec).map(([name, t]) => ({ name, type: mustParseType(t) }));

describe('store: ingest and quarantine', () => {
  it('lands good rows and quarantines bad ones in one request', () => {
    const store = openStore(tempDbFile());
    store.createTable(events);
    const body = [
      '{"timestamp":"2024-01-02 03:04:05.678","user":{"id":"u1"},"amount":2.5,"tags":["a"]}',
      '{"timestamp":"later","user":{"id":"u2"},"tags":[]}',
      '{"timestamp":1704164645123,"user":{"id":"u3"},"tags":["b","c"]}',
    ].join('\n');
    expect(store.append('events', body, { importId: 'imp1' })).toEqual({ successful_rows: 2, quarantined_rows: 1 });

    const t = store.physicalName('events')!;
    const r = store.query(`SELECT timestamp, user_id, amount, tags FROM "${t}" ORDER BY timestamp`, [], events.columns);
    expect(r.data).toEqual([
      // A JSON integer in a DateTime64(3) is milliseconds, as ClickHouse reads it.
      { timestamp: '2024-01-02 03:04:05.123', user_id: 'u3', amount: 0, tags: ['b', 'c'] },
      { timestamp: '2024-01-02 03:04:05.678', user_id: 'u1', amount: 2.5, tags: ['a'] },
    ]);

    const q = store.physicalName('events_quarantine')!;
    const qr = store.query(
      `SELECT c__error_column, c__error, c__import_id, timestamp, user_id, tags FROM "${q}"`,
      [],
      cols({
        c__error_column: 'Array(String)',
        c__error: 'Array(String)',
        c__import_id: 'Nullable(String)',
        timestamp: 'Nullable(String)',
        user_id: 'Nullable(String)',
        tags: 'Nullable(String)',
      }),
    );
    expect(qr.data).toEqual([
      {
        c__error_column: ['timestamp'],
        c__error: ["value 'later' on column 'timestamp' is not DateTime64(3)"],
        c__import_id: 'imp1',
        timestamp: 'later',
        user_id: 'u2',
        tags: '[]',
      },
    ]);
    store.close();
  });

  it('rejects unknown datasources with MK5003', () => {
    const store = openStore(':memory:');
    expect(() => store.append('nope', '{}')).toThrow(StoreError);
    return expect(store.appendAsync('nope', '{}')).rejects.toMatchObject({ code: 'MK5003' });
  });

  it('takes CSV and parsed objects', () => {
    const store = openStore(':memory:');
    store.createTable(def('s', { d: 'Date', station: 'String', level: 'Float32' }));
    expect(store.append('s', '2014-07-30,"a, b",11.5\n2014-07-31,x,\n', { format: 'csv' })).toEqual({
      successful_rows: 1,
      quarantined_rows: 1,
    });
    expect(store.append('s', [{ d: '2014-08-01', station: 'y', level: 1 }])).toEqual({ successful_rows: 1, quarantined_rows: 0 });
    const r = store.query(`SELECT d, level FROM "${store.physicalName('s')}" ORDER BY d`, [], cols({ d: 'Date', level: 'Float32' }));
    expect(r.data).toEqual([
      { d: '2014-07-30', level: 11.5 },
      { d: '2014-08-01', level: 1 },
    ]);
  });

  it('truncates, replaces and deletes', () => {
    const store = openStore(':memory:');
    store.createTable(def('n', { x: 'UInt32' }));
    store.append('n', '{"x":1}\n{"x":2}\n{"x":3}');
    const count = () => store.query(`SELECT count() FROM "${store.physicalName('n')}"`, [], cols({ c: 'UInt64' })).data[0]!.c;
    expect(store.deleteWhere('n', 'x >= ?', [2])).toBe(2);
    expect(count()).toBe(1);
    expect(store.replace('n', '{"x":7}\n{"x":8}')).toEqual({ successful_rows: 2, quarantined_rows: 0 });
    expect(count()).toBe(2);
    store.truncate('n');
    expect(count()).toBe(0);
  });
});

describe('store: durability and the catalog', () => {
  it('keeps rows and table definitions across close and reopen', () => {
    const file = tempDbFile();
    const a = openStore(file);
    a.createTable(events);
    a.append('events', '{"timestamp":"2024-01-02 03:04:05","user":{"id":"u1"},"tags":[]}');
    const physical = a.physicalName('events');
    a.close();

    const b = openStore(file);
    expect(b.listTables().map((t) => [t.name, t.physical])).toEqual([['events', physical]]);
    expect(b.table('events')!.def).toEqual(events);
    const r = b.query(`SELECT user_id FROM "${physical}"`, [], cols({ user_id: 'String' }));
    expect(r.data).toEqual([{ user_id: 'u1' }]);
    // Same definition: kept as is, with its rows.
    expect(b.createTable(events)).toBe(physical);
    const reordered = {
      engine: { sortingKey: events.engine.sortingKey, kind: 'MergeTree' },
      columns: events.columns.map((c) => ({ ...c })),
      name: 'events',
    };
    expect(b.createTable(reordered)).toBe(physical);
    expect(() => b.createTable(def('events', { x: 'UInt8' }))).toThrow(/another schema/);
    b.close();
  });

  it('uses WAL and synchronous=FULL', () => {
    const store = openStore(tempDbFile());
    const r = store.query('SELECT journal_mode AS j FROM pragma_journal_mode', [], cols({ j: 'String' }));
    expect(r.data).toEqual([{ j: 'wal' }]);
    const s = store.query('SELECT synchronous AS s FROM pragma_synchronous', [], cols({ s: 'UInt8' }));
    expect(s.data).toEqual([{ s: 2 }]);
    store.close();
  });

  it('stages a new generation beside the live one and promotes it atomically', () => {
    const file = tempDbFile();
    const store = openStore(file);
    store.createTable(def('a', { x: 'UInt8' }));
    store.createTable(def('b', { y: 'String' }));
    store.append('a', '{"x":1}');
    store.append('b', '{"y":"keep"}');
    const oldA = store.physicalName('a')!;
    const oldB = store.physicalName('b')!;

    const newA = store.stageTable(def('a', { x: 'UInt8', z: { type: 'String', defaultExpr: "'d'" } }));
    expect(store.physicalName('a')).toBe(oldA);
    const abandoned = store.stageTable(def('c', { w: 'UInt8' }));
    expect(store.listStaged().map((s) => s.physical)).toEqual([newA, abandoned]);
    store.discardStaged(abandoned);
    // A deployment backfills the staged table, then switches.
    store.transaction((tx) => tx.run(`INSERT INTO "${newA}" SELECT x, 'from-old' FROM "${tx.physicalName('a')}"`));
    store.append(newA, '{"x":2}');
    store.promote({ a: newA });
    expect(store.listStaged()).toEqual([]);

    expect(store.physicalName('a')).toBe(newA);
    expect(store.physicalName('b')).toBe(oldB);
    const all = (sql: string, c: Record<string, string>) => store.query(sql, [], cols(c)).data;
    expect(all(`SELECT x, z FROM "${newA}" ORDER BY x`, { x: 'UInt8', z: 'String' })).toEqual([
      { x: 1, z: 'from-old' },
      { x: 2, z: 'd' },
    ]);
    expect(all(`SELECT y FROM "${oldB}"`, { y: 'String' })).toEqual([{ y: 'keep' }]);
    expect(all(`SELECT count() AS n FROM sqlite_master WHERE name = '${oldA}'`, { n: 'UInt64' })).toEqual([{ n: 0 }]);
    store.close();
    expect(openStore(file).physicalName('a')).toBe(newA);
  });

  it('creates an index on the sorting key', () => {
    const store = openStore(':memory:');
    store.createTable(def('e', { a: 'String', b: 'DateTime' }, { sortingKey: ['a', 'toDate(b)', 'b'] }));
    const idx = store.query(`SELECT name FROM pragma_index_list('${store.physicalName('e')}')`, [], cols({ name: 'String' })).data;
    expect(idx).toHaveLength(1);
    const info = store.query(`SELECT name FROM pragma_index_info('${idx[0]!.name}')`, [], cols({ name: 'String' })).data;
    expect(info.map((r) => r.name)).toEqual(['a', 'b']);
  });
});

describe('store: group commit', () => {
  it('writes many concurrent appends in one transaction and resolves each after COMMIT', async () => {
    const file = tempDbFile();
    const store = openStore(file);
    store.createTable(def('e', { i: 'UInt32' }));
    const before = store.stats().commits;
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => store.appendAsync('e', `{"i":${i}}\n{"i":"bad"}`)));
    expect(results.every((r) => r.successful_rows === 1 && r.quarantined_rows === 1)).toBe(true);
    expect(store.stats().commits - before).toBe(1);
    store.close();
    const again = openStore(file);
    const r = again.query(`SELECT count() AS n, sum(i) AS s FROM "${again.physicalName('e')}"`, [], cols({ n: 'UInt64', s: 'UInt64' }));
    expect(r.data).toEqual([{ n: 200, s: (199 * 200) / 2 }]);
  });

  it('fails only the request whose materialized view throws', async () => {
    const store = openStore(':memory:');
    store.createTable(def('e', { i: 'UInt32' }));
    store.addInsertListener('e', (newRows, tx) => {
      const [row] = tx.all(`SELECT max(i) AS m FROM ${newRows}`) as { m: number }[];
      if (row!.m === 13) throw new Error('unlucky');
    });
    const settled = await Promise.allSettled([1, 13, 2].map((i) => store.appendAsync('e', `{"i":${i}}`)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'MK5005' });
    const r = store.query(`SELECT i FROM "${store.physicalName('e')}" ORDER BY i`, [], cols({ i: 'UInt32' }));
    expect(r.data).toEqual([{ i: 1 }, { i: 2 }]);
  });
});

describe('store: materialization hook', () => {
  function withView() {
    const store = openStore(':memory:');
    store.createTable(def('clicks', { ts: 'DateTime', page: 'String' }));
    store.createTable(def('per_page', { page: 'String', n: 'UInt64' }, { kind: 'SummingMergeTree' }));
    store.createTable(def('totals', { n: 'UInt64' }));
    store.addInsertListener('clicks', (newRows, tx) => {
      tx.appendSelect('per_page', `SELECT page, count(*) FROM ${newRows} GROUP BY page`);
    });
    // A view over the view's target: inserts cascade.
    store.addInsertListener('per_page', (newRows, tx) => {
      tx.appendSelect('totals', `SELECT sum(n) FROM ${newRows}`);
    });
    return store;
  }

  it('feeds views with just the inserted rows, cascading', () => {
    const store = withView();
    store.append('clicks', '{"ts":1,"page":"a"}\n{"ts":2,"page":"a"}\n{"ts":3,"page":"b"}');
    store.append('clicks', '{"ts":4,"page":"a"}');
    const c = (s: Record<string, string>) => Object.entries(s).map(([name, t]) => ({ name, type: mustParseType(t) }));
    expect(
      store.query(`SELECT page, n FROM "${store.physicalName('per_page')}" ORDER BY rowid`, [], c({ page: 'String', n: 'UInt64' })).data,
    ).toEqual([
      { page: 'a', n: 2 },
      { page: 'b', n: 1 },
      { page: 'a', n: 1 },
    ]);
    expect(store.query(`SELECT n FROM "${store.physicalName('totals')}" ORDER BY rowid`, [], c({ n: 'UInt64' })).data).toEqual([
      { n: 3 },
      { n: 1 },
    ]);
  });

  it('keeps nothing in a Null-engine table but feeds its views', () => {
    const store = openStore(':memory:');
    store.createTable(def('raw', { page: 'String' }, { kind: 'Null', sortingKey: [] }));
    store.createTable(def('pages', { page: 'String' }));
    store.addInsertListener('raw', (newRows, tx) => {
      tx.appendSelect('pages', `SELECT upper(page) FROM ${newRows}`);
    });
    expect(store.append('raw', '{"page":"a"}\n{"page":1}\n{}')).toEqual({ successful_rows: 2, quarantined_rows: 1 });
    const n = (t: string) => store.query(`SELECT count() AS n FROM "${store.physicalName(t)}"`, [], cols({ n: 'UInt64' })).data[0]!.n;
    expect([n('raw'), n('pages'), n('raw_quarantine')]).toEqual([0, 2, 1]);
  });

  it('rolls back the whole request when a view throws', () => {
    const store = withView();
    store.addInsertListener('totals', () => {
      throw new Error('boom');
    });
    expect(() => store.append('clicks', '{"ts":1,"page":"a"}')).toThrow(/boom/);
    for (const t of ['clicks', 'per_page', 'totals']) {
      const r = store.query(`SELECT count() AS n FROM "${store.physicalName(t)}"`, [], cols({ n: 'UInt64' }));
      expect(r.data).toEqual([{ n: 0 }]);
    }
  });
});

describe('store: query results', () => {
  it("decodes values and returns Tinybird's JSON shape with statistics", () => {
    const store = openStore(':memory:');
    store.createTable(def('t', { id: 'UInt64', ok: 'Bool', at: 'DateTime', m: 'Map(String, UInt8)', n: 'Nullable(Int64)' }));
    store.append('t', '{"id":1,"ok":true,"at":"2024-01-02 03:04:05","m":{"a":1}}\n{"id":2,"ok":false,"at":0,"m":{},"n":-5}');
    const t = store.physicalName('t')!;
    const r = store.query(`SELECT id, ok, at, m, n FROM "${t}" ORDER BY id LIMIT 1`, [], store.table('t')!.def.columns, {
      rowsBeforeLimit: 2,
    });
    expect(r.meta).toEqual([
      { name: 'id', type: 'UInt64' },
      { name: 'ok', type: 'Bool' },
      { name: 'at', type: 'DateTime' },
      { name: 'm', type: 'Map(String, UInt8)' },
      { name: 'n', type: 'Nullable(Int64)' },
    ]);
    expect(r.data).toEqual([{ id: 1, ok: true, at: '2024-01-02 03:04:05', m: { a: 1 }, n: null }]);
    expect(r.rows).toBe(1);
    expect(r.rows_before_limit_at_least).toBe(2);
    expect(r.statistics.rows_read).toBe(2);
    expect(r.statistics.bytes_read).toBeGreaterThan(0);
    expect(r.statistics.elapsed).toBeGreaterThan(0);
    const parsed = JSON.parse(formatResponse(r, 'json'));
    expect(Object.keys(parsed)).toEqual(['meta', 'data', 'rows', 'rows_before_limit_at_least', 'statistics']);
    expect(Object.keys(parsed.statistics)).toEqual(['elapsed', 'rows_read', 'bytes_read']);
  });

  it('keeps 64-bit integers exact', () => {
    const store = openStore(':memory:');
    store.createTable(def('big', { v: 'Int64' }));
    store.append('big', [{ v: 2 ** 53 }]);
    store.append('big', '{"v": 9007199254740993}\n{"v": -9223372036854775808}');
    const t = store.physicalName('big')!;
    store.transaction((tx) => tx.run(`INSERT INTO "${t}" VALUES (9223372036854775807)`));
    const r = store.query(`SELECT v FROM "${t}" ORDER BY v`, [], cols({ v: 'Int64' }));
    expect(formatResponse(r, 'ndjson')).toBe(
      '{"v":-9223372036854775808}\n{"v":9007199254740992}\n{"v":9007199254740993}\n{"v":9223372036854775807}\n',
    );
  });
});

describe('store: function library', () => {
  it("registers the compiler's UDFs on its connection", async () => {
    const { registerFunctions } = await import('../../src/compile/functions/index.js');
    const store = openStore(':memory:');
    const count = () =>
      store.query(`SELECT count(*) AS n FROM pragma_function_list WHERE name LIKE 'ch\\_%' ESCAPE '\\'`, [], cols({ n: 'UInt64' })).data[0]!
        .n;
    expect(count()).toBe(0);
    store.registerUdfs(registerFunctions);
    expect(count()).toBeGreaterThan(0);
  });
});
