import { splitTopLevel } from '../util/split.js';
import { compileCondition } from './engines-condition.js';
import type { LocalWorkspace } from './local-workspace.js';

/**
 * ENGINE_TTL at write time. ClickHouse drops expired rows during merges, at no fixed moment; mk
 * deletes them (a) after an insert into the datasource, at most once per `minGapMs`, inside the
 * insert's transaction, and (b) every `intervalMs` while the workspace is live. Expired means
 * `(<ENGINE_TTL expression>) <= now()`, compiled by mk's SQL compiler. TTL clauses with actions
 * (`TO VOLUME`, `GROUP BY`, `SET`) are not TTL deletes: the first expression is used.
 */
export interface TtlOptions {
  readonly intervalMs?: number;
  readonly minGapMs?: number;
  readonly now?: () => Date;
}

/** The condition an ENGINE_TTL expression expires rows by: `timestamp + toIntervalDay(60)` → `(…) <= now()`. */
export function ttlCondition(ttl: string): string {
  const clause = splitTopLevel(ttl)[0] ?? ttl;
  const first = clause.split(/\b(?:DELETE|TO\s+(?:VOLUME|DISK)|GROUP\s+BY|RECOMPRESS)\b/i)[0]!.trim();
  return `(${first}) <= now()`;
}

/** Deletes the expired rows of `ds` now; returns how many. */
export function expireRows(workspace: LocalWorkspace, ds: string, now = new Date()): number {
  const ttl = workspace.resolvedDatasources.find((d) => d.name === ds)?.engine.ttl;
  if (!ttl?.trim()) return 0;
  const store = workspace.store;
  return store.deleteRows(ds, compileCondition(workspace, ds, ttlCondition(ttl), { now })(store.rowidView(ds)));
}

/** Starts TTL enforcement for every datasource with ENGINE_TTL; returns a function stopping it. */
export function startTtl(workspace: LocalWorkspace, options: TtlOptions = {}): () => void {
  const now = options.now ?? (() => new Date());
  const withTtl = workspace.resolvedDatasources.filter((d) => d.engine.ttl?.trim()).map((d) => d.name);
  if (withTtl.length === 0) return () => {};
  const stops: (() => void)[] = [];
  const last = new Map<string, number>();
  for (const ds of withTtl) {
    const select = (view: string) =>
      compileCondition(workspace, ds, ttlCondition(workspace.resolvedDatasources.find((d) => d.name === ds)!.engine.ttl!), { now: now() })(
        view,
      );
    stops.push(
      workspace.store.addInsertListener(ds, (_rows, tx) => {
        const t = now().getTime();
        if (t - (last.get(ds) ?? Number.NEGATIVE_INFINITY) < (options.minGapMs ?? 1000)) return;
        last.set(ds, t);
        const { sql, params } = select(workspace.store.rowidView(ds));
        tx.run(`DELETE FROM "${tx.physicalName(ds)}" WHERE rowid IN (${sql})`, params);
      }),
    );
  }
  const timer = setInterval(() => {
    try {
      for (const ds of withTtl) expireRows(workspace, ds, now());
    } catch {
      // The store was closed (a one-shot build) or the table replaced: this workspace is done.
      clearInterval(timer);
    }
  }, options.intervalMs ?? 60_000);
  timer.unref();
  stops.push(() => clearInterval(timer));
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}
