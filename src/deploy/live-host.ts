import type { TokenStore } from '../auth/token-store.js';
import type { TokenRecord } from '../auth/tokens.js';
import type { DeploymentTarget, Host } from '../server/host.js';
import type { Workspace } from '../workspace/types.js';

/**
 * The server's view of what is live. Swapping `current` is a single assignment, so a request sees
 * either the old workspace or the new one, never a mix; in-flight requests finish on the one they began with.
 */
export class LiveHost implements Host {
  private live: Workspace | undefined;
  deployments?: DeploymentTarget;
  /** Static and resource tokens that outlive deployments (`/v0/tokens`, `TOKEN` lines). */
  tokenStore?: TokenStore;

  constructor(readonly adminToken: string) {}

  current(): Workspace | undefined {
    return this.live;
  }

  setCurrent(workspace: Workspace): Workspace | undefined {
    const previous = this.live;
    this.live = workspace;
    return previous;
  }

  staticTokens(): readonly TokenRecord[] {
    return [];
  }
}
