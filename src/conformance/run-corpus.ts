import { findProjectRoots } from './roots.js';
import { type ProjectReport, type RunOptions, runProject } from './run-project.js';

export interface CorpusOptions extends RunOptions {
  /** Only projects whose name contains this text. */
  readonly only?: string;
}

/** Runs every project of a corpus folder, one after the other (each on its own in-memory store). */
export async function runCorpus(corpus: string, options: CorpusOptions): Promise<ProjectReport[]> {
  const reports: ProjectReport[] = [];
  for (const root of findProjectRoots(corpus)) {
    if (options.only !== undefined && !root.name.includes(options.only)) continue;
    reports.push(await runProject(root, options));
  }
  return reports;
}
