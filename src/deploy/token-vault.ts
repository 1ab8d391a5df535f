import { existsSync, readFileSync } from 'node:fs';
import { newToken } from '../auth/tokens.js';
import { writeSecretFile } from './secret-file.js';

/**
 * Keeps the secret of each named resource token (`TOKEN "dashboard" READ`) stable across rebuilds and
 * deployments: a token handed to an application must keep working after the next deploy.
 */
export class TokenVault {
  private readonly tokens: Record<string, string>;

  constructor(private readonly file: string) {
    this.tokens = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  }

  tokenFor = (name: string): string => {
    let token = this.tokens[name];
    if (!token) {
      token = newToken('p');
      this.tokens[name] = token;
      writeSecretFile(this.file, JSON.stringify(this.tokens, null, 2));
    }
    return token;
  };
}
