/**
 * Ingestion cases: for each column type (the ones real datafiles use, corpus-stats §5), JSON values as
 * an Events API line would carry them, written as raw JSON text so 64-bit integers stay exact.
 * `MISSING` means the key is absent from the line. Each case is keyed `<type> ← <json>`.
 */
export const MISSING = null;

export interface IngestTypeCases {
  readonly type: string;
  /** Raw JSON text of the value, or MISSING for a line without the key. */
  readonly values: readonly (string | typeof MISSING)[];
}

/** The key of one case, e.g. `Int8 ← "5"` or `Date ← (missing)`. */
export const ingestCaseKey = (type: string, json: string | null): string => `${type} ← ${json ?? '(missing)'}`;

const common = ['null', MISSING, '""'];

const ints = (type: string, min: bigint, max: bigint): IngestTypeCases => ({
  type,
  // A Set: unsigned types' minimum is the '0' case already.
  values: [
    ...new Set([
      '0',
      '-0',
      `${max}`,
      `${max + 1n}`,
      `${min}`,
      `${min - 1n}`,
      '"5"',
      '" 5"',
      '"abc"',
      '1.5',
      '1.0',
      '1e2',
      'true',
      '[1]',
      ...common,
    ]),
  ],
});

const dateTimes = [
  '"2024-01-02 03:04:05"',
  '"2024-01-02T03:04:05"',
  '"2024-01-02T03:04:05Z"',
  '"2024-01-02T03:04:05+02:00"',
  '"2024-01-02T03:04:05.123Z"',
  '"2024-01-02 03:04:05.123456789"',
  '"2024-01-02 03:04:05 UTC"',
  '"2024-01-02 03:04"',
  '"2024-01-02"',
  '"2024/01/02 03:04:05"',
  '"02/01/2024"',
  '"2024-13-01 00:00:00"',
  '"2024-02-30 00:00:00"',
  '"not a date"',
  '1704164645',
  '"1704164645"',
  // digit strings are read by their count: 8 YYYYMMDD, 9–10 seconds, 13/16/19 ms/µs/ns, others rejected
  '"20240102"',
  '"100000000"',
  '"1704164645123"',
  '"1704164645123456"',
  '"1704164645123456789"',
  '"17041646451"',
  '"99999"',
  '1704164645.5',
  '1704164645123',
  '0',
  '-1',
  '"1969-12-31 23:59:59"',
  '"2106-02-07 06:28:15"',
  '"2106-02-07 06:28:16"',
  'true',
  ...common,
];

