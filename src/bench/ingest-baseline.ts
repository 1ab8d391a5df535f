import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * The baseline mk is measured against: better-sqlite3 alone parsing the same NDJSON and inserting it
 * into a table of the same layout (DateTime as epoch seconds, the sorting-key index mk creates), WAL
 * with synchronous=FULL and mk's page cache size, one transaction per batch as the HTTP run commits. No HTTP, no validation.
 */
export function rawInsert(file: string, dbFile: string, batch: number): { rows: number; seconds: number } {
  const started = performance.now();
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // The same cache mk's store sets, so the ratio measures mk's overhead rather than its tuning.
  db.pragma('cache_size = -65536');
  db.exec('CREATE TABLE events (event_time INTEGER, channel TEXT, campaign TEXT, user_id TEXT, event_type TEXT)');
  db.exec('CREATE INDEX events_sk ON events (event_time, channel, campaign)');
  const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?)');
  const write = db.transaction((rows: unknown[][]) => {
    for (const r of rows) insert.run(r);
  });
  const lines = readFileSync(file, 'utf8').split('\n');
  let rows = 0;
  let pending: unknown[][] = [];
  for (const line of lines) {
    if (line === '') continue;
    const o = JSON.parse(line) as Record<string, string>;
    pending.push([Date.parse(`${o.event_time!.replace(' ', 'T')}Z`) / 1000, o.channel, o.campaign, o.user_id, o.event_type]);
    if (pending.length === batch) {
      write(pending);
      rows += pending.length;
      pending = [];
    }
  }
  if (pending.length > 0) write(pending);
  rows += pending.length;
  db.close();
  return { rows, seconds: (performance.now() - started) / 1000 };
}
