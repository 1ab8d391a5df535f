import { readFileSync } from 'node:fs';

/**
 * The tables every differential case can read, loaded identically into ClickHouse and mk. Rows are JSON
 * objects as the Events API receives them. They include what tends to separate the engines: NULLs,
 * empty strings, ties, non-ASCII text, negative numbers, zero divisors, users missing from the join side.
 */

export interface TableSpec {
  readonly name: string;
  /** Column name → ClickHouse type, in order. */
  readonly columns: readonly (readonly [string, string])[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

const ev = (
  id: number,
  ts: string,
  user: string,
  country: string,
  amount: number,
  qty: number,
  price: number | null,
  tags: string[],
  payload: string,
  note: string | null,
) => ({
  id,
  ts,
  day: ts.slice(0, 10),
  user,
  country,
  amount,
  qty,
  price,
  tags,
  payload,
  flag: id % 2,
  ts64: `${ts}.${String((id * 137) % 1000).padStart(3, '0')}`,
  big: id * 1_000_000_007,
  note,
});

export const EVENTS: TableSpec = {
  name: 'events',
  columns: [
    ['id', 'UInt32'],
    ['ts', 'DateTime'],
    ['day', 'Date'],
    ['user', 'String'],
    ['country', 'LowCardinality(String)'],
    ['amount', 'Float64'],
    ['qty', 'Int32'],
    ['price', 'Nullable(Float64)'],
    ['tags', 'Array(String)'],
    ['payload', 'String'],
    ['flag', 'UInt8'],
    ['ts64', 'DateTime64(3)'],
    ['big', 'Int64'],
    ['note', 'Nullable(String)'],
  ],
  rows: [
    ev(
      1,
      '2024-01-01 00:15:00',
      'alice',
      'ES',
      10.5,
      1,
      9.99,
      ['a', 'b'],
      '{"k":"x","n":1,"f":1.5,"b":true,"arr":[1,2],"o":{"p":"q"}}',
      'first',
    ),
    ev(2, '2024-01-01 13:45:30', 'bob', 'US', 20, 2, null, [], '{"k":"y","n":2}', null),
    ev(3, '2024-01-02 08:00:00', 'alice', 'ES', 0, 0, 0, ['b'], '{"k":"z","n":-3,"f":-0.25}', ''),
    ev(4, '2024-01-15 23:59:59', 'carol', 'FR', 5.25, -1, 1.5, ['a', 'c', 'a'], '{}', 'Ünïcödé'),
    ev(5, '2024-02-29 12:00:00', 'dave', 'US', 100, 10, 10, ['x'], '{"k":"w","n":5,"arr":[]}', 'Mixed Case'),
    ev(6, '2024-03-31 06:30:00', 'bob', 'DE', 33.333, 3, 3.33, ['b', 'b'], 'not json', '%under_score%'),
    ev(7, '2024-06-15 18:00:00', 'erin', '', 7, 7, null, [], '{"k":"","n":0}', null),
    ev(8, '2024-12-31 23:00:00', 'alice', 'ES', -4.5, -2, 2.25, ['c'], '{"k":"v","n":8,"f":2}', 'last'),
    ev(9, '2023-12-25 10:10:10', 'frank', 'GB', 1e6, 1000, 0.1, ['a'], '{"n":9}', 'Frank'),
    ev(10, '2024-01-01 00:15:00', 'bob', 'US', 20, 2, 2, ['d', 'e'], '{"k":"y","n":10}', 'tie'),
  ],
};

export const USERS: TableSpec = {
  name: 'users',
  columns: [
    ['user', 'String'],
    ['name', 'String'],
    ['age', 'UInt8'],
    ['signup', 'Date'],
    ['score', 'Nullable(Int32)'],
  ],
  rows: [
    { user: 'alice', name: 'Alice A', age: 30, signup: '2023-06-01', score: 10 },
    { user: 'bob', name: 'Bob B', age: 25, signup: '2023-07-15', score: null },
    { user: 'carol', name: 'Carol C', age: 41, signup: '2022-01-01', score: -5 },
    { user: 'zed', name: 'Zed Z', age: 99, signup: '2020-02-29', score: 0 },
  ],
};

/** A table with no rows: aggregates over nothing. */
export const EMPTY: TableSpec = {
  name: 'empty',
  columns: [
    ['x', 'Int32'],
    ['f', 'Float64'],
    ['s', 'String'],
    ['d', 'DateTime'],
  ],
  rows: [],
};

/** The example project's datasource and fixture (examples/marketing), for its endpoints' SQL. */
export const MARKETING: TableSpec = {
  name: 'marketing_events',
  columns: [
    ['event_time', 'DateTime'],
    ['channel', 'LowCardinality(String)'],
    ['campaign', 'String'],
    ['user_id', 'String'],
    ['event_type', 'LowCardinality(String)'],
  ],
  rows: readFileSync(new URL('../../examples/marketing/fixtures/marketing_events.ndjson', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>),
};

/** UInt64 values on both sides of 2^63 (stored two's complement in mk), with a Nullable copy and a text key. */
const U64_VALUES = [
  0n,
  1n,
  100n,
  9007199254740993n,
  9223372036854775806n,
  9223372036854775807n,
  9223372036854775808n,
  9223372036854775809n,
  12345678901234567890n,
  18446744073709551614n,
  18446744073709551615n,
  100n,
];
const U64: TableSpec = {
  name: 'u64',
  columns: [
    ['k', 'UInt32'],
    ['h', 'UInt64'],
    ['n', 'Nullable(UInt64)'],
    ['i', 'Int64'],
    ['s', 'String'],
  ],
  rows: U64_VALUES.map((h, k) => ({
    k,
    h,
    n: k % 3 === 0 ? null : h,
    i: BigInt.asIntN(64, h),
    s: `key-${k}`,
  })),
};

export const TABLES: readonly TableSpec[] = [EVENTS, USERS, EMPTY, MARKETING, U64];
