import type { TokenRecord } from './tokens.js';

/**
 * Static tokens a server can create and remove at runtime (`/v0/tokens`, `mk token create static`).
 * The implementation that persists them lives with the deployment state (src/deploy/token-vault.ts).
 */
export interface TokenStore {
  /** Static tokens with their values (derived from the admin token; never read from disk). */
  staticTokens(): readonly TokenRecord[];
  /** Resource tokens from `TOKEN` lines seen so far, with their values. */
  resourceTokens(): readonly TokenRecord[];
  /** Creates (or re-scopes) a static token. */
  createStatic(name: string, scopes: readonly string[]): TokenRecord;
  /** Gives a token a new value; the old one stops working. */
  refresh(name: string): TokenRecord | undefined;
  /** Removes a static token; false when there is none of that name. */
  remove(name: string): boolean;
}
