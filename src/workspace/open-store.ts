import { registerFunctions } from '../compile/functions/index.js';
import { openStore, type Store } from '../store/index.js';

/** Opens a store with mk's ClickHouse function library registered on its connection. */
export function openWorkspaceStore(file: string): Store {
  const store = openStore(file);
  store.registerUdfs(registerFunctions);
  return store;
}
