import { createHash } from 'node:crypto';
import { baseType, type ChType, T } from '../../../types/ast.js';
import { scalar } from '../define.js';
import { cityHash64, hash128to64 } from '../hash/city.js';
import { sipHash64 } from '../hash/sip.js';
import { MASK64, mul } from '../hash/u64.js';
import { xxHash64 } from '../hash/xx.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { udf } from '../udf/registry.js';
import { storedU64, unsigned } from '../uint64.js';
import { toStringSql } from './conversion.js';
import { fnv63 } from './misc.js';

/**
 * cityHash64, sipHash64 and xxHash64 with ClickHouse's values: each argument is hashed by its type (a
 * string's bytes; a number's little-endian bytes at its own width, or for cityHash64 ClickHouse's
 * intHash64 of them) and several arguments fold left with the algorithm's combine step.
 *
 * The result is UInt64, stored two's complement like every UInt64 (src/types/encoding.ts): exact, and
 * `cityHash64(x) % 10` is ClickHouse's (src/compile/functions/uint64.ts reads the sign as 2^63).
 */
type Algo = 'city' | 'sip' | 'xx';

/** How an argument's value becomes bytes: `s` text, `u8`…`i64` integers, `f32`/`f64` floats. */
function hashKind(t: ChType): string {
  const b = baseType(t);
  switch (b.kind) {
    case 'int':
      return b.bits <= 64 ? `${b.signed ? 'i' : 'u'}${b.bits}` : 's';
    case 'bool':
      return 'u8';
    case 'date':
      return 'u16';
    case 'date32':
      return 'i32';
    case 'datetime':
      return 'u32';
    case 'datetime64':
      return 'i64';
    case 'float':
      return `f${b.bits}`;
    default:
      return 's';
  }
}

const intHash64 = (v: bigint): bigint => {
  let x = v ^ 0x4cf2d2baae6da887n;
  x ^= x >> 33n;
  x = mul(x, 0xff51afd7ed558ccdn);
  x ^= x >> 33n;
  x = mul(x, 0xc4ceb9fe1a85ec53n);
  return x ^ (x >> 33n);
};

/** The value's bits as an unsigned integer of its width (numbers) or its bytes (text). */
function bitsOf(v: unknown, kind: string): { bytes: Buffer; int?: bigint } {
  if (kind === 's') return { bytes: Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8') };
  const width = Number(kind.slice(1)) / 8;
  const bytes = Buffer.alloc(width);
  if (kind === 'f64') bytes.writeDoubleLE(Number(v));
  else if (kind === 'f32') bytes.writeFloatLE(Number(v));
  else {
    const big = typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)));
    const u = BigInt.asUintN(width * 8, big);
    for (let i = 0; i < width; i++) bytes[i] = Number((u >> BigInt(8 * i)) & 0xffn);
  }
  let int = 0n;
  for (let i = width - 1; i >= 0; i--) int = (int << 8n) | BigInt(bytes[i]!);
  return { bytes, int };
}

function hashOne(algo: Algo, v: unknown, kind: string): bigint {
  const { bytes, int } = bitsOf(v, kind);
  if (algo === 'city') return int === undefined ? cityHash64(bytes) : intHash64(int);
  return algo === 'sip' ? sipHash64(bytes) : xxHash64(bytes);
}

function combine(algo: Algo, acc: bigint, h: bigint): bigint {
  if (algo !== 'sip') return hash128to64(acc, h);
  const b = Buffer.alloc(16);
  b.writeBigUInt64LE(acc & MASK64, 0);
  b.writeBigUInt64LE(h & MASK64, 8);
  return sipHash64(b);
}

const HASH = udf(
  'ch_hash',
  (algo: Algo, kinds: string, ...values: unknown[]) => {
    const ks = String(kinds).split(',');
    let acc: bigint | undefined;
    for (let i = 0; i < values.length; i++) {
      const h = hashOne(algo, values[i], ks[i] ?? 's');
      acc = acc === undefined ? h : combine(algo, acc, h);
    }
    return storedU64(acc ?? 0n);
  },
  { bigints: true },
);

/** The other 64/32-bit hashes: FNV-1a, well spread but NOT ClickHouse's values (bucketing only). */
const FNV64 = udf('ch_hash64', (...args: unknown[]) => fnv63(args.map((a) => (a === null ? '\0' : String(a))).join('\u0001')), {
  nullPropagating: false,
});
const FNV32 = udf('ch_hash32', (...args: unknown[]) => Number(fnv63(args.map(String).join('\u0001')) & 0xffffffffn));

const DIGEST = udf('ch_digest', (algo: string, v: unknown) =>
  createHash(String(algo))
    .update(Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8'))
    .digest(),
);

const exact = (name: string, algo: Algo) =>
  scalar({
    name,
    min: 1,
    max: Infinity,
    ret: T.uint64,
    emit: (a) => `${HASH}('${algo}', '${a.map((x) => hashKind(x.type)).join(',')}', ${a.map(hashArg).join(', ')})`,
  });

/** Numbers and text go as they are stored; other types as their text (not ClickHouse's hash of them). */
const hashArg = (a: EmittedArg) => (hashKind(a.type) === 's' ? toStringSql(a) : a.sql);

const approx = (name: string, ret: ChType = T.uint64) =>
  scalar({
    name,
    min: 1,
    max: Infinity,
    nulls: 'custom',
    ret,
    emit: (a) => `${ret === T.uint32 ? FNV32 : FNV64}(${a.map((x) => toStringSql(x)).join(', ')})`,
  });

/** MD5/SHA*: the raw digest as a BLOB (FixedString(N) bytes), for hex() and length(). */
const digest = (name: string, algo: string, bytes: number) =>
  scalar({
    name,
    min: 1,
    max: 1,
    ret: { kind: 'fixedstring', length: bytes },
    emit: ([x]) => `${DIGEST}('${algo}', ${toStringSql(x as EmittedArg)})`,
  });

const INT_HASH64 = udf('ch_int_hash64', (v: unknown) => storedU64(intHash64(unsigned(v))), {
  bigints: true,
});

export const HASHES: readonly FunctionDef[] = [
  // intHash64 hashes the value as a UInt64: a negative Int8 reads as its 64-bit two's complement.
  scalar({ name: 'intHash64', min: 1, max: 1, ret: T.uint64, emit: ([x]) => `${INT_HASH64}(${(x as EmittedArg).sql})` }),
  exact('cityHash64', 'city'),
  exact('sipHash64', 'sip'),
  exact('xxHash64', 'xx'),
  ...['murmurHash3_64', 'murmurHash2_64', 'farmHash64', 'farmFingerprint64', 'metroHash64', 'halfMD5', 'xxh3'].map((n) => approx(n)),
  ...['murmurHash3_32', 'murmurHash2_32', 'xxHash32', 'javaHash', 'crc32'].map((n) => approx(n, T.uint32)),
  digest('MD5', 'md5', 16),
  digest('SHA1', 'sha1', 20),
  digest('SHA224', 'sha224', 28),
  digest('SHA256', 'sha256', 32),
  digest('SHA512', 'sha512', 64),
];
