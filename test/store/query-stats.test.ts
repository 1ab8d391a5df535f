import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { QueryRunner } from '../../src/store/query.js';
import { mustParseType } from '../../src/types/index.js';
import { def, tempDbFile } from './helpers.js';

const rows = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ id: from + i, name: `n${from + i}` })).join('\n');

describe('rows_read on a second connection (the query workers)', () => {
  it('follows the writer connection: appends, and a table emptied and refilled', () => {
    const file = tempDbFile();
    const store = openStore(file);
    store.createTable(def('events', { id: 'UInt32', name: 'String' }));
    store.append('events', rows(10));
    const physical = store.physicalName('events')!;
    const reader = new Database(file, { readonly: true });
    const runner = new QueryRunner(reader);
    const read = () => runner.run(`SELECT count(*) FROM "${physical}"`, [], [{ name: 'n', type: mustParseType('UInt64') }]);
    try {
      expect(read().statistics.rows_read).toBe(10);
      store.append('events', rows(5, 10));
      expect(read().data).toEqual([{ n: 15 }]);
      expect(read().statistics.rows_read).toBe(15);
      store.truncate('events');
      store.append('events', rows(3, 100));
      expect(read().statistics.rows_read).toBe(3);
    } finally {
      reader.close();
      store.close();
    }
  });
});
