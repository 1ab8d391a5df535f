import type { CatalogEntry } from '../analysis/sql/catalog.js';
import type { ChType } from '../types/ast.js';
import { mustParseType } from '../types/parse.js';
import { JOB_COLUMNS, JOBS_TABLE } from './jobs.js';

/**
 * What Tinybird's service data sources look like in mk: the tables the recorder (query-stats.ts) writes,
 * `tinybird.pipe_stats_rt` and `tinybird.datasources_ops_log`, and views over them and over the job log,
 * `tinybird.pipe_stats` and `tinybird.jobs_log`. Names and columns are Tinybird's.
 */
export interface ServiceTable {
  readonly name: string;
  readonly physical: string;
  readonly columns: readonly { name: string; type: ChType }[];
}

const table = (name: string, physical: string, columns: Record<string, string>): ServiceTable => ({
  name,
  physical,
  columns: Object.entries(columns).map(([n, t]) => ({ name: n, type: mustParseType(t) })),
});

export const PIPE_STATS = table('tinybird.pipe_stats_rt', 'svc__pipe_stats_rt', {
  start_datetime: 'DateTime',
  pipe_id: 'String',
  pipe_name: 'String',
  duration: 'Float32',
  url: 'Nullable(String)',
  error: 'UInt8',
  request_id: 'String',
  token_name: 'String',
  status_code: 'Int32',
  method: 'String',
  parameters: 'Map(String, String)',
  user_agent: 'Nullable(String)',
  read_bytes: 'UInt64',
  read_rows: 'UInt64',
  result_rows: 'UInt64',
});

export const OPS_LOG = table('tinybird.datasources_ops_log', 'svc__datasources_ops_log', {
  timestamp: 'DateTime',
  event_type: 'String',
  datasource_id: 'String',
  datasource_name: 'String',
  result: 'String',
  elapsed_time: 'Float32',
  error: 'Nullable(String)',
  request_id: 'String',
  import_id: 'Nullable(String)',
  rows: 'Nullable(UInt64)',
  rows_quarantine: 'Nullable(UInt64)',
  // Added later: stores made before get them by ALTER TABLE (see ServiceRecorder), so keep them last.
  job_id: 'Nullable(String)',
  pipe_id: 'String',
  pipe_name: 'String',
  read_rows: 'UInt64',
  read_bytes: 'UInt64',
  written_rows: 'UInt64',
  written_bytes: 'UInt64',
  written_rows_quarantine: 'UInt64',
  written_bytes_quarantine: 'UInt64',
  resource_tags: 'Array(String)',
});

/** The tables the recorder writes (the views below read them). */
export const SERVICE_TABLES = [PIPE_STATS, OPS_LOG];

/**
 * `tinybird.pipe_stats`: pipe_stats_rt by day, as Tinybird keeps it past pipe_stats_rt's 7 days. Here it
 * is a view (a one-node pipe) over the same rows, so it always agrees with pipe_stats_rt.
 */
export const PIPE_STATS_DAILY: CatalogEntry = {
  kind: 'pipe',
  name: 'tinybird.pipe_stats',
  nodes: [
    {
      name: 'pipe_stats',
      sql: `SELECT toDate(start_datetime) AS date, pipe_id, pipe_name,
        count() AS view_count, countIf(error = 1) AS error_count,
        avgState(duration) AS avg_duration_state,
        quantilesTimingState(0.9, 0.95, 0.99)(duration * 1000) AS quantile_timing_state,
        sum(read_bytes) AS read_bytes_sum, sum(read_rows) AS read_rows_sum,
        CAST([], 'Array(String)') AS resource_tags
      FROM tinybird.pipe_stats_rt
      GROUP BY date, pipe_id, pipe_name`,
    },
  ],
};

/** The job log's own table, as `tinybird.jobs_log` reads it (times are `YYYY-MM-DD hh:mm:ss.sss` text). */
export const JOBS_RAW: CatalogEntry = {
  kind: 'table',
  name: 'tinybird.__jobs',
  sqliteName: JOBS_TABLE,
  // Every column is text; the ones a job may lack are Nullable.
  columns: JOB_COLUMNS.map((name) => ({
    name,
    type: mustParseType(['started_at', 'pipe_name', 'datasource_name', 'error'].includes(name) ? 'Nullable(String)' : 'String'),
  })),
};

/**
 * `tinybird.jobs_log`: Tinybird's columns over mk's job log (copy runs, deletes); `job_metadata` holds the
 * pipe and datasource names beside the job's own fields, as JSON.
 */
export const JOBS_LOG: CatalogEntry = {
  kind: 'pipe',
  name: 'tinybird.jobs_log',
  nodes: [
    {
      name: 'jobs_log',
      sql: `SELECT id AS job_id, kind AS job_type, '' AS workspace_id,
        ifNull(pipe_name, '') AS pipe_id, ifNull(pipe_name, '') AS pipe_name,
        parseDateTimeBestEffort(created_at) AS created_at, parseDateTimeBestEffort(updated_at) AS updated_at,
        parseDateTimeBestEffortOrNull(started_at) AS started_at,
        status, error,
        concat('{"pipe_name":"', ifNull(pipe_name, ''), '","datasource_name":"', ifNull(datasource_name, ''), '"',
          if(fields = '{}', '}', concat(',', substring(fields, 2)))) AS job_metadata
      FROM tinybird.__jobs`,
    },
  ],
};
