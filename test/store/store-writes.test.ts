import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { mustParseType } from '../../src/types/index.js';
import { def, tempDbFile } from './helpers.js';

const cols = (spec: Record<string, string>) => Object.entries(spec).map(([name, t]) => ({ name, type: mustParseType(t) }));

describe('store: batched inserts', () => {
  it('lands every row in order whatever the batch size (multi-row statements plus a remainder)', () => {
    const store = openStore(':memory:');
    store.createTable(def('n', { x: 'UInt32', s: 'String' }));
    for (const size of [1, 63, 64, 65, 200]) {
      store.truncate('n');
      const body = Array.from({ length: size }, (_, i) => JSON.stringify({ x: i, s: `v${i}` })).join('\n');
      expect(store.append('n', body).successful_rows).toBe(size);
      const r = store.query(`SELECT x, s FROM "${store.physicalName('n')}" ORDER BY rowid`, [], cols({ x: 'UInt32', s: 'String' }));
      expect(r.data).toEqual(Array.from({ length: size }, (_, i) => ({ x: i, s: `v${i}` })));
    }
  });
});

describe('store: group commit of a lone request', () => {
  it('rolls back and rejects a lone request whose view throws, then keeps going', async () => {
    const store = openStore(':memory:');
    store.createTable(def('n', { x: 'UInt32' }));
    const stop = store.addInsertListener('n', () => {
      throw new Error('boom');
    });
    await expect(store.appendAsync('n', '{"x":1}')).rejects.toThrow(/boom/);
    stop();
    await expect(store.appendAsync('n', '{"x":2}')).resolves.toEqual({ successful_rows: 1, quarantined_rows: 0 });
    expect(store.query(`SELECT x FROM "${store.physicalName('n')}"`, [], cols({ x: 'UInt32' })).data).toEqual([{ x: 2 }]);
  });
});

describe('store: durability per request', () => {
  it('commits non-durable appends without fsync and durable ones with it; both survive reopening', async () => {
    const file = tempDbFile();
    const store = openStore(file);
    store.createTable(def('n', { x: 'UInt32' }));
    const sync = () => (store as unknown as { db: { pragma(s: string, o: object): number } }).db.pragma('synchronous', { simple: true });
    await store.appendAsync('n', '{"x":1}', { durable: false });
    expect(sync()).toBe(1); // NORMAL
    await Promise.all([store.appendAsync('n', '{"x":2}', { durable: false }), store.appendAsync('n', '{"x":3}')]);
    expect(sync()).toBe(2); // FULL: one durable request makes the whole group fsync
    store.close();
    const again = openStore(file);
    expect(again.query(`SELECT count(*) AS c FROM "${again.physicalName('n')}"`, [], cols({ c: 'UInt64' })).data).toEqual([{ c: 3 }]);
    again.close();
  });
});

describe('store: selective replace and delete over a rowid view', () => {
  // What the server's condition compiler produces for `x <= 2`, written by hand here.
  const upTo2 = (view: string) => ({ sql: `SELECT _mk_rowid FROM "${view}" WHERE x <= ?`, params: [2] });

  it('replaces matching rows, drops new rows outside the condition, and feeds views with the new rows only', () => {
    const store = openStore(':memory:');
    store.createTable(def('n', { x: 'UInt32', s: 'String' }));
    store.createTable(def('seen', { x: 'UInt32' }));
    store.append('n', '{"x":1,"s":"old"}\n{"x":2,"s":"old"}\n{"x":3,"s":"old"}');
    store.addInsertListener('n', (rows, tx) => void tx.appendSelect('seen', `SELECT x FROM ${rows}`));
    const result = store.replaceWhere('n', '{"x":1,"s":"new"}\n{"x":5,"s":"new"}\n{"x":"bad"}', {}, upTo2);
    expect(result).toEqual({ successful_rows: 1, quarantined_rows: 1 });
    const rows = store.query(`SELECT x, s FROM "${store.physicalName('n')}" ORDER BY x`, [], cols({ x: 'UInt32', s: 'String' })).data;
    expect(rows).toEqual([
      { x: 1, s: 'new' },
      { x: 3, s: 'old' },
    ]);
    expect(store.query(`SELECT x FROM "${store.physicalName('seen')}"`, [], cols({ x: 'UInt32' })).data).toEqual([{ x: 1 }]);
    // Twice in a row: the scratch table and its view are made afresh each time.
    store.replaceWhere('n', '{"x":2,"s":"again"}', {}, upTo2);
    expect(store.countRows({ sql: `SELECT 1 FROM "${store.physicalName('n')}"`, params: [] })).toBe(2);
  });

  it('counts and deletes the rows a compiled selector names', () => {
    const store = openStore(':memory:');
    store.createTable(def('n', { x: 'UInt32' }));
    store.append('n', '{"x":1}\n{"x":2}\n{"x":3}');
    const select = upTo2(store.rowidView('n'));
    expect(store.countRows(select)).toBe(2);
    expect(store.deleteRows('n', select)).toBe(2);
    expect(store.countRows({ sql: `SELECT 1 FROM "${store.physicalName('n')}"`, params: [] })).toBe(1);
  });

  it('rebuilds rowid views after a schema change', () => {
    const store = openStore(':memory:');
    store.createTable(def('n', { x: 'UInt32' }));
    store.rowidView('n');
    store.createTable(def('n', { x: 'UInt32', y: 'UInt8' }), { replace: true });
    store.append('n', '{"x":1,"y":1}');
    expect(store.countRows(upTo2(store.rowidView('n')))).toBe(1);
  });
});

describe('store: staged replaces', () => {
  it('drops the staging table of a replace a crash interrupted', () => {
    const file = tempDbFile();
    const store = openStore(file);
    store.createTable(def('n', { x: 'UInt32' }));
    store.append('n', '{"x":1}');
    const id = store.beginReplace('n');
    store.appendToReplace(id, '{"x":2}');
    store.close();
    const again = openStore(file);
    const tables = again.query("SELECT count(*) AS c FROM sqlite_master WHERE name LIKE 'mk_replace%'", [], cols({ c: 'UInt64' })).data;
    expect(tables).toEqual([{ c: 0 }]);
    expect(again.query(`SELECT x FROM "${again.physicalName('n')}"`, [], cols({ x: 'UInt32' })).data).toEqual([{ x: 1 }]);
    again.close();
  });

  it('aborts a replace when its datasource is redeployed meanwhile', () => {
    const store = openStore(':memory:');
    store.createTable(def('n', { x: 'UInt32' }));
    const id = store.beginReplace('n');
    store.createTable(def('n', { x: 'UInt32', y: 'UInt8' }), { replace: true });
    expect(() => store.appendToReplace(id, '{"x":2}')).toThrow(/redeployed/);
    expect(() => store.commitReplace(id)).toThrow(/No replace in progress/);
  });
});