export const INGEST_CASES: readonly IngestTypeCases[] = [
  {
    type: 'String',
    values: [
      '"hello"',
      '"Ünïcödé 🚀"',
      '"tab\\there\\nnewline"',
      '"nul\\u0000byte"',
      '42',
      '1.5',
      '-0',
      'true',
      '{"a":1,"b":[1,2]}',
      '[1,"x"]',
      ...common,
    ],
  },
  { type: 'LowCardinality(String)', values: ['"a"', '7', 'false', ...common] },
  { type: 'LowCardinality(Nullable(String))', values: ['"a"', ...common] },
  { type: 'FixedString(2)', values: ['"ES"', '"E"', '"ESP"', ...common] },
  { type: 'DateTime', values: dateTimes },
  { type: "DateTime('UTC')", values: ['"2024-01-02 03:04:05"', '"2024-01-02T03:04:05+02:00"', '1704164645'] },
  {
    type: 'DateTime64(3)',
    values: [...dateTimes, '"1704164645.123"', '1704164645.123', '"1900-01-01 00:00:00"', '"1899-12-31 23:59:59"', '"2299-12-31 23:59:59"'],
  },
  { type: 'DateTime64(6)', values: ['"2024-01-02 03:04:05.123456"', '"2024-01-02T03:04:05.1Z"', '1704164645.000001', '""'] },
  {
    type: 'Date',
    values: [
      '"2024-01-02"',
      '"2024-01-02 03:04:05"',
      '"2024-01-02T03:04:05Z"',
      '"2024-1-2"',
      '"20240102"',
      '"2024/01/02"',
      '"2024-02-30"',
      '19724',
      '"19724"',
      '1704164645',
      '"1969-12-31"',
      '"2149-06-06"',
      '"2149-06-07"',
      '"garbage"',
      ...common,
    ],
  },
  ints('Int8', -128n, 127n),
  ints('Int16', -32768n, 32767n),
  ints('Int32', -2147483648n, 2147483647n),
  ints('Int64', -9223372036854775808n, 9223372036854775807n),
  ints('UInt8', 0n, 255n),
  ints('UInt16', 0n, 65535n),
  ints('UInt32', 0n, 4294967295n),
  ints('UInt64', 0n, 18446744073709551615n),
  // Both sides of 2^63, where mk's storage turns to two's complement.
  {
    type: 'UInt64',
    values: ['9223372036854775807', '9223372036854775808', '12345678901234567890', '18446744073709551614', '"18446744073709551615"'],
  },
  { type: 'Nullable(UInt64)', values: ['9223372036854775808', '18446744073709551615', '"9223372036854775808"', ...common] },
  { type: 'Array(UInt64)', values: ['[1,9223372036854775807]', '[9223372036854775808,18446744073709551615]', '[]'] },
  { type: 'Array(Int64)', values: ['[-9223372036854775808,9007199254740993,-1]'] },
  { type: 'Map(String, Int64)', values: ['{"a":9007199254740993,"b":-9223372036854775807}'] },
  { type: 'Tuple(Int64, String)', values: ['[9007199254740995,"x"]'] },
  {
    type: 'Float32',
    values: ['1.5', '0.1', '-0.0', '42', '3.4028235e38', '1e39', '1e-50', '"1.5"', '"nan"', '"inf"', 'true', '"abc"', ...common],
  },
  {
    type: 'Float64',
    values: ['1.5', '0.1', '-0.0', '1e308', '1e-320', '18446744073709551616', '"1.5"', '"-inf"', 'true', ...common],
  },
  { type: 'Bool', values: ['true', 'false', '0', '1', '2', '"true"', '"false"', '"1"', '"yes"', '"TRUE"', ...common] },
  {
    type: 'UUID',
    values: [
      '"61f0c404-5cb3-11e7-907b-a6006ad3dba0"',
      '"61F0C404-5CB3-11E7-907B-A6006AD3DBA0"',
      '"61f0c4045cb311e7907ba6006ad3dba0"',
      '"{61f0c404-5cb3-11e7-907b-a6006ad3dba0}"',
      '"not-a-uuid"',
      '0',
      ...common,
    ],
  },
  { type: 'Nullable(String)', values: ['"x"', '1', '{"a":1}', ...common] },
  { type: 'Nullable(Int16)', values: ['1', '"2"', '40000', ...common] },
  { type: 'Nullable(Int64)', values: ['9007199254740993', '"x"', ...common] },
  { type: 'Nullable(Float64)', values: ['1.5', '"nan"', ...common] },
  { type: 'Nullable(DateTime)', values: ['"2024-01-02 03:04:05"', '"bad"', ...common] },
  { type: 'Nullable(DateTime64(3))', values: ['"2024-01-02 03:04:05.123"', '0', ...common] },
  {
    type: 'Array(String)',
    values: ['["a","b"]', '[]', '["Ünï"]', '[1,2]', '[null]', '[["a"]]', '[{"a":1}]', '"a"', `"['a','b']"`, '"[\\"a\\"]"', '{}', ...common],
  },
  {
    type: 'Array(Int32)',
    values: ['[1,-2]', '[]', '[1.5]', '["1"]', '[null]', '[2147483648]', '[[1]]', '"[1,2]"', '1', ...common],
  },
  { type: 'Array(Nullable(String))', values: ['["a",null]', '[]', ...common] },
  { type: 'Array(Float64)', values: ['[1.5,2]', '["1.5"]', '[]'] },
  { type: 'Array(LowCardinality(String))', values: ['["a","a"]', '[]'] },
  {
    type: 'Map(String, String)',
    values: ['{"a":"b"}', '{}', '{"a":1}', '{"a":null}', '{"a":{"b":1}}', '{"a":["x"]}', '[]', '"{}"', ...common],
  },
  { type: 'Map(LowCardinality(String), String)', values: ['{"k":"v","k2":""}', '{}', '{"k":true}'] },
  { type: 'Map(String, Int32)', values: ['{"a":1}', '{"a":"1"}', '{"a":1.5}', '{"a":null}'] },
];
