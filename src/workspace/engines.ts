import { startCopySchedules } from './copy-schedule.js';
import { startTtl } from './engines-ttl.js';
import type { LocalWorkspace } from './local-workspace.js';

/**
 * What runs beside a live workspace to honour its datafiles at write time: ENGINE_TTL deletes (and
 * COPY_SCHEDULE runs). Merge engines need nothing here: ReplacingMergeTree,
 * SummingMergeTree, AggregatingMergeTree and CollapsingMergeTree keep every row inserted, and their
 * merge semantics (FINAL, -Merge, sign) are applied when queried, by the compiler. Returns a stop function.
 */
export function startWriteHooks(workspace: LocalWorkspace): () => void {
  const stops = [startTtl(workspace), startCopySchedules(workspace)];
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}
