import type { Project } from '../project/project.js';
import { type ExecuteOptions, type Execution, executeProject } from './execute.js';

/** How many times more rows the second run generates. */
const MORE = 10;

/**
 * Runs the project again with ten times the rows when some view's target got none (a filter or a hash
 * bucket that 50 rows with 10 distinct ids miss); those views take the second run's outcome. Views
 * that failed otherwise, and endpoints, keep the first.
 */
export async function executeWithRetry(
  project: Project,
  exclude: ReadonlyMap<string, string>,
  options: ExecuteOptions,
): Promise<Execution> {
  const first = await executeProject(project, exclude, options);
  const empty = [...first.failed].filter(([, reason]) => reason.startsWith('data:')).map(([path]) => path);
  if (empty.length === 0) return first;
  const second = await executeProject(project, exclude, { ...options, rows: options.rows * MORE });
  const ran = new Map(first.ran);
  const failed = new Map(first.failed);
  for (const path of empty) {
    const rows = second.ran.get(path);
    if (rows === undefined) continue;
    ran.set(path, rows);
    failed.delete(path);
  }
  return { ran, failed, ingest: first.ingest };
}
