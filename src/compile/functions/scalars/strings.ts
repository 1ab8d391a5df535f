import { baseType, T } from '../../../types/ast.js';
import { constNumber, counting, scalar } from '../define.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { udf } from '../udf/registry.js';
import { toStringSql } from './conversion.js';

const s = (a: EmittedArg | undefined) => (a as EmittedArg).sql;
const isArray = (a: EmittedArg | undefined) => !!a && ['array', 'map'].includes(baseType(a.type).kind);

const LOWER_UTF8 = udf('ch_lower_utf8', (x: string) => String(x).toLowerCase());
const UPPER_UTF8 = udf('ch_upper_utf8', (x: string) => String(x).toUpperCase());
const REPLACE_ONE = udf('ch_replace_one', (x: string, from: string, to: string) => (from === '' ? x : String(x).replace(from, () => to)));
const PAD = udf('ch_pad', (x: string, len: number, fill: string, left: number) => {
  const str = String(x);
  const n = Number(len);
  if (str.length >= n) return str.slice(0, n);
  if (fill === '') return str;
  const padding = fill.repeat(Math.ceil((n - str.length) / fill.length)).slice(0, n - str.length);
  return left ? padding + str : str + padding;
});
const SUBSTRING = udf('ch_substring', (x: unknown, offset: number, length?: number) => {
  const bytes = Buffer.from(String(x), 'utf8');
  const off = Number(offset);
  // 1-based; negative counts from the end; 0 gives ''.
  if (off === 0) return '';
  const start = off > 0 ? off - 1 : Math.max(0, bytes.length + off);
  const end =
    length === undefined || length === null ? bytes.length : Number(length) < 0 ? bytes.length + Number(length) : start + Number(length);
  return bytes.subarray(start, Math.max(start, end)).toString('utf8');
});
const SPLIT_CHAR = udf('ch_split_by_string', (sep: string, x: string, max?: number) => {
  const parts = sep === '' ? [...String(x)] : String(x).split(sep);
  return JSON.stringify(max !== undefined && max !== null && Number(max) > 0 ? parts.slice(0, Number(max)) : parts);
});
const SPLIT_WS = udf('ch_split_by_whitespace', (x: string) =>
  JSON.stringify(
    String(x)
      .split(/[ \t\n\r\v\f]+/)
      .filter(Boolean),
  ),
);
const B64_ENC = udf('ch_base64_encode', (x: string) => Buffer.from(String(x), 'utf8').toString('base64'));
const B64_DEC = udf('ch_base64_decode', (x: string) => Buffer.from(String(x), 'base64').toString('utf8'));
const FORMAT = udf(
  'ch_format',
  (pattern: string, ...args: unknown[]) => {
    let i = 0;
    return String(pattern).replace(/\{(\d*)\}|\{\{|\}\}/g, (m, d: string | undefined) => {
      if (m === '{{') return '{';
      if (m === '}}') return '}';
      const v = d ? args[Number(d)] : args[i++];
      return v === null || v === undefined ? '' : String(v);
    });
  },
  { nullPropagating: false },
);
const MULTI_SEARCH = udf('ch_multi_search', (h: string, needles: string, mode: string) => {
  const list = JSON.parse(String(needles)) as string[];
  const ci = mode.includes('i');
  const hay = ci ? String(h).toLowerCase() : String(h);
  const found = list.map((n) => hay.indexOf(ci ? n.toLowerCase() : n));
  if (mode.startsWith('any')) return found.some((p) => p >= 0) ? 1 : 0;
  // ClickHouse 26 answers the first needle in list order that occurs (not the leftmost occurrence).
  if (mode.startsWith('firstIndex')) return found.findIndex((p) => p >= 0) + 1;
  // firstPosition: 1-based byte position of the leftmost match.
  const hits = found.filter((p) => p >= 0);
  return hits.length ? Buffer.byteLength(hay.slice(0, Math.min(...hits))) + 1 : 0;
});

const str = (
  name: string,
  emit: (a: readonly EmittedArg[]) => string,
  min: number,
  max = min,
  aliases?: string[],
  ret = T.string,
  ci = false,
) => {
  const def = scalar({
    name,
    ...(aliases ? { aliases } : {}),
    ...(ci ? { caseInsensitive: true } : {}),
    min,
    max,
    ret,
    emit: (a) => emit(a),
  });
  // The UInt64 string functions here are lengths, positions and indexes.
  return ret === T.uint64 ? counting(def) : def;
};

