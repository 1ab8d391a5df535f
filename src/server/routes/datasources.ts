import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/index.js';
import { LocalWorkspace } from '../../workspace/index.js';
import type { DatasourceInfo } from '../../workspace/types.js';
import { authorize } from '../auth.js';
import { sendError } from '../errors.js';
import type { Host } from '../host.js';

/** Data Sources API (read side): list and describe datasources, with their row counts when local. */
export function datasourcesRoutes(app: FastifyInstance, host: Host): void {
  app.get('/v0/datasources', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    const ws = host.current();
    const store = ws instanceof LocalWorkspace ? ws.store : undefined;
    return { datasources: (ws?.datasources ?? []).map((d) => withCounts(d, store)) };
  });
  app.get('/v0/datasources/:name', async (request, reply) => {
    const name = (request.params as { name: string }).name;
    if (!authorize(host, request, reply, { kind: 'datasource:read', datasource: name })) return reply;
    const ws = host.current();
    const ds = ws?.datasources.find((d) => d.name === name);
    if (!ds) return sendError(reply, 404, `Data Source '${name}' not found`);
    return withCounts(ds, ws instanceof LocalWorkspace ? ws.store : undefined);
  });
}

function withCounts(ds: DatasourceInfo, store: Store | undefined): DatasourceInfo & { quarantine_rows?: number } {
  if (!store) return ds;
  return { ...ds, rows: count(store, ds.name), quarantine_rows: count(store, `${ds.name}_quarantine`) };
}

function count(store: Store, logical: string): number {
  const physical = store.physicalName(logical);
  if (!physical) return 0;
  return store.countRows({ sql: `SELECT 1 FROM "${physical}"`, params: [] });
}
