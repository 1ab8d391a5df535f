/** Unsigned 64-bit arithmetic on BigInt for the hash functions (every result masked to 64 bits). */
export const MASK64 = 0xffffffffffffffffn;

export const add = (...xs: bigint[]): bigint => xs.reduce((a, b) => a + b, 0n) & MASK64;
export const sub = (a: bigint, b: bigint): bigint => (a - b) & MASK64;
export const mul = (a: bigint, b: bigint): bigint => (a * b) & MASK64;

/** Rotate right by `s` bits (CityHash's Rotate; 0 leaves the value). */
export const rotr = (v: bigint, s: number): bigint => (s === 0 ? v : ((v >> BigInt(s)) | (v << BigInt(64 - s))) & MASK64);
/** Rotate left by `s` bits (SipHash, xxHash). */
export const rotl = (v: bigint, s: number): bigint => ((v << BigInt(s)) | (v >> BigInt(64 - s))) & MASK64;

export const fetch64 = (b: Buffer, at: number): bigint => b.readBigUInt64LE(at);
export const fetch32 = (b: Buffer, at: number): bigint => BigInt(b.readUInt32LE(at));
