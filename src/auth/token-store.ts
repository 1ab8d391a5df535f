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

// Servers find the store of their admin token here until hosts carry it themselves: the vault is
// made where the admin token is (mk dev, mk serve), the server only knows the host.
const stores = new Map<string, TokenStore>();

/** Makes `store` the token store of servers whose admin token is `adminToken`. */
export function registerTokenStore(adminToken: string, store: TokenStore): void {
  stores.set(adminToken, store);
}

/** The token store registered for an admin token, if any. */
export function tokenStoreFor(adminToken: string): TokenStore | undefined {
  return stores.get(adminToken);
}
