import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deploy } from '../../src/api/deploy.js';
import { login } from '../../src/api/login.js';
import { type RunningServer, startServer } from '../../src/api/serve.js';
import { copyExample } from '../helpers/cli.js';

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('mk login', () => {
  it('checks the token, saves credentials only the owner can read, and deploy --cloud uses them', async () => {
    const server = await startServer({ dataDir: mkdtempSync(join(tmpdir(), 'mk-login-')), port: 0, adminToken: 'p.login-admin' });
    servers.push(server);
    const project = copyExample('marketing');
    await expect(login({ project, host: server.url, token: 'p.nope' })).rejects.toThrow(/rejected the token/);

    const saved = await login({ project, host: `${server.url}/`, token: 'p.login-admin' });
    expect(saved.host).toBe(server.url);
    expect(statSync(saved.path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(saved.path, 'utf8'))).toEqual({ host: server.url, token: 'p.login-admin' });
    expect(readFileSync(join(project, '.mk/.gitignore'), 'utf8').trim()).toBe('*');

    const result = await deploy({ project, cloud: true, check: false, env: {} });
    expect(result.host).toBe(server.url);
    expect(result.response.result).toBe('success');
  });

  it('explains how to set a target when there is none', async () => {
    const project = copyExample('marketing');
    await expect(deploy({ project, cloud: true, check: false, env: {} })).rejects.toThrow(/MK_HOST and MK_TOKEN/);
  });
});
