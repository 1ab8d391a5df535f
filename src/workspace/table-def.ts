import type { ResolvedDatasource } from '../analysis/project/resolved.js';
import type { TableDef } from '../store/index.js';

/** The store's table definition for a resolved datasource. */
export function tableDef(ds: ResolvedDatasource): TableDef {
  return {
    name: ds.name,
    columns: ds.columns.map((c) => ({
      name: c.name,
      type: c.type,
      ...(c.jsonPath ? { jsonPath: c.jsonPath } : {}),
      ...(c.defaultExpr ? { defaultExpr: c.defaultExpr } : {}),
    })),
    engine: {
      kind: ds.engine.kind,
      sortingKey: ds.engine.sortingKey,
      ...(ds.engine.partitionKey ? { partitionKey: ds.engine.partitionKey } : {}),
      ...(ds.engine.ver ? { ver: ds.engine.ver } : {}),
      ...(ds.engine.isDeleted ? { isDeleted: ds.engine.isDeleted } : {}),
      ...(ds.engine.sign ? { sign: ds.engine.sign } : {}),
      ...(ds.engine.ttl ? { ttl: ds.engine.ttl } : {}),
    },
  };
}
