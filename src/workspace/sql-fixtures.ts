import type { ResolvedDatasource } from '../analysis/project/resolved.js';
import { compileSql } from '../compile/sqlite/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputValue } from '../types/format.js';
import { requestCatalog } from './catalog.js';
import type { FixtureText } from './fixtures.js';
import type { PreparedPipe } from './pipe.js';

/**
 * `fixtures/<ds>.sql` (Tinybird's generator files) is a ClickHouse query whose rows fill the datasource
 * at build, the way Tinybird ran it and appended its JSON result. The build checks it like a pipe
 * node, but its problems are warnings: a fixture that can't run leaves the datasource empty, it doesn't
 * stop a project whose datafiles are fine.
 */
export function checkSqlFixture(
  fixture: FixtureText,
  datasources: readonly ResolvedDatasource[],
  pipes: ReadonlyMap<string, PreparedPipe>,
): Diagnostic[] {
  const catalog = requestCatalog({ datasources, pipes, physical: (name) => `__check__${name}` }, {}, 'analyze');
  return fixtureWarnings(fixture.path, compileSql(fixture.text, catalog, { file: fixture.path }).diagnostics);
}

/** A fixture query's compile errors as warnings on the fixture file. */
function fixtureWarnings(path: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ ...d, file: path, severity: 'warning', message: `${d.message} (the fixture's rows are not loaded)` }));
}

/** Query rows as NDJSON for the datasource's normal ingestion (JSONPaths, conversions, quarantine). */
export function rowsToNdjson(rows: readonly Record<string, OutputValue>[]): string {
  // 64-bit integers beyond 2^53 arrive as BigInt: quoted digits, which Int64/UInt64 columns accept.
  const replacer = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);
  return rows.map((row) => JSON.stringify(row, replacer)).join('\n');
}
