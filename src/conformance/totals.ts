import { causeOf } from './causes.js';
import type { PipeResult, ProjectReport } from './run-project.js';

/** Counts over one project or the whole corpus. Endpoint and materialized pipes are the target. */
export interface Counts {
  readonly projects: number;
  readonly datafiles: number;
  readonly parsed: number;
  readonly pipes: number;
  readonly compiled: number;
  /** Endpoint + materialized pipes that need no external service (issue 3's denominator). */
  readonly endpoints: number;
  /** Of those, the ones that compiled and ran on generated data. */
  readonly executed: number;
  readonly endpointPipes: number;
  readonly endpointsExecuted: number;
  /** Endpoints that ran and returned at least one row. */
  readonly endpointsWithRows: number;
  readonly materializedPipes: number;
  readonly materializedExecuted: number;
  /** Pipes that need a service mk does not emulate (sinks, exports, tinybird.* tables): counted apart. */
  readonly external: number;
  readonly crashedProjects: number;
}

export interface Blocker {
  readonly cause: string;
  /** Pipes (external ones aside) this cause stops: compile failures of any pipe, run failures of targets. */
  readonly pipes: number;
  /** Of those, endpoint and materialized pipes. */
  readonly targets: number;
  /** Pipes with no other cause: fixing this one unblocks them (as far as the run can see). */
  readonly sole: number;
  readonly examples: readonly string[];
}

const isTarget = (p: PipeResult) => p.kind === 'endpoint' || p.kind === 'materialized';

/** Sums project reports into counts. */
export function countAll(reports: readonly ProjectReport[]): Counts {
  const pipes = reports.flatMap((r) => r.pipes);
  const targets = pipes.filter((p) => isTarget(p) && !p.external);
  const endpoints = targets.filter((p) => p.kind === 'endpoint');
  const views = targets.filter((p) => p.kind === 'materialized');
  return {
    projects: reports.length,
    datafiles: sum(reports.map((r) => r.datafiles)),
    parsed: sum(reports.map((r) => r.parsed)),
    pipes: pipes.length,
    compiled: pipes.filter((p) => p.compiled).length,
    endpoints: targets.length,
    executed: targets.filter((p) => p.executed).length,
    endpointPipes: endpoints.length,
    endpointsExecuted: endpoints.filter((p) => p.executed).length,
    endpointsWithRows: endpoints.filter((p) => p.executed && (p.rows ?? 0) > 0).length,
    materializedPipes: views.length,
    materializedExecuted: views.filter((p) => p.executed).length,
    external: pipes.filter((p) => p.external).length,
    crashedProjects: reports.filter((r) => r.crash).length,
  };
}

/** Failure causes ranked by the number of pipes they block (then by targets blocked). */
export function rankBlockers(reports: readonly ProjectReport[]): Blocker[] {
  const byCause = new Map<string, { pipes: number; targets: number; sole: number; examples: string[] }>();
  for (const report of reports) {
    for (const pipe of report.pipes) {
      if (pipe.external || pipe.errors.length === 0) continue;
      const causes = new Set(pipe.errors.map(causeOf));
      for (const cause of causes) {
        const entry = byCause.get(cause) ?? { pipes: 0, targets: 0, sole: 0, examples: [] };
        entry.pipes++;
        if (isTarget(pipe)) entry.targets++;
        if (causes.size === 1) entry.sole++;
        if (entry.examples.length < 3) entry.examples.push(`${report.name}/${pipe.path}: ${firstMatching(pipe.errors, cause)}`);
        byCause.set(cause, entry);
      }
    }
  }
  return [...byCause]
    .map(([cause, e]) => ({ cause, ...e }))
    .sort((a, b) => b.pipes - a.pipes || b.targets - a.targets || a.cause.localeCompare(b.cause));
}

/** External pipes grouped by the service they need. */
export function externalReasons(reports: readonly ProjectReport[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const pipe of reports.flatMap((r) => r.pipes)) if (pipe.external) counts.set(pipe.external, (counts.get(pipe.external) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function firstMatching(errors: readonly string[], cause: string): string {
  return (errors.find((e) => causeOf(e) === cause) ?? errors[0] ?? '').slice(0, 200);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
