/**
 * Group commit: requests queued during one tick of the event loop are written in a single
 * transaction on the next (setImmediate), and each caller is resolved only after COMMIT returns, so
 * every 2xx is durable while an fsync is shared by many small concurrent requests. Each request
 * runs in its own savepoint: one failing (a materialized view throwing) rolls back only its own rows.
 */
export interface Pending<T> {
  readonly work: () => T;
  /** False when the caller accepts an acknowledgement before fsync (see Store.appendAsync). */
  readonly durable: boolean;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}

export class GroupCommit<T> {
  private queue: Pending<T>[] = [];
  private scheduled = false;

  /**
   * @param transaction runs `body` in one write transaction (BEGIN IMMEDIATE … COMMIT), fsynced when `durable`
   * @param savepoint runs `body` in a nested savepoint, rolled back if it throws
   */
  constructor(
    private readonly transaction: (body: () => void, durable: boolean) => void,
    private readonly savepoint: (body: () => T) => T,
  ) {}

  enqueue(work: () => T, durable = true): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, durable, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued now; also called on close so nothing queued is lost. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    if (batch.length === 1) {
      this.flushOne(batch[0]!);
      return;
    }
    const outcomes: ({ ok: true; value: T } | { ok: false; error: unknown })[] = [];
    try {
      this.transaction(
        () => {
          for (const p of batch) {
            try {
              outcomes.push({ ok: true, value: this.savepoint(p.work) });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        },
        batch.some((p) => p.durable),
      );
    } catch (error) {
      // COMMIT itself failed: nothing of this batch is durable.
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  }

  /**
   * One request alone needs no savepoint (its transaction is its rollback), and a savepoint is not
   * free: SQLite journals every page it touches to roll back to it (measured: most of a large
   * batch's cost once the sorting-key index outgrows the page cache).
   */
  private flushOne(p: Pending<T>): void {
    let value: T;
    try {
      this.transaction(() => {
        value = p.work();
      }, p.durable);
    } catch (error) {
      p.reject(error);
      return;
    }
    p.resolve(value!);
  }
}
