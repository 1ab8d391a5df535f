import type { ResolvedDatasource } from '../analysis/project/resolved.js';
import { printType } from '../types/print.js';

/**
 * A stable text for "has this datasource's storage changed?": columns, types, paths, defaults and the
 * engine. Equal fingerprints mean a deployment can keep the live table and its data as they are.
 */
export function datasourceFingerprint(ds: ResolvedDatasource): string {
  return JSON.stringify({
    columns: ds.columns.map((c) => [c.name, printType(c.type), c.jsonPath ?? null, c.defaultExpr ?? null]),
    engine: ds.engine,
  });
}
