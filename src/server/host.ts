import type { TokenStore } from '../auth/token-store.js';
import type { TokenRecord } from '../auth/tokens.js';
import type { Workspace } from '../workspace/types.js';

/**
 * What a server serves: the live workspace (swapped atomically by deployments), the admin token, and
 * optionally a deployment target. `mk dev` and `mk serve` each provide one.
 */
export interface Host {
  /** The live workspace, or undefined before the first deployment (`mk serve` starts empty). */
  current(): Workspace | undefined;
  readonly adminToken: string;
  /** Extra static tokens (beyond the admin token and the project's TOKEN lines). */
  staticTokens(): readonly TokenRecord[];
  readonly deployments?: DeploymentTarget;
  /** Where static tokens live (`/v0/tokens`); when absent, the store registered for the admin token. */
  readonly tokenStore?: TokenStore;
}

export interface DeployFile {
  readonly path: string;
  readonly content: string;
}

/** Deploy responses follow Tinybird's `/v1/deploy` shape: `{result, deployment: {...}}`. */
export interface DeployResponse {
  readonly result: 'success' | 'no_changes' | 'failed';
  readonly deployment: DeploymentRecord & { readonly errors?: readonly unknown[]; readonly feedback?: readonly unknown[] };
}

export interface DeploymentRecord {
  readonly id: string;
  readonly status: 'calculating' | 'data_ready' | 'failed' | 'deleted';
  readonly live: boolean;
  readonly created_at: string;
  readonly new_datasource_names?: readonly string[];
  readonly changed_datasource_names?: readonly string[];
  readonly deleted_datasource_names?: readonly string[];
  readonly new_pipe_names?: readonly string[];
  readonly changed_pipe_names?: readonly string[];
  readonly deleted_pipe_names?: readonly string[];
}

export interface DeploymentTarget {
  deploy(files: readonly DeployFile[], options: { check: boolean }): Promise<DeployResponse>;
  list(): readonly DeploymentRecord[];
}
