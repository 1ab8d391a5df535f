import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa, type ResultPromise } from 'execa';

export const REPO = resolve(import.meta.dirname, '../..');
export const MK = join(REPO, 'bin/mk.js');

/** A fresh copy of an example project in a temp folder. */
export function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mk-${name}-`));
  cpSync(join(REPO, 'examples', name), dir, { recursive: true });
  return dir;
}

/** A project folder in a temp folder holding `files` (path → text, folders made as needed). */
export function writeProject(files: Readonly<Record<string, string>>, prefix = 'mk-project-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Runs `mk …` to completion as a user would (colours off). */
export function mk(args: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  return execa('node', [MK, ...args], { reject: false, env: { NO_COLOR: '1', ...options.env }, cwd: options.cwd ?? REPO });
}

export interface RunningMk {
  readonly process: ResultPromise;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a long-running `mk …` (dev, serve) and waits until its HTTP server answers. Returns a wrapper:
 * execa's process is a thenable, so returning it from an async function would wait for it to exit.
 */
export async function startMk(args: readonly string[], url: string, env: Record<string, string> = {}): Promise<RunningMk> {
  const child = execa('node', [MK, ...args], { reject: false, env: { NO_COLOR: '1', ...env } });
  const deadline = Date.now() + 60_000;
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mk ${args.join(' ')} exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/v0/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) {
        return {
          process: child,
          output: () => output,
          stop: async () => {
            child.kill('SIGTERM');
            await child;
          },
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`mk ${args.join(' ')} did not start:\n${output}`);
}

/** A TCP port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

export async function getJson(url: string, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, body: await res.json() };
}
