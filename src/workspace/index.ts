export { type BuildOptions, buildWorkspace, fixtureRows, type WorkspaceBuild } from './build.js';
export { fixtureLoader } from './fixtures.js';
export { LocalWorkspace } from './local-workspace.js';
export { openWorkspaceStore } from './open-store.js';
export type { ResourceChanges } from './plan.js';
export type * from './types.js';
