import type { ProjectReport } from './run-project.js';
import { type Blocker, type Counts, countAll, externalReasons, rankBlockers } from './totals.js';

export interface RenderOptions {
  readonly topBlockers: number;
  /** List every failing pipe with its messages. */
  readonly verbose: boolean;
}

/** The human report: one line per project, totals, external pipes, ranked blockers. */
export function renderText(reports: readonly ProjectReport[], options: RenderOptions): string {
  const out: string[] = [];
  const width = Math.max(40, ...reports.map((r) => r.name.length)) + 2;
  out.push(`${'project'.padEnd(width)}${'parsed'.padStart(18)}${'compiled'.padStart(18)}${'executed'.padStart(18)}`);
  for (const r of reports) {
    const c = countAll([r]);
    out.push(
      `${r.name.padEnd(width)}${ratio(c.parsed, c.datafiles)}${ratio(c.compiled, c.pipes)}${ratio(c.executed, c.endpoints)}${r.crash ? `  ${r.crash}` : ''}`,
    );
  }
  const total = countAll(reports);
  out.push(
    `${'total'.padEnd(width)}${ratio(total.parsed, total.datafiles)}${ratio(total.compiled, total.pipes)}${ratio(total.executed, total.endpoints)}`,
    '',
  );
  out.push(...totalsLines(total), '');
  const external = externalReasons(reports);
  if (external.length > 0) {
    out.push(`External pipes, counted apart (${total.external}):`);
    for (const [reason, n] of external) out.push(`  ${String(n).padStart(4)}  ${reason}`);
    out.push('');
  }
  const blockers = rankBlockers(reports);
  out.push(`Top blockers (pipes blocked · of them endpoint/materialized · blocked by this cause alone), ${blockers.length} causes:`);
  for (const [i, b] of blockers.slice(0, options.topBlockers).entries()) out.push(...blockerLines(b, i + 1));
  if (options.verbose) out.push('', ...failures(reports));
  return out.join('\n');
}

/** The final `--json` line: totals, the rate, and the top blockers. */
export function jsonLine(reports: readonly ProjectReport[], top: number): string {
  const counts = countAll(reports);
  const blockers = rankBlockers(reports)
    .slice(0, top)
    .map(({ cause, pipes, targets, sole }) => ({ cause, pipes, targets, sole }));
  return JSON.stringify({ ...counts, rate: round(counts.executed / Math.max(1, counts.endpoints)), blockers });
}

function totalsLines(c: Counts): string[] {
  return [
    `datafiles parsed without errors   ${ratio(c.parsed, c.datafiles).trim()}`,
    `pipes compiled (build checks)     ${ratio(c.compiled, c.pipes).trim()}`,
    `endpoint + materialized executed  ${ratio(c.executed, c.endpoints).trim()}   (issue 3 target: 95%)`,
    `  endpoints                       ${ratio(c.endpointsExecuted, c.endpointPipes).trim()}, ${c.endpointsWithRows} returned rows`,
    `  materialized (target got rows)  ${ratio(c.materializedExecuted, c.materializedPipes).trim()}`,
    `external pipes (counted apart)    ${c.external}`,
    ...(c.crashedProjects > 0 ? [`projects that crashed             ${c.crashedProjects}`] : []),
  ];
}

function blockerLines(b: Blocker, rank: number): string[] {
  const head = `${String(rank).padStart(3)}. ${String(b.pipes).padStart(4)} ${String(b.targets).padStart(4)} ${String(b.sole).padStart(4)}  ${b.cause}`;
  return [head, ...b.examples.slice(0, 2).map((e) => `${' '.repeat(24)}e.g. ${e}`)];
}

function failures(reports: readonly ProjectReport[]): string[] {
  const out: string[] = ['Failing pipes:'];
  for (const r of reports) {
    for (const p of r.pipes) {
      if (p.external || p.errors.length === 0) continue;
      out.push(`  ${r.name}/${p.path} [${p.kind}]`, ...p.errors.slice(0, 3).map((e) => `      ${e.slice(0, 300)}`));
    }
  }
  return out;
}

function ratio(n: number, d: number): string {
  return `${n}/${d}${d > 0 ? ` ${((n / d) * 100).toFixed(1)}%` : ''}`.padStart(18);
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
