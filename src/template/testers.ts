import { parsePyFloat } from './py-number.js';

/**
 * Validators for typed parameters, matching Tinybird's `datatypes.testers`. Python's `re.match` anchors only
 * at the start and its `$` also matches before a final newline; the patterns below reproduce both.
 */

const INT_RE = /^[+-]?\d+\n?$/;
const UINT_RE = /^\d+\n?$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}\n?$/;
const DATETIME_RES = [/^\d{4}.\d{2}.\d{2}(?:T|\s)\d{2}:\d{2}:\d{2}/, /^\d\d.\d\d.\d{4}.\d{1,2}:\d{1,2}:\d{1,2}/];
const DATETIME64_RES = [/^\d{4}.\d{2}.\d{2}(?:T|\s)\d{2}:\d{2}:\d{2}.\d{3}/, /^\d\d.\d\d.\d{4}.\d{1,2}:\d{1,2}:\d{1,2}.\d{1,3}/];

const intRange =
  (re: RegExp, min: bigint, max: bigint) =>
  (x: string): boolean => {
    if (!re.test(x)) return false;
    const n = BigInt(x.trim());
    return n >= min && n < max;
  };
const signed = (bits: number) => intRange(INT_RE, -(2n ** BigInt(bits - 1)), 2n ** BigInt(bits - 1));
// Tinybird checks UInt128/UInt256 with the signed regex (then the range rejects negatives except `-0`).
const unsigned = (bits: number) => intRange(bits > 64 ? INT_RE : UINT_RE, 0n, 2n ** BigInt(bits));
const floatTest = (x: string): boolean => !x.includes('_') && parsePyFloat(x) !== undefined;

export const TESTERS: Readonly<Record<string, (x: string) => boolean>> = {
  Date: (x) => DATE_RE.test(x),
  DateTime: (x) => DATETIME_RES.some((re) => re.test(x)),
  DateTime64: (x) => DATETIME64_RES.some((re) => re.test(x)),
  Int8: signed(8),
  Int16: signed(16),
  Int32: signed(32),
  Int64: signed(64),
  Int128: signed(128),
  Int256: signed(256),
  UInt8: unsigned(8),
  UInt16: unsigned(16),
  UInt32: unsigned(32),
  UInt64: unsigned(64),
  UInt128: unsigned(128),
  UInt256: unsigned(256),
  Float32: floatTest,
  Float64: floatTest,
};
