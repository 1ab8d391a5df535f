import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  deleteRows,
  exportQuarantine,
  listDatasources,
  quarantineRows,
  replayQuarantine,
  truncateDatasource,
  uploadFile,
} from '../../src/api/datasource.js';
import { ChunkSplitter } from '../../src/api/datasource-chunks.js';
import { ADMIN, EVENTS_DATASOURCE, rowsOf, startTestServer, type TestServer } from './events-host.js';

describe('ChunkSplitter', () => {
  const split = (format: 'csv' | 'ndjson', text: string, size: number, piece = 3) => {
    const s = new ChunkSplitter(format, size);
    const out: string[] = [];
    for (let i = 0; i < text.length; i += piece) out.push(...s.push(Buffer.from(text.slice(i, i + piece))).map(String));
    const last = s.end();
    if (last) out.push(String(last));
    return out;
  };

  it('cuts NDJSON on line ends and loses nothing', () => {
    const text = Array.from({ length: 20 }, (_, i) => `{"id":${i}}`).join('\n');
    const chunks = split('ndjson', text, 25);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(text);
    for (const c of chunks.slice(0, -1)) expect(c.endsWith('\n')).toBe(true);
  });

  it('never cuts CSV inside a quoted field holding newlines', () => {
    const text = 'a,"x\ny\nz",1\nb,"p\nq",2\nc,plain,3\n'.repeat(10);
    const chunks = split('csv', text, 10, 4);
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) expect((c.match(/"/g) ?? []).length % 2).toBe(0);
  });
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function listening() {
  server = await startTestServer({ 'datasources/events.datasource': EVENTS_DATASOURCE });
  const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
  return { s: server, target: { project: server.dir, host: address, token: ADMIN } };
}

function file(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mk-upload-')), name);
  writeFileSync(path, content);
  return path;
}

describe('uploadFile (mk datasource append|replace) against a real server', () => {
  it('streams a CSV in many chunks, repeating its header, quoted newlines intact', async () => {
    const { s, target } = await listening();
    const lines = Array.from({ length: 50 }, (_, i) => `${i},"name ${i}\nline two",2026-01-02 03:04:05`);
    const path = file('events.csv', `name,id,at\n${lines.join('\n')}\n`.replace('name,id,at', 'id,name,at'));
    const progress: number[] = [];
    const summary = await uploadFile({
      ...target,
      datasource: 'events',
      file: path,
      mode: 'append',
      chunkBytes: 300,
      onProgress: (p) => progress.push(p.rows),
    });
    expect(summary).toMatchObject({ rows: 50, quarantined: 0 });
    expect(summary.requests).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(50);
    const rows = rowsOf(s, 'events', 'id');
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(rows[7]!.name).toBe('name 7\nline two');
  });

  it('reads .ndjson.gz, replaces with a condition across chunks, deletes, truncates and lists', async () => {
    const { s, target } = await listening();
    const nd = (ids: number[], tag: string) =>
      ids.map((id) => JSON.stringify({ id, name: `${tag}${id}`, at: '2026-01-02 03:04:05' })).join('\n');
    await uploadFile({
      ...target,
      datasource: 'events',
      file: file('a.ndjson.gz', gzipSync(nd([1, 2, 3, 4, 5, 6], 'old'))),
      mode: 'append',
    });
    const replaced = await uploadFile({
      ...target,
      datasource: 'events',
      file: file('b.ndjson', nd([1, 2, 3, 9], 'new')),
      mode: 'replace',
      condition: 'id <= 3',
      chunkBytes: 50,
    });
    expect(replaced.rows).toBe(3);
    expect(replaced.requests).toBeGreaterThan(1);
    expect(rowsOf(s, 'events', 'id').map((r) => r.name)).toEqual(['new1', 'new2', 'new3', 'old4', 'old5', 'old6']);
    expect(await deleteRows({ ...target, datasource: 'events', condition: 'id > 4', dryRun: true })).toEqual({ rows: 2, dryRun: true });
    expect(await deleteRows({ ...target, datasource: 'events', condition: 'id > 4' })).toEqual({ rows: 2, dryRun: false });
    await uploadFile({ ...target, datasource: 'events', file: file('bad.ndjson', '{"id":"x"}'), mode: 'append' });
    const quarantined = await quarantineRows({ ...target, datasource: 'events' });
    expect(quarantined).toHaveLength(1);
    expect((await listDatasources(target)).find((d) => d.name === 'events')).toMatchObject({ rows: 4, quarantine_rows: 1 });
    await truncateDatasource({ ...target, datasource: 'events' });
    expect(rowsOf(s, 'events')).toEqual([]);
    await expect(deleteRows({ ...target, datasource: 'events', condition: 'nope = 1' })).rejects.toThrow(/answered 400/);
  });
});

describe("Tinybird's TypeScript SDK against mk", () => {
  it('appends a file (multipart), ingests events, deletes with a condition and truncates', async () => {
    const { createTinybirdApi } = await import('@tinybirdco/sdk');
    const { s, target } = await listening();
    const api = createTinybirdApi({ baseUrl: target.host, token: ADMIN });
    const path = file('rows.csv', 'id,name,at\n1,one,2026-01-02 03:04:05\n2,two,2026-01-02 03:04:05\n');
    const appended = (await api.appendDatasource('events', { file: path })) as { successful_rows: number };
    expect(appended.successful_rows).toBe(2);
    await api.ingest('events', { id: 3, name: 'three', at: '2026-01-02 03:04:05' }, { wait: true });
    expect(rowsOf(s, 'events', 'id').map((r) => r.id)).toEqual([1, 2, 3]);
    const dry = await api.deleteDatasource('events', { deleteCondition: 'id >= 2', dryRun: true });
    expect(dry).toEqual({ rows_to_be_deleted: 2 });
    await api.deleteDatasource('events', { deleteCondition: 'id >= 2' });
    expect(rowsOf(s, 'events').map((r) => r.id)).toEqual([1]);
    await api.truncateDatasource('events');
    expect(rowsOf(s, 'events')).toEqual([]);
  });
});

describe('quarantine export and replay', () => {
  it('exports quarantined rows as CSV, and replays the fixed file (rows still wrong go back)', async () => {
    const { s, target } = await listening();
    const body = [
      JSON.stringify({ id: 'x1', name: 'a, "quoted"', at: '2026-01-02 03:04:05' }),
      JSON.stringify({ id: 'x2', name: 'b', at: '2026-01-02 03:04:05' }),
      JSON.stringify({ id: 1, name: 'ok', at: '2026-01-02 03:04:05' }),
    ].join('\n');
    await uploadFile({ ...target, datasource: 'events', file: file('in.ndjson', body), mode: 'append' });
    const out = join(mkdtempSync(join(tmpdir(), 'mk-q-')), 'q.csv');
    expect(await exportQuarantine({ ...target, datasource: 'events', file: out })).toBe(2);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toBe('id,name,at\nx1,"a, ""quoted""",2026-01-02 03:04:05\nx2,b,2026-01-02 03:04:05\n');
    writeFileSync(out, csv.replace('x1', '7'));
    const replay = await replayQuarantine({ ...target, datasource: 'events', file: out });
    expect(replay).toMatchObject({ cleared: 2, rows: 1, quarantined: 1 });
    expect(rowsOf(s, 'events', 'id').map((r) => `${r.id}:${r.name}`)).toEqual(['1:ok', '7:a, "quoted"']);
    expect((await quarantineRows({ ...target, datasource: 'events' })).map((r) => r.id)).toEqual(['x2']);
  });
});
