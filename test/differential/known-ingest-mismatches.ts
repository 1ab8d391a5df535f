/**
 * Ingestion cases where mk's outcome differs from ClickHouse's JSONEachRow today, keyed by case
 * (`<type> ← <json>`) and grouped by cause. Same honest rule as known-mismatches.ts: a listed case
 * that starts to agree fails the suite, and so does a key that names no case. Regenerate the answers
 * with MK_INGEST_DUMP=/tmp/x.json (see ingest.test.ts).
 */
import type { KnownMismatch } from './known-mismatches.js';

/** One reason per cause, shared by its cases. */
const WHY = {
  missing:
    'Tinybird quarantines a missing key or a null on a non-Nullable column without DEFAULT (and a null Array element or Map value of a non-Nullable type) (its quarantine guide shows such a row quarantined); ClickHouse inserts the type default',
  strict:
    "Tinybird quarantines a JSON value of the wrong JSON type (its guide shows \"3\" quarantined for an Int16 and '' for a Float32); ClickHouse reads quoted numbers, true as 1 and '' as 0. mk reads quoted digits for Int64/UInt64 only, the form JavaScript producers and ClickHouse's own JSON output use for 64-bit integers (UNCERTAIN what Tinybird does)",
  wrap: 'ClickHouse wraps an out-of-range integer silently (modulo 2^bits); mk quarantines it rather than store a different number (UNCERTAIN what Tinybird does)',
  text: "JSON.parse keeps a number's value, not its text: mk sees 1.0 / 1e2 / -0 as the integers 1 / 100 / 0; ClickHouse reads the text and rejects a fraction or exponent for an integer column, '-' for an unsigned one, and keeps '-0' for a String. Fixing needs number text from src/util/json-bigint.ts",
  clamp:
    "ClickHouse saturates dates outside the type's range and rolls impossible days over (2024-02-30 → 2024-03-01); mk quarantines rather than store another instant (UNCERTAIN what Tinybird does)",
  dt64num:
    'ClickHouse rejects a JSON number with a fraction for DateTime64(p) (it reads integers as 10^-p ticks, and so does mk); mk reads a fraction as unix seconds, the reading every producer of fractional timestamps means (UNCERTAIN what Tinybird does)',
  dtfrac: 'ClickHouse rejects a JSON number with a fraction for DateTime; mk truncates it to whole seconds (UNCERTAIN what Tinybird does)',
  datetext:
    "ClickHouse's Date parser stops at the time part and rejects the value; mk keeps the date part (lenient on purpose for `Date` columns fed ISO timestamps; UNCERTAIN what Tinybird does)",
  range64: 'ClickHouse 26 accepts DateTime64 before 1900-01-01; mk checks the documented 1900–2299 range',
} as const;

