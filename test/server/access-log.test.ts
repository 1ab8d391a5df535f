import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LiveHost } from '../../src/deploy/live-host.js';
import { createApp } from '../../src/server/app.js';

describe('access log', () => {
  it('records every request as JSON without the token, from the header or the query string', async () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (d: Buffer) => (text += d.toString()));
    const secret = 'p.very-secret-admin-token';
    const app = createApp(new LiveHost(secret), { logger: true, logStream: stream });
    await app.inject({ url: `/v0/pipes?token=${secret}&x=1` });
    await app.inject({ url: '/v0/pipes', headers: { authorization: `Bearer ${secret}` } });
    await app.inject({ url: '/v0/pipes', headers: { authorization: 'Bearer p.wrong-token' } });
    await app.close();
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.req).map((l) => l.req.url)).toEqual(['/v0/pipes?token=***&x=1', '/v0/pipes', '/v0/pipes']);
    expect(lines.filter((l) => l.res).map((l) => l.res.statusCode)).toEqual([200, 200, 403]);
    expect(text).not.toContain('very-secret');
    expect(text).not.toContain('wrong-token');
  });
});
