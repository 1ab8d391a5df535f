import { baseType, type ChType, T } from '../../../types/ast.js';
import { counting, scalar } from '../define.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { udf } from '../udf/registry.js';
import { re2 } from './regex.js';

const s = (a: EmittedArg | undefined) => (a as EmittedArg).sql;
const bytes = (v: unknown) => (Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8'));

/** How hex() lays out a value: text bytes, an integer's significant big-endian bytes, a float's 8 or 4 bytes. */
function hexKind(t: ChType): string {
  const b = baseType(t);
  if (b.kind === 'int' && b.bits <= 64) return `i${b.bits}`;
  if (b.kind === 'bool') return 'i8';
  if (b.kind === 'date') return 'i16';
  if (b.kind === 'datetime' || b.kind === 'date32') return 'i32';
  if (b.kind === 'float') return `f${b.bits}`;
  return 's';
}

const HEX = udf(
  'ch_hex',
  (v: unknown, kind: string) => {
    if (kind === 's') return bytes(v).toString('hex').toUpperCase();
    const width = Number(kind.slice(1));
    if (kind[0] === 'f') {
      const b = Buffer.alloc(width / 8);
      if (width === 64) b.writeDoubleLE(Number(v));
      else b.writeFloatLE(Number(v));
      return b.toString('hex').toUpperCase();
    }
    // Negative integers print their two's complement at the type's width: hex(toInt8(-1)) = 'FF'.
    const u = BigInt.asUintN(width, typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v))));
    const h = u.toString(16).toUpperCase();
    return h.length % 2 ? `0${h}` : h;
  },
  { bigints: true },
);

/** Bytes as String text (mk stores String as TEXT): bytes that are not UTF-8 read as U+FFFD, as ClickHouse's JSON shows them. */
const asText = (b: Buffer): string => b.toString('utf8');

const UNHEX = udf('ch_unhex', (v: unknown) => {
  const text = String(v);
  // An odd length reads the first digit alone, as ClickHouse does ('414' is 0x04 0x14).
  const even = text.length % 2 ? `0${text}` : text;
  const out = Buffer.alloc(even.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(even.slice(2 * i, 2 * i + 2), 16) || 0;
  return asText(out);
});

const SPLIT_RE = udf('ch_split_by_regexp', (pattern: string, text: string, max?: number) => {
  const h = String(text);
  const limit = max === undefined || max === null || Number(max) <= 0 ? Infinity : Number(max);
  const out: string[] = [];
  if (String(pattern) === '') return JSON.stringify([...h].slice(0, limit === Infinity ? undefined : limit));
  const re = re2(String(pattern), true);
  re.lastIndex = 0;
  let last = 0;
  for (let m = re.exec(h); m && out.length < limit; m = re.exec(h)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    out.push(h.slice(last, m.index));
    last = m.index + m[0].length;
  }
  if (out.length < limit) out.push(h.slice(last));
  return JSON.stringify(out);
});

/** Non-overlapping occurrences from a 1-based byte offset; an empty needle counts 0. */
const COUNT_SUBSTRINGS = udf('ch_count_substrings', (h: unknown, n: unknown, mode: string, start?: number) => {
  const fold = (x: string) => (mode === 'utf8' ? x.toLowerCase() : mode === 'ascii' ? x.replace(/[A-Z]+/g, (c) => c.toLowerCase()) : x);
  let hay = bytes(fold(String(h)));
  const needle = bytes(fold(String(n)));
  if (needle.length === 0) return 0;
  if (start !== undefined && start !== null) hay = hay.subarray(Math.max(0, Number(start) - 1));
  let count = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) count++;
  return count;
});

const likeCache = new Map<string, RegExp>();
/** A LIKE pattern as a RegExp: `%` any run, `_` one character, `\` escapes; ILIKE folds Unicode case. */
export function likeRegExp(pattern: string, ci: boolean): RegExp {
  const key = `${ci ? 'i' : 'c'}${pattern}`;
  let re = likeCache.get(key);
  if (re) return re;
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) src += escapeRe(pattern[++i] as string);
    else if (c === '%') src += '[\\s\\S]*';
    else if (c === '_') src += '[\\s\\S]';
    else src += escapeRe(c);
  }
  re = new RegExp(`^${src}$`, ci ? 'iu' : 'u');
  if (likeCache.size > 500) likeCache.clear();
  likeCache.set(key, re);
  return re;
}
const escapeRe = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const LIKE = udf('ch_like', (h: unknown, p: unknown, ci: number) => (likeRegExp(String(p), Boolean(ci)).test(String(h)) ? 1 : 0));

