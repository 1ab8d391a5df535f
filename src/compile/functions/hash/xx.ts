import { add, fetch32, fetch64, MASK64, mul, rotl } from './u64.js';

const P1 = 0x9e3779b185ebca87n;
const P2 = 0xc2b2ae3d27d4eb4fn;
const P3 = 0x165667b19e3779f9n;
const P4 = 0x85ebca77c2b2ae63n;
const P5 = 0x27d4eb2f165667c5n;

const round = (acc: bigint, lane: bigint) => mul(rotl(add(acc, mul(lane, P2)), 31), P1);
const merge = (acc: bigint, v: bigint) => add(mul(acc ^ round(0n, v), P1), P4);

/** xxHash64 with seed 0 (ClickHouse's xxHash64 of a string). */
export function xxHash64(s: Buffer, seed = 0n): bigint {
  const len = s.length;
  let at = 0;
  let h: bigint;
  if (len >= 32) {
    let v1 = add(seed, P1, P2);
    let v2 = add(seed, P2);
    let v3 = seed;
    let v4 = (seed - P1) & MASK64;
    for (; at + 32 <= len; at += 32) {
      v1 = round(v1, fetch64(s, at));
      v2 = round(v2, fetch64(s, at + 8));
      v3 = round(v3, fetch64(s, at + 16));
      v4 = round(v4, fetch64(s, at + 24));
    }
    h = add(rotl(v1, 1), rotl(v2, 7), rotl(v3, 12), rotl(v4, 18));
    for (const v of [v1, v2, v3, v4]) h = merge(h, v);
  } else {
    h = add(seed, P5);
  }
  h = add(h, BigInt(len));
  for (; at + 8 <= len; at += 8) h = add(mul(rotl(h ^ round(0n, fetch64(s, at)), 27), P1), P4);
  if (at + 4 <= len) {
    h = add(mul(rotl(h ^ mul(fetch32(s, at), P1), 23), P2), P3);
    at += 4;
  }
  for (; at < len; at++) h = mul(rotl(h ^ mul(BigInt(s[at]!), P5), 11), P1);
  h ^= h >> 33n;
  h = mul(h, P2);
  h ^= h >> 29n;
  h = mul(h, P3);
  h ^= h >> 32n;
  return h;
}
