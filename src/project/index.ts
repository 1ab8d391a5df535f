export { type DiscoveredFiles, discoverFiles } from './discover.js';
export { type LoadOptions, type LoadResult, loadProject } from './load.js';
export * from './project.js';
