import { pipeKind } from '../analysis/project/check-pipe.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project } from '../project/project.js';
import type { Store } from '../store/index.js';
import { T } from '../types/ast.js';
import type { LocalWorkspace } from '../workspace/index.js';
import { generateRows } from './generate.js';
import type { SqlHints } from './hints.js';
import { sampleParams } from './params.js';

/** A materialized pipe as the runner sees it. */
export interface View {
  readonly path: string;
  readonly name: string;
  readonly target: string;
  /** Datasources its FROM and JOIN clauses read, in order: the first one's inserts trigger it. */
  readonly reads: readonly string[];
}

export interface IngestReport {
  readonly name: string;
  readonly rows: number;
  readonly quarantined: number;
  readonly note?: string;
}

/** Marks the files a failed build's errors point at (message explained); returns how many were new. */
export function blame(diagnostics: readonly Diagnostic[], failed: Map<string, string>, explain: (message: string) => string): number {
  let blamed = 0;
  for (const d of diagnostics) {
    if (d.severity !== 'error' || d.file === undefined || failed.has(d.file)) continue;
    failed.set(d.file, `build: ${explain(d.message)}`);
    blamed++;
  }
  return blamed;
}

export function firstError(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.find((d) => d.severity === 'error')?.message ?? 'build failed without an error';
}

/** Every endpoint and materialized pipe not already failed fails with `message`. */
export function giveUp(project: Project, failed: Map<string, string>, message: string) {
  for (const pipe of project.pipes) {
    const { kind } = pipeKind(pipe);
    if ((kind === 'endpoint' || kind === 'materialized') && !failed.has(pipe.path)) failed.set(pipe.path, `build: ${message}`);
  }
  return { ran: new Map<string, number>(), failed, ingest: [] as IngestReport[] };
}

/**
 * Appends generated rows to each datasource no view fills, triggers last (so joined tables have rows
 * when views run). An insert that throws blames the views it triggers.
 */
export function ingestAll(
  ws: LocalWorkspace,
  store: Store,
  views: readonly View[],
  options: { rows: number; now: number; hints?: SqlHints },
) {
  const targets = new Set(views.map((v) => v.target));
  const triggers = new Set(views.map((v) => v.reads[0]));
  const order = ws.resolvedDatasources
    .filter((d) => !targets.has(d.name))
    .sort((a, b) => Number(triggers.has(a.name)) - Number(triggers.has(b.name)));
  const report: IngestReport[] = [];
  const blamed: [string, string][] = [];
  for (const ds of order) {
    const generated = generateRows(ds, options.rows, options.now, options.hints);
    if (generated.skipped.length > 0) {
      report.push({
        name: ds.name,
        rows: 0,
        quarantined: 0,
        note: `not generated: AggregateFunction column ${generated.skipped[0]} and no view fills it`,
      });
      continue;
    }
    try {
      const result = store.append(ds.name, generated.ndjson);
      const note = result.quarantined_rows > 0 ? quarantineReason(store, ds.name) : undefined;
      report.push({ name: ds.name, rows: result.successful_rows, quarantined: result.quarantined_rows, ...(note ? { note } : {}) });
    } catch (error) {
      const message = (error as Error).message;
      const suspects = views.filter((v) => v.reads[0] === ds.name);
      for (const v of suspects) blamed.push([v.path, `insert: materialized view failed on insert into ${ds.name}: ${message}`]);
      report.push({ name: ds.name, rows: 0, quarantined: 0, note: `insert failed: ${message}` });
    }
  }
  for (const name of targets) report.push({ name, rows: countRows(store, name), quarantined: 0, note: 'filled by materialized views' });
  return { report, blamed };
}

function quarantineReason(store: Store, ds: string): string {
  const physical = store.physicalName(`${ds}_quarantine`);
  if (!physical) return 'quarantined';
  try {
    const row = store.query(`SELECT c__error AS e FROM "${physical}" LIMIT 1`, [], [{ name: 'e', type: T.string }]).data[0];
    return `quarantined: ${String(row?.e ?? '').slice(0, 200)}`;
  } catch {
    return 'quarantined';
  }
}

export function countRows(store: Store, ds: string): number {
  const physical = store.physicalName(ds);
  if (!physical) return 0;
  const row = store.query(`SELECT count(*) AS c FROM "${physical}"`, [], [{ name: 'c', type: T.int64 }]).data[0];
  return Number(row?.c ?? 0);
}

/** Why a view wrote nothing: its trigger got no rows, or its query kept none of them. */
export function noRowsReason(view: View, ingest: readonly IngestReport[]): string {
  const trigger = view.reads[0];
  if (!trigger) return 'insert: materialized view reads no datasource, so no insert triggers it';
  const got = ingest.find((r) => r.name === trigger);
  if (!got || got.rows === 0) return `data: no rows reached trigger ${trigger}${got?.note ? ` (${got.note})` : ''}`;
  return `data: view wrote no rows from ${got.rows} rows inserted into ${trigger}`;
}

/** Runs an endpoint with its defaults (plus required parameters); then with every parameter filled. */
export async function runEndpoint(ws: LocalWorkspace, name: string, now: number): Promise<number | string> {
  const pipe = ws.preparedPipes.get(name);
  if (!pipe) return 'not in the built workspace';
  let first: string | undefined;
  for (const all of [false, true]) {
    try {
      return (await ws.queryPipe(name, sampleParams(pipe.params, now, all))).rows;
    } catch (error) {
      const message = `query: ${(error as Error).message}`;
      first ??= message;
      if (!/template|required|param/i.test(first)) return first;
      if (all) return message;
    }
  }
  return first ?? 'failed';
}
