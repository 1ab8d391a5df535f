import type { ResolvedDatasource } from '../analysis/project/resolved.js';
import type { Catalog, CatalogEntry } from '../analysis/sql/catalog.js';
import { quarantineDateColumn, type Store } from '../store/index.js';
import type { TemplateParams } from '../template/index.js';
import type { ChType } from '../types/ast.js';
import type { PreparedPipe, RenderMode } from './pipe.js';
import { serviceCatalogEntry } from './query-stats.js';

const STRING: ChType = { kind: 'string' };
const NULLABLE_STRING: ChType = { kind: 'nullable', inner: STRING };

/** Columns of `<ds>_quarantine`, as Tinybird lays them out. */
export function quarantineColumns(ds: ResolvedDatasource): { name: string; type: ChType }[] {
  return [
    { name: 'c__error_column', type: { kind: 'array', element: STRING } },
    { name: 'c__error', type: { kind: 'array', element: STRING } },
    { name: 'c__import_id', type: NULLABLE_STRING },
    ...ds.columns.map((c) => ({ name: c.name, type: NULLABLE_STRING })),
    { name: quarantineDateColumn(ds.columns.map((c) => c.name)), type: { kind: 'datetime' } },
  ];
}

export interface CatalogSources {
  readonly datasources: readonly ResolvedDatasource[];
  /** Physical table of each datasource and quarantine, by logical name. */
  readonly physical: (name: string) => string | undefined;
  readonly pipes: ReadonlyMap<string, PreparedPipe>;
  /** The store whose service data sources (`tinybird.*`) queries read; builds check against their columns without one. */
  readonly store?: Store;
}

/**
 * What FROM can name for one request: datasources (and their quarantines) at their physical tables,
 * and pipes, rendered lazily with the request's parameters (a pipe used as a table sees the same
 * parameters as the endpoint, as in Tinybird).
 */
export function requestCatalog(sources: CatalogSources, params: TemplateParams, mode: RenderMode): Catalog {
  const tables = new Map<string, CatalogEntry>();
  for (const ds of sources.datasources) {
    const physical = sources.physical(ds.name);
    if (physical) {
      tables.set(ds.name, {
        kind: 'table',
        name: ds.name,
        sqliteName: physical,
        columns: ds.columns.map((c) => ({ name: c.name, type: c.type })),
        engine: { kind: ds.engine.kind, sortingKey: ds.engine.sortingKey, ...(ds.engine.ver ? { ver: ds.engine.ver } : {}) },
      });
    }
    const quarantine = sources.physical(`${ds.name}_quarantine`);
    if (quarantine) {
      tables.set(`${ds.name}_quarantine`, {
        kind: 'table',
        name: `${ds.name}_quarantine`,
        sqliteName: quarantine,
        columns: quarantineColumns(ds),
      });
    }
  }
  return {
    resolve(name) {
      const table = tables.get(name);
      if (table) return table;
      const pipe = sources.pipes.get(name);
      if (pipe) return { kind: 'pipe', name, nodes: pipe.render(params, mode) };
      return name.startsWith('tinybird.') ? serviceCatalogEntry(sources.store, name) : undefined;
    },
    names: () => [...tables.keys(), ...sources.pipes.keys()],
  };
}
