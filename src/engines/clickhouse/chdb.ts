/**
 * ClickHouse in this process through chdb (libchdb, the ClickHouse engine as a shared library, shipped
 * in the npm package @chdb/lib-<platform>). The only file that imports chdb; it is loaded lazily so mk
 * runs without it (chdb is a devDependency).
 */
import { type ClickHouse, ClickHouseError, type ClickHouseResult, type ClickHouseUnavailable } from './types.js';

export interface ChdbOptions {
  /** Session settings given at connect, as `clickhouse local` flags take them. */
  readonly settings?: Readonly<Record<string, string | number>>;
}

/**
 * Tinybird's answers: UTC, 64-bit integers as JSON numbers, LEFT JOIN defaults (join_use_nulls=0 is
 * ClickHouse's default). One thread: the query sizes here are tiny and CI has 2 cores.
 */
export const TINYBIRD_SETTINGS: Readonly<Record<string, string | number>> = {
  session_timezone: 'UTC',
  output_format_json_quote_64bit_integers: 0,
  output_format_json_quote_denormals: 0,
  max_threads: 1,
};

type ChdbModule = typeof import('chdb');
type ChdbSession = InstanceType<ChdbModule['Session']>;

/** Opens an in-memory chdb session, or says why it cannot. One session per process (libchdb's rule). */
export async function openChdb(options: ChdbOptions = {}): Promise<ClickHouse | ClickHouseUnavailable> {
  let mod: ChdbModule;
  try {
    mod = await import('chdb');
  } catch (e) {
    return { unavailable: `the chdb package could not be loaded (${(e as Error).message.split('\n')[0]})` };
  }
  const settings = { ...TINYBIRD_SETTINGS, ...options.settings };
  try {
    const session = new mod.Session(undefined, { connectionArgs: Object.entries(settings).map(([k, v]) => `--${k}=${v}`) });
    return new ChdbClickHouse(session);
  } catch (e) {
    return { unavailable: `chdb could not start a session (${(e as Error).message.split('\n')[0]})` };
  }
}

class ChdbClickHouse implements ClickHouse {
  readonly version: string;

  constructor(private readonly session: ChdbSession) {
    this.version = String(this.query('SELECT version()').data[0]?.[0]);
  }

  exec(sql: string): void {
    this.run(sql, 'TSV');
  }

  insertJsonEachRow(table: string, rows: readonly Readonly<Record<string, unknown>>[]): void {
    if (rows.length === 0) return;
    this.run(`INSERT INTO ${table} FORMAT JSONEachRow\n${rows.map((r) => JSON.stringify(r)).join('\n')}`, 'TSV');
  }

  query(sql: string): ClickHouseResult {
    const text = this.run(sql.replace(/;\s*$/, ''), 'JSONCompact');
    let out: ClickHouseResult;
    try {
      out = JSON.parse(text) as ClickHouseResult;
    } catch (e) {
      throw new ClickHouseError(`unreadable JSONCompact output (${(e as Error).message}): ${text.slice(0, 2000)}`);
    }
    return { meta: out.meta.map((m) => ({ name: m.name, type: m.type })), data: out.data };
  }

  close(): void {
    this.session.close();
  }

  private run(sql: string, format: string): string {
    try {
      return this.session.query(sql, format);
    } catch (e) {
      const err = e as Error & { clickhouseCode?: number };
      // A query that fails while executing leaves the output it had written (the JSON header) in the
      // session's buffer, and chdb prepends it to the next result. A throwaway query drains it.
      try {
        this.session.query('SELECT 1', 'TSV');
      } catch {
        // the session itself is broken; the next query will say so
      }
      throw new ClickHouseError(err.message, err.clickhouseCode);
    }
  }
}
