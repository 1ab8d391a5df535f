import type { ConnectionFile, DatasourceFile, PipeFile } from '../syntax/datafile/ast.js';

/**
 * A Tinybird project as loaded from disk: every datafile parsed, fixtures and tests located.
 * Names are file stems, as in Tinybird. Paths are relative to `root`, with forward slashes.
 */
export interface Project {
  readonly root: string;
  readonly datasources: readonly DatasourceFile[];
  readonly pipes: readonly PipeFile[];
  readonly connections: readonly ConnectionFile[];
  readonly fixtures: readonly Fixture[];
  readonly tests: readonly TestFile[];
  /** Source text of every datafile read, by relative path (for code frames). */
  readonly sources: ReadonlyMap<string, string>;
}

export interface Fixture {
  /** Datasource the fixture fills (the file stem). */
  readonly datasource: string;
  readonly path: string;
  /** `sql`: a query whose rows are the fixture (Tinybird's generator files, e.g. the web analytics kit's). */
  readonly format: FixtureFormat;
}

export type FixtureFormat = 'ndjson' | 'csv' | 'sql';

export interface TestFile {
  /** Pipe the tests exercise (the file stem). */
  readonly pipe: string;
  readonly path: string;
}

/** Resource name of a datafile: its file stem (`datasources/events.datasource` → `events`). */
export function resourceName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export function findDatasource(project: Project, name: string): DatasourceFile | undefined {
  return project.datasources.find((d) => resourceName(d.path) === name);
}

export function findPipe(project: Project, name: string): PipeFile | undefined {
  return project.pipes.find((p) => resourceName(p.path) === name);
}
