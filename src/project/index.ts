export { discoverFiles, type DiscoveredFiles } from './discover.js';
export { loadProject, type LoadOptions, type LoadResult } from './load.js';
export * from './project.js';
