import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TokenStore } from '../auth/token-store.js';
import { deriveToken, hashToken, newToken, type TokenRecord } from '../auth/tokens.js';
import { writeSecretFile } from './secret-file.js';

interface Entry {
  readonly kind: 'resource' | 'static';
  /** Bumped by refresh: part of the derivation label, so a refreshed token gets a new value. */
  readonly rev: number;
  /** SHA-256 of the token: what is kept at rest. */
  readonly sha256: string;
  readonly scopes?: readonly string[];
}

interface VaultFile {
  readonly version: 2;
  readonly tokens: Record<string, Entry>;
}

/**
 * Keeps the tokens of a workspace stable across rebuilds, deployments and restarts without storing
 * them: each token is derived from the admin token (HMAC of its name and revision), and the file keeps
 * only names, scopes, revisions and SHA-256 hashes. A leaked `tokens.json` gives nobody a token; the
 * admin token (`admin-token`, mode 0600, beside this file) is the one secret at rest, because it signs
 * JWTs and must be shown to local tools on `GET /tokens`. Rotating the admin token rotates every token.
 *
 * Files from before this format (name → plain token) are rewritten; their tokens get new values.
 */
export class TokenVault implements TokenStore {
  private readonly tokens: Record<string, Entry>;
  private readonly root: string;

  constructor(
    private readonly file: string,
    adminToken?: string,
  ) {
    this.root = adminToken ?? readAdminToken(join(dirname(file), 'admin-token')) ?? newToken('root');
    this.tokens = readEntries(file);
    if (existsSync(file) && !isCurrentFormat(file)) this.save();
  }

  /** The value of a resource token (`TOKEN "name" READ`), recorded on first use. */
  tokenFor = (name: string): string => {
    const entry = this.tokens[name];
    if (entry) return this.value(name, entry);
    const created: Entry = { kind: 'resource', rev: 1, sha256: '' };
    const token = this.value(name, created);
    this.tokens[name] = { ...created, sha256: hashToken(token) };
    this.save();
    return token;
  };

  staticTokens(): TokenRecord[] {
    return this.records('static');
  }

  resourceTokens(): TokenRecord[] {
    return this.records('resource');
  }

  createStatic(name: string, scopes: readonly string[]): TokenRecord {
    const previous = this.tokens[name];
    const entry: Entry = { kind: 'static', rev: previous?.rev ?? 1, sha256: '', scopes: [...scopes] };
    const token = this.value(name, entry);
    this.tokens[name] = { ...entry, sha256: hashToken(token) };
    this.save();
    return { name, token, scopes: [...scopes] };
  }

  refresh(name: string): TokenRecord | undefined {
    const old = this.tokens[name];
    if (!old) return undefined;
    const entry: Entry = { ...old, rev: old.rev + 1 };
    const token = this.value(name, entry);
    this.tokens[name] = { ...entry, sha256: hashToken(token) };
    this.save();
    return { name, token, scopes: entry.scopes ?? [] };
  }

  remove(name: string): boolean {
    if (this.tokens[name]?.kind !== 'static') return false;
    delete this.tokens[name];
    this.save();
    return true;
  }

  private records(kind: Entry['kind']): TokenRecord[] {
    return Object.entries(this.tokens)
      .filter(([, e]) => e.kind === kind)
      .map(([name, e]) => ({ name, token: this.value(name, e), scopes: e.scopes ?? [] }));
  }

  private value(name: string, entry: Pick<Entry, 'kind' | 'rev'>): string {
    return deriveToken(this.root, `${entry.kind}:${name}:${entry.rev}`);
  }

  private save(): void {
    const data: VaultFile = { version: 2, tokens: this.tokens };
    writeSecretFile(this.file, JSON.stringify(data, null, 2));
  }
}

function readAdminToken(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8').trim() || undefined : undefined;
}

function readEntries(file: string): Record<string, Entry> {
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<VaultFile>;
  return parsed.version === 2 && parsed.tokens ? { ...parsed.tokens } : {};
}

function isCurrentFormat(file: string): boolean {
  return (JSON.parse(readFileSync(file, 'utf8')) as Partial<VaultFile>).version === 2;
}
