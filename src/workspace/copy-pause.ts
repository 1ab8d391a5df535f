import type { Store } from '../store/index.js';

const TABLE = 'svc__copy_pauses';
const ready = new WeakSet<Store>();

/**
 * Paused COPY_SCHEDULEs (`POST /v0/pipes/<pipe>/copy/pause`), by pipe name, in a plain table of the
 * store file beside the job log: a pause outlives restarts and deployments until the pipe is resumed.
 */
function table(store: Store): string {
  if (!ready.has(store)) {
    store.transaction((tx) => tx.run(`CREATE TABLE IF NOT EXISTS ${TABLE} (pipe TEXT PRIMARY KEY, paused_at TEXT NOT NULL)`));
    ready.add(store);
  }
  return TABLE;
}

/** True when the pipe's schedule is paused. */
export function copyPaused(store: Store, pipe: string): boolean {
  const t = table(store);
  return store.rows(`SELECT 1 FROM ${t} WHERE pipe = ?`, [pipe]).length > 0;
}

/** Pauses (or resumes) a pipe's schedule; returns whether that changed anything. */
export function setCopyPaused(store: Store, pipe: string, paused: boolean, at: Date = new Date()): boolean {
  const t = table(store);
  const { changes } = store.transaction((tx) =>
    paused
      ? tx.run(`INSERT OR IGNORE INTO ${t} (pipe, paused_at) VALUES (?, ?)`, [pipe, at.toISOString()])
      : tx.run(`DELETE FROM ${t} WHERE pipe = ?`, [pipe]),
  );
  return changes > 0;
}