/** initcap: a letter after a non-alphanumeric character is upper-cased, the rest lower-cased. */
const INITCAP = udf('ch_initcap', (v: unknown, utf8: number) => {
  const word = utf8 ? /[\p{L}\p{N}]/u : /[A-Za-z0-9]/;
  let out = '';
  let inWord = false;
  for (const c of String(v)) {
    const isWordChar = word.test(c);
    const asciiOnly = !utf8 && !/[A-Za-z]/.test(c);
    out += asciiOnly ? c : inWord ? c.toLowerCase() : c.toUpperCase();
    inWord = isWordChar;
  }
  return out;
});

const ASCII = udf('ch_ascii', (v: unknown) => bytes(v)[0] ?? 0);
const CHAR = udf('ch_char', (...codes: unknown[]) => asText(Buffer.from(codes.map((c) => Math.trunc(Number(c)) & 0xff))), {
  nullPropagating: true,
});

const like = (name: string, ci: boolean, not: boolean) =>
  scalar({ name, min: 2, max: 2, ret: T.uint8, emit: ([h, p]) => `${not ? '1 - ' : ''}${LIKE}(${s(h)}, ${s(p)}, ${ci ? 1 : 0})` });

const countSubstrings = (name: string, mode: string) =>
  counting(
    scalar({
      name,
      min: 2,
      max: 3,
      ret: T.uint64,
      emit: ([h, n, start]) => `${COUNT_SUBSTRINGS}(${s(h)}, ${s(n)}, '${mode}'${start ? `, ${s(start)}` : ''})`,
    }),
  );

export const STRINGS_EXTRA: readonly FunctionDef[] = [
  scalar({ name: 'hex', min: 1, max: 1, ret: T.string, emit: ([x]) => `${HEX}(${s(x)}, '${hexKind((x as EmittedArg).type)}')` }),
  scalar({ name: 'unhex', min: 1, max: 1, ret: T.string, emit: ([x]) => `${UNHEX}(${s(x)})` }),
  scalar({
    name: 'splitByRegexp',
    min: 2,
    max: 3,
    ret: T.array(T.string),
    emit: ([p, x, m]) => `${SPLIT_RE}(${s(p)}, ${s(x)}${m ? `, ${s(m)}` : ''})`,
  }),
  countSubstrings('countSubstrings', 'bytes'),
  countSubstrings('countSubstringsCaseInsensitive', 'ascii'),
  countSubstrings('countSubstringsCaseInsensitiveUTF8', 'utf8'),
  like('like', false, false),
  like('notLike', false, true),
  like('ilike', true, false),
  like('notILike', true, true),
  scalar({ name: 'initcap', min: 1, max: 1, ret: T.string, emit: ([x]) => `${INITCAP}(${s(x)}, 0)` }),
  scalar({ name: 'initcapUTF8', min: 1, max: 1, ret: T.string, emit: ([x]) => `${INITCAP}(${s(x)}, 1)` }),
  // The first byte, as a signed Int32 of its unsigned value ('é' is 195); 0 for ''.
  scalar({ name: 'ascii', min: 1, max: 1, ret: T.int32, emit: ([x]) => `${ASCII}(${s(x)})` }),
  scalar({ name: 'char', min: 1, max: Infinity, ret: T.string, emit: (a) => `${CHAR}(${a.map((x) => x.sql).join(', ')})` }),
  // ClickHouse >= 24 takes locate(needle, haystack[, start]), MySQL's order.
  counting(
    scalar({
      name: 'locate',
      caseInsensitive: true,
      min: 2,
      max: 2,
      ret: T.uint64,
      emit: ([n, h]) => `instr(CAST(${s(h)} AS BLOB), CAST(${s(n)} AS BLOB))`,
    }),
  ),
];
