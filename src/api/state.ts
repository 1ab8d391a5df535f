import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newToken } from '../auth/tokens.js';

/**
 * The project's local state folder, `.mk/`: the dev store, the admin token, cloud credentials. It
 * ignores itself in git (a `.gitignore` of `*` inside), so secrets never get committed.
 */
export function stateDir(projectRoot: string): string {
  const dir = join(projectRoot, '.mk');
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, '.gitignore'), '*\n');
  }
  return dir;
}

/** Reads a secret file or creates it with `make()`; files are mode 0600. */
export function readOrCreateSecret(path: string, make: () => string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const value = make();
  writeSecret(path, value);
  return value;
}

export function writeSecret(path: string, value: string): void {
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** The dev server's admin token, made on first run and kept in `.mk/admin-token`. */
export function devAdminToken(projectRoot: string): string {
  return readOrCreateSecret(join(stateDir(projectRoot), 'admin-token'), () => newToken('p'));
}

export interface Credentials {
  readonly host: string;
  readonly token: string;
}

export function credentialsPath(projectRoot: string): string {
  return join(stateDir(projectRoot), 'credentials.json');
}

export function readCredentials(projectRoot: string): Credentials | undefined {
  const path = join(projectRoot, '.mk', 'credentials.json');
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Credentials>;
  return parsed.host && parsed.token ? { host: parsed.host, token: parsed.token } : undefined;
}

export function writeCredentials(projectRoot: string, credentials: Credentials): string {
  const path = credentialsPath(projectRoot);
  writeSecret(path, JSON.stringify(credentials, null, 2));
  return path;
}

/** Where `mk dev` listens by default; matches Tinybird Local's port. */
export const DEFAULT_PORT = 7181;
export const DEFAULT_HOST = '127.0.0.1';

/** Records the running dev server's URL so `mk deploy` (local) can find it. */
export function writeDevServerInfo(projectRoot: string, url: string): void {
  writeFileSync(join(stateDir(projectRoot), 'dev-server.json'), JSON.stringify({ url, pid: process.pid }));
}

export function readDevServerInfo(projectRoot: string): { url: string; pid: number } | undefined {
  const path = join(projectRoot, '.mk', 'dev-server.json');
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as { url: string; pid: number };
}
