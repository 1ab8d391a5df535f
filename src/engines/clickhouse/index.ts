/**
 * A real ClickHouse for mk: today chdb in-process, used by the differential tests (mk's answers against
 * ClickHouse's) and later by a ClickHouse backend. The only place allowed to import a ClickHouse client.
 */
export { type ChdbOptions, openChdb, TINYBIRD_SETTINGS } from './chdb.js';
export { type ClickHouse, ClickHouseError, type ClickHouseResult, type ClickHouseUnavailable } from './types.js';
