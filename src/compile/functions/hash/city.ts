import { add, fetch32, fetch64, MASK64, mul, rotr, sub } from './u64.js';

/**
 * CityHash64 v1.0.2, the version ClickHouse keeps in contrib/cityhash102 for cityHash64 (newer CityHash
 * releases give other values). Written from the published algorithm over BigInt.
 */
const K0 = 0xc3a5c85c97cb3127n;
const K1 = 0xb492b66fbe98f273n;
const K2 = 0x9ae16a3b2f90404fn;
const K3 = 0xc949d7c7509e6557n;
const KMUL = 0x9ddfea08eb382d69n;

const shiftMix = (v: bigint) => v ^ (v >> 47n);

/** Hash128to64 of (low, high): also how ClickHouse combines the hashes of several arguments. */
export function hash128to64(low: bigint, high: bigint): bigint {
  let a = mul(low ^ high, KMUL);
  a ^= a >> 47n;
  let b = mul(high ^ a, KMUL);
  b ^= b >> 47n;
  return mul(b, KMUL);
}

function len0to16(s: Buffer, len: number): bigint {
  const n = BigInt(len);
  if (len > 8) {
    const a = fetch64(s, 0);
    const b = fetch64(s, len - 8);
    return hash128to64(a, rotr(add(b, n), len)) ^ b;
  }
  if (len >= 4) {
    const a = fetch32(s, 0);
    return hash128to64(add(n, (a << 3n) & MASK64), fetch32(s, len - 4));
  }
  if (len > 0) {
    const y = BigInt(s[0]! + (s[len >> 1]! << 8));
    const z = BigInt(len + (s[len - 1]! << 2));
    return mul(shiftMix(mul(y, K2) ^ mul(z, K3)), K2);
  }
  return K2;
}

function len17to32(s: Buffer, len: number): bigint {
  const a = mul(fetch64(s, 0), K1);
  const b = fetch64(s, 8);
  const c = mul(fetch64(s, len - 8), K2);
  const d = mul(fetch64(s, len - 16), K0);
  return hash128to64(add(rotr(sub(a, b), 43), rotr(c, 30), d), add(sub(add(a, rotr(b ^ K3, 20)), c), BigInt(len)));
}

function len33to64(s: Buffer, len: number): bigint {
  let z = fetch64(s, 24);
  let a = add(fetch64(s, 0), mul(add(BigInt(len), fetch64(s, len - 16)), K0));
  let b = rotr(add(a, z), 52);
  let c = rotr(a, 37);
  a = add(a, fetch64(s, 8));
  c = add(c, rotr(a, 7));
  a = add(a, fetch64(s, 16));
  const vf = add(a, z);
  const vs = add(b, rotr(a, 31), c);
  a = add(fetch64(s, 16), fetch64(s, len - 32));
  z = fetch64(s, len - 8);
  b = rotr(add(a, z), 52);
  c = rotr(a, 37);
  a = add(a, fetch64(s, len - 24));
  c = add(c, rotr(a, 7));
  a = add(a, fetch64(s, len - 16));
  const wf = add(a, z);
  const ws = add(b, rotr(a, 31), c);
  const r = shiftMix(add(mul(add(vf, ws), K2), mul(add(wf, vs), K0)));
  return mul(shiftMix(add(mul(r, K0), vs)), K2);
}

/** 16 bytes of state from 32 bytes of input and two seeds. */
function weak32(s: Buffer, at: number, seedA: bigint, seedB: bigint): [bigint, bigint] {
  const [w, x, y, z] = [fetch64(s, at), fetch64(s, at + 8), fetch64(s, at + 16), fetch64(s, at + 24)];
  let a = add(seedA, w);
  let b = rotr(add(seedB, a, z), 21);
  const c = a;
  a = add(a, x, y);
  b = add(b, rotr(a, 44));
  return [add(a, z), add(b, c)];
}

/** CityHash64 (v1.0.2) of a byte string, as an unsigned 64-bit BigInt. */
export function cityHash64(s: Buffer): bigint {
  const len = s.length;
  if (len <= 16) return len0to16(s, len);
  if (len <= 32) return len17to32(s, len);
  if (len <= 64) return len33to64(s, len);
  const n = BigInt(len);
  let x = fetch64(s, 0);
  let y = fetch64(s, len - 16) ^ K1;
  let z = fetch64(s, len - 56) ^ K0;
  let v = weak32(s, len - 64, n, y);
  let w = weak32(s, len - 32, mul(n, K1), K0);
  z = add(z, mul(shiftMix(v[1]), K1));
  x = mul(rotr(add(z, x), 39), K1);
  y = mul(rotr(y, 33), K1);
  // 64-byte chunks up to the last multiple of 64 below len.
  for (let at = 0, left = (len - 1) & ~63; left !== 0; at += 64, left -= 64) {
    x = mul(rotr(add(x, y, v[0], fetch64(s, at + 16)), 37), K1);
    y = mul(rotr(add(y, v[1], fetch64(s, at + 48)), 42), K1);
    x ^= w[1];
    y ^= v[0];
    z = rotr(z ^ w[0], 33);
    v = weak32(s, at, mul(v[1], K1), add(x, w[0]));
    w = weak32(s, at + 32, add(z, w[1]), y);
    [z, x] = [x, z];
  }
  return hash128to64(add(hash128to64(v[0], w[0]), mul(shiftMix(y), K1), z), add(hash128to64(v[1], w[1]), x));
}
