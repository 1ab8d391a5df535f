export { resolveDatasource, resolveEngine } from './check-datasource.js';
export { checkPipe, type PipeKind, pipeKind } from './check-pipe.js';
export { type AnalyzedPipe, analyzeProject, type ProjectAnalysis } from './check-project.js';
export * from './resolved.js';
