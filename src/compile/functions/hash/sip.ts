import { add, MASK64, rotl } from './u64.js';

/** SipHash-2-4 with ClickHouse's key (0, 0): sipHash64. The last word carries the length's low byte. */
export function sipHash64(s: Buffer): bigint {
  let v0 = 0x736f6d6570736575n;
  let v1 = 0x646f72616e646f6dn;
  let v2 = 0x6c7967656e657261n;
  let v3 = 0x7465646279746573n;
  const round = () => {
    v0 = add(v0, v1);
    v1 = rotl(v1, 13) ^ v0;
    v0 = rotl(v0, 32);
    v2 = add(v2, v3);
    v3 = rotl(v3, 16) ^ v2;
    v0 = add(v0, v3);
    v3 = rotl(v3, 21) ^ v0;
    v2 = add(v2, v1);
    v1 = rotl(v1, 17) ^ v2;
    v2 = rotl(v2, 32);
  };
  const compress = (m: bigint) => {
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  };
  const full = s.length - (s.length % 8);
  for (let at = 0; at < full; at += 8) compress(s.readBigUInt64LE(at));
  let last = BigInt(s.length & 0xff) << 56n;
  for (let i = full; i < s.length; i++) last |= BigInt(s[i]!) << BigInt(8 * (i - full));
  compress(last);
  v2 ^= 0xffn;
  for (let i = 0; i < 4; i++) round();
  return (v0 ^ v1 ^ v2 ^ v3) & MASK64;
}
