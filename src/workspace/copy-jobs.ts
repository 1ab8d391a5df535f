import { type CopyResult, copySettings, runCopy } from './copy.js';
import { type Job, jobLog } from './jobs.js';
import type { LocalWorkspace } from './local-workspace.js';
import type { QueryParams } from './types.js';

/** What started a copy job: a request (`POST /v0/pipes/<pipe>/copy`, `mk copy run`) or its COPY_SCHEDULE. */
export type CopyTrigger = 'manual' | 'schedule';

export interface CopyJobOutcome {
  readonly job: Job;
  readonly result?: CopyResult;
  readonly error?: Error;
}

/**
 * Runs a copy pipe now as a job: `working` while it copies, then `done` with the rows written or
 * `error` with the message. A pipe that does not exist or does not copy throws before any job exists,
 * as Tinybird refuses such a request without queueing anything.
 */
export function runCopyJob(
  workspace: LocalWorkspace,
  pipe: string,
  params: QueryParams = {},
  trigger: CopyTrigger = 'manual',
): CopyJobOutcome {
  const job = createCopyJob(workspace, pipe, trigger, 'working', params);
  return execute(workspace, job.id, pipe, params);
}

/**
 * Queues a copy job (`waiting`) and runs it on the next turn of the event loop unless it was
 * cancelled meanwhile; `onSettled` hears how it ended. Returns the waiting job.
 */
export function queueCopyJob(
  workspace: LocalWorkspace,
  pipe: string,
  trigger: CopyTrigger,
  onSettled?: (outcome: CopyJobOutcome) => void,
): Job {
  const log = jobLog(workspace.store);
  const job = createCopyJob(workspace, pipe, trigger, 'waiting', {});
  setImmediate(() => {
    try {
      if (!log.start(job.id)) return onSettled?.({ job: log.mustGet(job.id) });
      onSettled?.(execute(workspace, job.id, pipe, {}));
    } catch {
      // The store closed before the job's turn (the server stopped): the next start marks it as interrupted.
    }
  });
  return job;
}

/** The copy job's record: its pipe, target, mode, trigger and any parameters (copySettings throws for a pipe that does not copy). */
function createCopyJob(
  workspace: LocalWorkspace,
  pipe: string,
  trigger: CopyTrigger,
  status: 'waiting' | 'working',
  params: QueryParams,
): Job {
  const { target, mode } = copySettings(workspace, pipe);
  return jobLog(workspace.store).create('copy', {
    pipe,
    datasource: target,
    status,
    fields: { mode, trigger, ...(Object.keys(params).length > 0 ? { parameters: params } : {}) },
  });
}

function execute(workspace: LocalWorkspace, id: string, pipe: string, params: QueryParams): CopyJobOutcome {
  const log = jobLog(workspace.store);
  try {
    const result = runCopy(workspace, pipe, params);
    return { job: log.finish(id, { rows: result.rows }), result };
  } catch (error) {
    return { job: log.fail(id, (error as Error).message), error: error as Error };
  }
}