const bytesLen = (x: string) => `length(CAST(${x} AS BLOB))`;

export const STRINGS: readonly FunctionDef[] = [
  // ClickHouse's lower/upper are ASCII-only, like SQLite's.
  str('lower', (a) => `lower(${s(a[0])})`, 1, 1, ['lcase'], T.string, true),
  str('upper', (a) => `upper(${s(a[0])})`, 1, 1, ['ucase'], T.string, true),
  str('lowerUTF8', (a) => `${LOWER_UTF8}(${s(a[0])})`, 1),
  str('upperUTF8', (a) => `${UPPER_UTF8}(${s(a[0])})`, 1),
  // length counts bytes for strings, elements for arrays.
  str('length', (a) => (isArray(a[0]) ? `json_array_length(${s(a[0])})` : bytesLen(s(a[0]))), 1, 1, ['octet_length'], T.uint64, true),
  str('lengthUTF8', (a) => `length(${s(a[0])})`, 1, 1, ['char_length', 'character_length'], T.uint64, true),
  scalar({
    name: 'concat',
    caseInsensitive: true,
    min: 1,
    max: Infinity,
    ret: T.string,
    emit: (a) => `(${a.map((x) => toStringSql(x)).join(' || ')})`,
  }),
  scalar({
    name: 'concatWithSeparator',
    aliases: ['concat_ws'],
    caseInsensitive: true,
    min: 1,
    max: Infinity,
    ret: T.string,
    emit: ([sep, ...rest]) => (rest.length ? `(${rest.map((x) => toStringSql(x)).join(` || ${s(sep)} || `)})` : "''"),
  }),
  scalar({
    name: 'substring',
    aliases: ['substr', 'mid', 'SUBSTRING', 'SUBSTR'],
    caseInsensitive: true,
    min: 2,
    max: 3,
    ret: T.string,
    // Bytes, 1-based. SQLite's substr on a BLOB is byte-based; a positive constant offset keeps it inline.
    emit: ([x, o, l]) =>
      (constNumber(o) ?? 0) > 0 && (l === undefined || (constNumber(l) ?? -1) >= 0)
        ? `CAST(substr(CAST(${s(x)} AS BLOB), ${s(o)}${l ? `, ${s(l)}` : ''}) AS TEXT)`
        : `${SUBSTRING}(${s(x)}, ${s(o)}${l ? `, ${s(l)}` : ''})`,
  }),
  str('substringUTF8', (a) => `substr(${s(a[0])}, ${s(a[1])}${a[2] ? `, ${s(a[2])}` : ''})`, 2, 3),
  str('left', (a) => `CAST(substr(CAST(${s(a[0])} AS BLOB), 1, ${s(a[1])}) AS TEXT)`, 2, 2, [], T.string, true),
  str('right', (a) => `CAST(substr(CAST(${s(a[0])} AS BLOB), -(${s(a[1])})) AS TEXT)`, 2, 2, [], T.string, true),
  str('position', (a) => `instr(CAST(${s(a[0])} AS BLOB), CAST(${s(a[1])} AS BLOB))`, 2, 2, [], T.uint64, true),
  str('positionUTF8', (a) => `instr(${s(a[0])}, ${s(a[1])})`, 2, 2, [], T.uint64),
  str('positionCaseInsensitive', (a) => `instr(CAST(lower(${s(a[0])}) AS BLOB), CAST(lower(${s(a[1])}) AS BLOB))`, 2, 2, [], T.uint64),
  str('positionCaseInsensitiveUTF8', (a) => `instr(${LOWER_UTF8}(${s(a[0])}), ${LOWER_UTF8}(${s(a[1])}))`, 2, 2, [], T.uint64),
  str('replaceAll', (a) => `replace(${s(a[0])}, ${s(a[1])}, ${s(a[2])})`, 3, 3, ['replace'], T.string, true),
  str('replaceOne', (a) => `${REPLACE_ONE}(${s(a[0])}, ${s(a[1])}, ${s(a[2])})`, 3),
  // trim family removes ASCII spaces only, as ClickHouse does (not tabs or newlines).
  str('trim', (a) => (a[1] ? `trim(${s(a[0])}, ${s(a[1])})` : `trim(${s(a[0])}, ' ')`), 1, 2, ['trimBoth'], T.string, true),
  str('trimLeft', (a) => `ltrim(${s(a[0])}, ' ')`, 1, 1, ['ltrim'], T.string, true),
  str('trimRight', (a) => `rtrim(${s(a[0])}, ' ')`, 1, 1, ['rtrim'], T.string, true),
  str('startsWith', (a) => `(substr(CAST(${s(a[0])} AS BLOB), 1, ${bytesLen(s(a[1]))}) = CAST(${s(a[1])} AS BLOB))`, 2, 2, [], T.uint8),
  str(
    'endsWith',
    (a) => `(${bytesLen(s(a[1]))} = 0 OR substr(CAST(${s(a[0])} AS BLOB), -${bytesLen(s(a[1]))}) = CAST(${s(a[1])} AS BLOB))`,
    2,
    2,
    [],
    T.uint8,
  ),
  str('empty', (a) => (isArray(a[0]) ? `(json_array_length(${s(a[0])}) = 0)` : `(${bytesLen(s(a[0]))} = 0)`), 1, 1, [], T.uint8),
  str('notEmpty', (a) => (isArray(a[0]) ? `(json_array_length(${s(a[0])}) > 0)` : `(${bytesLen(s(a[0]))} > 0)`), 1, 1, [], T.uint8),
  str('leftPad', (a) => `${PAD}(${s(a[0])}, ${s(a[1])}, ${a[2] ? s(a[2]) : "' '"}, 1)`, 2, 3, ['lpad'], T.string, true),
  str('rightPad', (a) => `${PAD}(${s(a[0])}, ${s(a[1])}, ${a[2] ? s(a[2]) : "' '"}, 0)`, 2, 3, ['rpad'], T.string, true),
  str('leftPadUTF8', (a) => `${PAD}(${s(a[0])}, ${s(a[1])}, ${a[2] ? s(a[2]) : "' '"}, 1)`, 2, 3),
  str('repeat', (a) => `replace(hex(zeroblob(${s(a[1])})), '00', ${s(a[0])})`, 2, 2, [], T.string, true),
  str('reverse', (a) => `ch_reverse(${s(a[0])})`, 1, 1, [], T.string, true),
  str('splitByChar', (a) => `${SPLIT_CHAR}(${s(a[0])}, ${s(a[1])}${a[2] ? `, ${s(a[2])}` : ''})`, 2, 3, [], T.array(T.string)),
  str('splitByString', (a) => `${SPLIT_CHAR}(${s(a[0])}, ${s(a[1])}${a[2] ? `, ${s(a[2])}` : ''})`, 2, 3, [], T.array(T.string)),
  str('splitByWhitespace', (a) => `${SPLIT_WS}(${s(a[0])})`, 1, 2, [], T.array(T.string)),
  str('base64Encode', (a) => `${B64_ENC}(${s(a[0])})`, 1, 1, ['TO_BASE64'], T.string, true),
  str('base64Decode', (a) => `${B64_DEC}(${s(a[0])})`, 1, 1, ['FROM_BASE64'], T.string, true),
  str('tryBase64Decode', (a) => `${B64_DEC}(${s(a[0])})`, 1),
  scalar({ name: 'format', min: 1, max: Infinity, ret: T.string, emit: (a) => `${FORMAT}(${a.map((x) => toStringSql(x)).join(', ')})` }),
  ...(
    [
      ['multiSearchAny', 'any', T.uint8],
      ['multiSearchAnyCaseInsensitive', 'any-i', T.uint8],
      ['multiSearchAnyUTF8', 'any', T.uint8],
      ['multiSearchAnyCaseInsensitiveUTF8', 'any-i', T.uint8],
      ['multiSearchFirstIndex', 'firstIndex', T.uint64],
      ['multiSearchFirstIndexUTF8', 'firstIndex', T.uint64],
      ['multiSearchFirstIndexCaseInsensitive', 'firstIndex-i', T.uint64],
      ['multiSearchFirstIndexCaseInsensitiveUTF8', 'firstIndex-i', T.uint64],
      ['multiSearchFirstPosition', 'firstPosition', T.uint64],
    ] as const
  ).map(([name, mode, ret]) => str(name, (a) => `${MULTI_SEARCH}(${s(a[0])}, ${s(a[1])}, '${mode}')`, 2, 2, [], ret)),
];

udf('ch_reverse', (x: string) => Buffer.from(String(x), 'utf8').reverse().toString('utf8'));