export const KNOWN_INGEST_MISMATCHES: Readonly<Record<string, KnownMismatch>> = {
  // Tinybird quarantines where ClickHouse defaults: nulls and missing keys on non-Nullable columns
  'String ← null': {
    reason: WHY.missing,
    clickhouse: '""',
    mk: "rejected: missing value on column 'v' (String is not Nullable and has no DEFAULT)",
  },
  'String ← (missing)': {
    reason: WHY.missing,
    clickhouse: '""',
    mk: "rejected: missing value on column 'v' (String is not Nullable and has no DEFAULT)",
  },
  'LowCardinality(String) ← null': {
    reason: WHY.missing,
    clickhouse: '""',
    mk: "rejected: missing value on column 'v' (LowCardinality(String) is not Nullable and has no DEFAULT)",
  },
  'LowCardinality(String) ← (missing)': {
    reason: WHY.missing,
    clickhouse: '""',
    mk: "rejected: missing value on column 'v' (LowCardinality(String) is not Nullable and has no DEFAULT)",
  },
  'FixedString(2) ← null': {
    reason: WHY.missing,
    clickhouse: '"\\u0000\\u0000"',
    mk: "rejected: missing value on column 'v' (FixedString(2) is not Nullable and has no DEFAULT)",
  },
  'FixedString(2) ← (missing)': {
    reason: WHY.missing,
    clickhouse: '"\\u0000\\u0000"',
    mk: "rejected: missing value on column 'v' (FixedString(2) is not Nullable and has no DEFAULT)",
  },
  'DateTime ← null': {
    reason: WHY.missing,
    clickhouse: '"1970-01-01 00:00:00"',
    mk: "rejected: missing value on column 'v' (DateTime is not Nullable and has no DEFAULT)",
  },
  'DateTime ← (missing)': {
    reason: WHY.missing,
    clickhouse: '"1970-01-01 00:00:00"',
    mk: "rejected: missing value on column 'v' (DateTime is not Nullable and has no DEFAULT)",
  },
  'DateTime64(3) ← null': {
    reason: WHY.missing,
    clickhouse: '"1970-01-01 00:00:00.000"',
    mk: "rejected: missing value on column 'v' (DateTime64(3) is not Nullable and has no DEFAULT)",
  },
  'DateTime64(3) ← (missing)': {
    reason: WHY.missing,
    clickhouse: '"1970-01-01 00:00:00.000"',
    mk: "rejected: missing value on column 'v' (DateTime64(3) is not Nullable and has no DEFAULT)",
  },
  'Date ← null': {
    reason: WHY.missing,
    clickhouse: '"1970-01-01"',
    mk: "rejected: missing value on column 'v' (Date is not Nullable and has no DEFAULT)",
  },
  'Date ← (missing)': {
    reason: WHY.missing,
    clickhouse: '"1970-01-01"',
    mk: "rejected: missing value on column 'v' (Date is not Nullable and has no DEFAULT)",
  },
  'Int8 ← null': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (Int8 is not Nullable and has no DEFAULT)",
  },
  'Int8 ← (missing)': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (Int8 is not Nullable and has no DEFAULT)",
  },
  'Int16 ← null': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (Int16 is not Nullable and has no DEFAULT)",
  },
  'Int16 ← (missing)': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (Int16 is not Nullable and has no DEFAULT)",
  },
  'Int32 ← null': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (Int32 is not Nullable and has no DEFAULT)",
  },
  'Int32 ← (missing)': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (Int32 is not Nullable and has no DEFAULT)",
  },
  'Int64 ← null': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (Int64 is not Nullable and has no DEFAULT)",
  },
  'Int64 ← (missing)': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (Int64 is not Nullable and has no DEFAULT)",
  },
  'UInt8 ← null': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (UInt8 is not Nullable and has no DEFAULT)",
  },
  'UInt8 ← (missing)': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (UInt8 is not Nullable and has no DEFAULT)",
  },
  'UInt16 ← null': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (UInt16 is not Nullable and has no DEFAULT)",
  },
  'UInt16 ← (missing)': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (UInt16 is not Nullable and has no DEFAULT)",
  },
  'UInt32 ← null': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (UInt32 is not Nullable and has no DEFAULT)",
  },
  'UInt32 ← (missing)': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (UInt32 is not Nullable and has no DEFAULT)",
  },
  'UInt64 ← null': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (UInt64 is not Nullable and has no DEFAULT)",
  },
  'UInt64 ← (missing)': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (UInt64 is not Nullable and has no DEFAULT)",
  },
  'Float32 ← null': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (Float32 is not Nullable and has no DEFAULT)",
  },
  'Float32 ← (missing)': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (Float32 is not Nullable and has no DEFAULT)",
  },
  'Float64 ← null': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (Float64 is not Nullable and has no DEFAULT)",
  },
  'Float64 ← (missing)': {
    reason: WHY.missing,
    clickhouse: '0',
    mk: "rejected: missing value on column 'v' (Float64 is not Nullable and has no DEFAULT)",
  },
  'Bool ← null': {
    reason: WHY.missing,
    clickhouse: 'false',
    mk: "rejected: missing value on column 'v' (Bool is not Nullable and has no DEFAULT)",
  },
  'Bool ← (missing)': {
    reason: WHY.missing,
    clickhouse: 'false',
    mk: "rejected: missing value on column 'v' (Bool is not Nullable and has no DEFAULT)",
  },
  'UUID ← null': {
    reason: WHY.missing,
    clickhouse: '"00000000-0000-0000-0000-000000000000"',
    mk: "rejected: missing value on column 'v' (UUID is not Nullable and has no DEFAULT)",
  },
  'UUID ← (missing)': {
    reason: WHY.missing,
    clickhouse: '"00000000-0000-0000-0000-000000000000"',
    mk: "rejected: missing value on column 'v' (UUID is not Nullable and has no DEFAULT)",
  },
  'Array(String) ← [null]': {
    reason: WHY.missing,
    clickhouse: '[""]',
    mk: "rejected: value '[null]' on column 'v' is not Array(String)",
  },
  'Array(String) ← null': {
    reason: WHY.missing,
    clickhouse: '[]',
    mk: "rejected: missing value on column 'v' (Array(String) is not Nullable and has no DEFAULT)",
  },
  'Array(String) ← (missing)': {
    reason: WHY.missing,
    clickhouse: '[]',
    mk: "rejected: missing value on column 'v' (Array(String) is not Nullable and has no DEFAULT)",
  },
  'Array(Int32) ← [null]': {
    reason: WHY.missing,
    clickhouse: '[0]',
    mk: "rejected: value '[null]' on column 'v' is not Array(Int32)",
  },
  'Array(Int32) ← null': {
    reason: WHY.missing,
    clickhouse: '[]',
    mk: "rejected: missing value on column 'v' (Array(Int32) is not Nullable and has no DEFAULT)",
  },
  'Array(Int32) ← (missing)': {
    reason: WHY.missing,
    clickhouse: '[]',
    mk: "rejected: missing value on column 'v' (Array(Int32) is not Nullable and has no DEFAULT)",
  },
  'Array(Nullable(String)) ← null': {
    reason: WHY.missing,
    clickhouse: '[]',
    mk: "rejected: missing value on column 'v' (Array(Nullable(String)) is not Nullable and has no DEFAULT)",
  },
  'Array(Nullable(String)) ← (missing)': {
    reason: WHY.missing,
    clickhouse: '[]',
    mk: "rejected: missing value on column 'v' (Array(Nullable(String)) is not Nullable and has no DEFAULT)",
  },
  'Map(String, String) ← {"a":null}': {
    reason: WHY.missing,
    clickhouse: '{"a":""}',
    mk: "rejected: value '{\"a\":null}' on column 'v' is not Map(String, String)",
  },
  'Map(String, String) ← null': {
    reason: WHY.missing,
    clickhouse: '{}',
    mk: "rejected: missing value on column 'v' (Map(String, String) is not Nullable and has no DEFAULT)",
  },
  'Map(String, String) ← (missing)': {
    reason: WHY.missing,
    clickhouse: '{}',
    mk: "rejected: missing value on column 'v' (Map(String, String) is not Nullable and has no DEFAULT)",
  },
  'Map(String, Int32) ← {"a":null}': {
    reason: WHY.missing,
    clickhouse: '{"a":0}',
    mk: "rejected: value '{\"a\":null}' on column 'v' is not Map(String, Int32)",
  },
  // Tinybird is strict about JSON types: quoted numbers, booleans and empty strings in numeric columns
  'Int8 ← "5"': {
    reason: WHY.strict,
    clickhouse: '5',
    mk: "rejected: value '5' on column 'v' is not Int8",
  },
  'Int8 ← true': {
    reason: WHY.strict,
    clickhouse: '1',
    mk: "rejected: value 'true' on column 'v' is not Int8",
  },
  'Int8 ← ""': {
    reason: WHY.strict,
    clickhouse: '0',
    mk: "rejected: value '' on column 'v' is not Int8",
  },
  'Int16 ← "5"': {
    reason: WHY.strict,
    clickhouse: '5',
    mk: "rejected: value '5' on column 'v' is not Int16",
  },
  'Int16 ← true': {
    reason: WHY.strict,
    clickhouse: '1',
    mk: "rejected: value 'true' on column 'v' is not Int16",
  },
  'Int16 ← ""': {
    reason: WHY.strict,
    clickhouse: '0',
    mk: "rejected: value '' on column 'v' is not Int16",
  },
  'Int32 ← "5"': {
    reason: WHY.strict,
    clickhouse: '5',
    mk: "rejected: value '5' on column 'v' is not Int32",
  },
  'Int32 ← true': {
    reason: WHY.strict,
    clickhouse: '1',
    mk: "rejected: value 'true' on column 'v' is not Int32",
  },
  'Int32 ← ""': {
    reason: WHY.strict,
    clickhouse: '0',
    mk: "rejected: value '' on column 'v' is not Int32",
  },
  'Int64 ← true': {
    reason: WHY.strict,
    clickhouse: '1',
    mk: "rejected: value 'true' on column 'v' is not Int64",
  },
  'Int64 ← ""': {
    reason: WHY.strict,
    clickhouse: '0',
    mk: "rejected: value '' on column 'v' is not Int64",
  },
  'UInt8 ← "5"': {
    reason: WHY.strict,
    clickhouse: '5',
    mk: "rejected: value '5' on column 'v' is not UInt8",
  },
  'UInt8 ← true': {
    reason: WHY.strict,
    clickhouse: '1',
    mk: "rejected: value 'true' on column 'v' is not UInt8",
  },
  'UInt8 ← ""': {
    reason: WHY.strict,
    clickhouse: '0',
    mk: "rejected: value '' on column 'v' is not UInt8",
  },
  'UInt16 ← "5"': {
    reason: WHY.strict,
    clickhouse: '5',
    mk: "rejected: value '5' on column 'v' is not UInt16",
  },
  'UInt16 ← true': {
    reason: WHY.strict,
    clickhouse: '1',
    mk: "rejected: value 'true' on column 'v' is not UInt16",
  },
  'UInt16 ← ""': {
    reason: WHY.strict,
    clickhouse: '0',
    mk: "rejected: value '' on column 'v' is not UInt16",
  },
  'UInt32 ← "5"': {
    reason: WHY.strict,
    clickhouse: '5',
    mk: "rejected: value '5' on column 'v' is not UInt32",
  },
  'UInt32 ← true': {
    reason: WHY.strict,
    clickhouse: '1',
    mk: "rejected: value 'true' on column 'v' is not UInt32",
  },
  'UInt32 ← ""': {
    reason: WHY.strict,
    clickhouse: '0',
    mk: "rejected: value '' on column 'v' is not UInt32",
  },
  'UInt64 ← true': {
    reason: WHY.strict,
    clickhouse: '1',
    mk: "rejected: value 'true' on column 'v' is not UInt64",
  },
  'UInt64 ← ""': {
    reason: WHY.strict,
    clickhouse: '0',
    mk: "rejected: value '' on column 'v' is not UInt64",
  },
  'Float32 ← "1.5"': {
    reason: WHY.strict,
    clickhouse: '1.5',
    mk: "rejected: value '1.5' on column 'v' is not Float32",
  },
  'Float32 ← "nan"': {
    reason: WHY.strict,
    clickhouse: 'null',
    mk: "rejected: value 'nan' on column 'v' is not Float32",
  },
  'Float32 ← "inf"': {
    reason: WHY.strict,
    clickhouse: 'null',
    mk: "rejected: value 'inf' on column 'v' is not Float32",
  },
  'Float32 ← true': {
    reason: WHY.strict,
    clickhouse: '1',
    mk: "rejected: value 'true' on column 'v' is not Float32",
  },
  'Float64 ← "1.5"': {
    reason: WHY.strict,
    clickhouse: '1.5',
    mk: "rejected: value '1.5' on column 'v' is not Float64",
  },
  'Float64 ← "-inf"': {
    reason: WHY.strict,
    clickhouse: 'null',
    mk: "rejected: value '-inf' on column 'v' is not Float64",
  },
  'Float64 ← true': {
    reason: WHY.strict,
    clickhouse: '1',
    mk: "rejected: value 'true' on column 'v' is not Float64",
  },
  'Nullable(Int16) ← "2"': {
    reason: WHY.strict,
    clickhouse: '2',
    mk: "rejected: value '2' on column 'v' is not Nullable(Int16)",
  },
  'Nullable(Int16) ← ""': {
    reason: WHY.strict,
    clickhouse: '0',
    mk: "rejected: value '' on column 'v' is not Nullable(Int16)",
  },
  'Nullable(Int64) ← ""': {
    reason: WHY.strict,
    clickhouse: '0',
    mk: "rejected: value '' on column 'v' is not Nullable(Int64)",
  },
  'Nullable(Float64) ← "nan"': {
    reason: WHY.strict,
    clickhouse: 'null',
    mk: "rejected: value 'nan' on column 'v' is not Nullable(Float64)",
  },
  'Array(Int32) ← ["1"]': {
    reason: WHY.strict,
    clickhouse: '[1]',
    mk: "rejected: value '[\"1\"]' on column 'v' is not Array(Int32)",
  },
  'Array(Float64) ← ["1.5"]': {
    reason: WHY.strict,
    clickhouse: '[1.5]',
    mk: "rejected: value '[\"1.5\"]' on column 'v' is not Array(Float64)",
  },
  'Map(String, Int32) ← {"a":"1"}': {
    reason: WHY.strict,
    clickhouse: '{"a":1}',
    mk: 'rejected: value \'{"a":"1"}\' on column \'v\' is not Map(String, Int32)',
  },
  // Out-of-range integers: ClickHouse wraps, mk quarantines
  'Int8 ← 128': {
    reason: WHY.wrap,
    clickhouse: '-128',
    mk: "rejected: value '128' on column 'v' is not Int8",
  },
  'Int8 ← -129': {
    reason: WHY.wrap,
    clickhouse: '127',
    mk: "rejected: value '-129' on column 'v' is not Int8",
  },
  'Int16 ← 32768': {
    reason: WHY.wrap,
    clickhouse: '-32768',
    mk: "rejected: value '32768' on column 'v' is not Int16",
  },
  'Int16 ← -32769': {
    reason: WHY.wrap,
    clickhouse: '32767',
    mk: "rejected: value '-32769' on column 'v' is not Int16",
  },
  'Int32 ← 2147483648': {
    reason: WHY.wrap,
    clickhouse: '-2147483648',
    mk: "rejected: value '2147483648' on column 'v' is not Int32",
  },
  'Int32 ← -2147483649': {
    reason: WHY.wrap,
    clickhouse: '2147483647',
    mk: "rejected: value '-2147483649' on column 'v' is not Int32",
  },
  'Int64 ← 9223372036854775808': {
    reason: WHY.wrap,
    clickhouse: '-9223372036854775808',
    mk: "rejected: value '9223372036854775808' on column 'v' is not Int64",
  },
  'Int64 ← -9223372036854775809': {
    reason: WHY.wrap,
    clickhouse: '9223372036854775807',
    mk: "rejected: value '-9223372036854775809' on column 'v' is not Int64",
  },
  'UInt8 ← 256': {
    reason: WHY.wrap,
    clickhouse: '0',
    mk: "rejected: value '256' on column 'v' is not UInt8",
  },
  'UInt16 ← 65536': {
    reason: WHY.wrap,
    clickhouse: '0',
    mk: "rejected: value '65536' on column 'v' is not UInt16",
  },
  'UInt32 ← 4294967296': {
    reason: WHY.wrap,
    clickhouse: '0',
    mk: "rejected: value '4294967296' on column 'v' is not UInt32",
  },
  'UInt64 ← 18446744073709551616': {
    reason: WHY.wrap,
    clickhouse: '0',
    mk: "rejected: value '18446744073709551616' on column 'v' is not UInt64",
  },
  'Nullable(Int16) ← 40000': {
    reason: WHY.wrap,
    clickhouse: '-25536',
    mk: "rejected: value '40000' on column 'v' is not Nullable(Int16)",
  },
  'Array(Int32) ← [2147483648]': {
    reason: WHY.wrap,
    clickhouse: '[-2147483648]',
    mk: "rejected: value '[2147483648]' on column 'v' is not Array(Int32)",
  },
  // mk's NDJSON parser drops a number's text (1.0, 1e2, -0 arrive as 1, 100, 0)
  'String ← -0': {
    reason: WHY.text,
    clickhouse: '"-0"',
    mk: '"0"',
  },
  'Int8 ← 1.0': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: '.0}': (at row 1)",
    mk: '1',
  },
  'Int8 ← 1e2': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: 'e2}': (at row 1)",
    mk: '100',
  },
  'Int16 ← 1.0': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: '.0}': (at row 1)",
    mk: '1',
  },
  'Int16 ← 1e2': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: 'e2}': (at row 1)",
    mk: '100',
  },
  'Int32 ← 1.0': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: '.0}': (at row 1)",
    mk: '1',
  },
  'Int32 ← 1e2': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: 'e2}': (at row 1)",
    mk: '100',
  },
  'Int64 ← 1.0': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: '.0}': (at row 1)",
    mk: '1',
  },
  'Int64 ← 1e2': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: 'e2}': (at row 1)",
    mk: '100',
  },
  'UInt8 ← -0': {
    reason: WHY.text,
    clickhouse:
      "rejected: Code: 72. DB::Exception: Unsigned type must not contain '-' symbol: (while reading the value of key v): (at row 1)",
    mk: '0',
  },
  'UInt8 ← 1.0': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: '.0}': (at row 1)",
    mk: '1',
  },
  'UInt8 ← 1e2': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: 'e2}': (at row 1)",
    mk: '100',
  },
  'UInt16 ← -0': {
    reason: WHY.text,
    clickhouse:
      "rejected: Code: 72. DB::Exception: Unsigned type must not contain '-' symbol: (while reading the value of key v): (at row 1)",
    mk: '0',
  },
  'UInt16 ← 1.0': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: '.0}': (at row 1)",
    mk: '1',
  },
  'UInt16 ← 1e2': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: 'e2}': (at row 1)",
    mk: '100',
  },
  'UInt32 ← -0': {
    reason: WHY.text,
    clickhouse:
      "rejected: Code: 72. DB::Exception: Unsigned type must not contain '-' symbol: (while reading the value of key v): (at row 1)",
    mk: '0',
  },
  'UInt32 ← 1.0': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: '.0}': (at row 1)",
    mk: '1',
  },
  'UInt32 ← 1e2': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: 'e2}': (at row 1)",
    mk: '100',
  },
  'UInt64 ← -0': {
    reason: WHY.text,
    clickhouse:
      "rejected: Code: 72. DB::Exception: Unsigned type must not contain '-' symbol: (while reading the value of key v): (at row 1)",
    mk: '0',
  },
  'UInt64 ← 1.0': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: '.0}': (at row 1)",
    mk: '1',
  },
  'UInt64 ← 1e2': {
    reason: WHY.text,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: 'e2}': (at row 1)",
    mk: '100',
  },
  // Out-of-range and impossible dates: ClickHouse clamps or normalizes, mk quarantines
  'DateTime ← 1704164645123': {
    reason: WHY.clamp,
    clickhouse: '"2106-02-07 06:28:15"',
    mk: "rejected: value '1704164645123' on column 'v' is not DateTime",
  },
  'DateTime ← -1': {
    reason: WHY.clamp,
    clickhouse: '"1970-01-01 00:00:00"',
    mk: "rejected: value '-1' on column 'v' is not DateTime",
  },
  'DateTime ← "1969-12-31 23:59:59"': {
    reason: WHY.clamp,
    clickhouse: '"1970-01-01 00:00:00"',
    mk: "rejected: value '1969-12-31 23:59:59' on column 'v' is not DateTime",
  },
  'DateTime ← "2106-02-07 06:28:16"': {
    reason: WHY.clamp,
    clickhouse: '"2106-02-07 06:28:15"',
    mk: "rejected: value '2106-02-07 06:28:16' on column 'v' is not DateTime",
  },
  'Date ← "2024-02-30"': {
    reason: WHY.clamp,
    clickhouse: '"2024-03-01"',
    mk: "rejected: value '2024-02-30' on column 'v' is not Date",
  },
  'Date ← 1704164645': {
    reason: WHY.clamp,
    clickhouse: '"2057-09-18"',
    mk: "rejected: value '1704164645' on column 'v' is not Date",
  },
  'Date ← "1969-12-31"': {
    reason: WHY.clamp,
    clickhouse: '"1970-01-01"',
    mk: "rejected: value '1969-12-31' on column 'v' is not Date",
  },
  'Date ← "2149-06-07"': {
    reason: WHY.clamp,
    clickhouse: '"2149-06-06"',
    mk: "rejected: value '2149-06-07' on column 'v' is not Date",
  },
  // JSON fractions for DateTime64: ClickHouse rejects them
  'DateTime64(3) ← 1704164645.5': {
    reason: WHY.dt64num,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: '.5}': (at row 1)",
    mk: '"2024-01-02 03:04:05.500"',
  },
  'DateTime64(3) ← 1704164645.123': {
    reason: WHY.dt64num,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: '.123}': (at row 1)",
    mk: '"2024-01-02 03:04:05.123"',
  },
  'DateTime64(6) ← 1704164645.000001': {
    reason: WHY.dt64num,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: '.000001}': (at row 1)",
    mk: '"2024-01-02 03:04:05.000001"',
  },
  // JSON fractions for DateTime
  'DateTime ← 1704164645.5': {
    reason: WHY.dtfrac,
    clickhouse: "rejected: Code: 27. DB::Exception: Cannot parse input: expected ',' before: '.5}': (at row 1)",
    mk: '"2024-01-02 03:04:05"',
  },
  // Storage limits
  'Nullable(UInt64) ← ""': {
    reason: WHY.strict,
    clickhouse: '0',
    mk: "rejected: value '' on column 'v' is not Nullable(UInt64)",
  },
  // Date from date-time text
  'Date ← "2024-01-02 03:04:05"': {
    reason: WHY.datetext,
    clickhouse:
      "rejected: Code: 27. DB::Exception: Cannot parse input: expected '\"' before: ' 03:04:05\"}': (while reading the value of key v): (at row 1)",
    mk: '"2024-01-02"',
  },
  'Date ← "2024-01-02T03:04:05Z"': {
    reason: WHY.datetext,
    clickhouse:
      "rejected: Code: 27. DB::Exception: Cannot parse input: expected '\"' before: 'T03:04:05Z\"}': (while reading the value of key v): (at row 1)",
    mk: '"2024-01-02"',
  },
  // DateTime64 range
  'DateTime64(3) ← "1899-12-31 23:59:59"': {
    reason: WHY.range64,
    clickhouse: '"1899-12-31 23:59:59.000"',
    mk: "rejected: value '1899-12-31 23:59:59' on column 'v' is not DateTime64(3)",
  },
};
