import { describe, expect, it } from 'vitest';
import { convertValue } from '../../src/types/convert.js';
import { formatValue } from '../../src/types/format.js';
import { mustParseType } from '../../src/types/parse.js';

const U64 = mustParseType('UInt64');

describe('UInt64 storage encoding (two’s complement)', () => {
  it.each<[string, unknown]>([
    ['0', 0],
    ['9223372036854775807', 9223372036854775807n],
    ['9223372036854775808', -9223372036854775808n],
    ['18446744073709551615', -1n],
  ])('stores %s as %s', (text, stored) => {
    expect(convertValue(text, U64, { mode: 'text' })).toEqual({ ok: true, value: stored });
  });

  it('reads JSON numbers and quoted digits for 64-bit types only', () => {
    expect(convertValue(18446744073709551615n, U64, { mode: 'json' })).toEqual({ ok: true, value: -1n });
    expect(convertValue('18446744073709551615', U64, { mode: 'json' })).toEqual({ ok: true, value: -1n });
    expect(convertValue('-5', mustParseType('Int64'), { mode: 'json' })).toEqual({ ok: true, value: -5 });
    expect(convertValue('5', mustParseType('UInt32'), { mode: 'json' }).ok).toBe(false);
    expect(convertValue('18446744073709551616', U64, { mode: 'json' }).ok).toBe(false);
  });

  it('formats stored values back as the unsigned number', () => {
    expect(formatValue(-1n, U64)).toBe(18446744073709551615n);
    expect(formatValue(-9223372036854775808n, U64)).toBe(9223372036854775808n);
    expect(formatValue(42n, U64)).toBe(42);
    expect(formatValue(null, mustParseType('Nullable(UInt64)'))).toBeNull();
    // Int64 keeps its sign.
    expect(formatValue(-1n, mustParseType('Int64'))).toBe(-1);
  });

  it('round-trips every boundary value', () => {
    for (const v of [0n, 1n, 2n ** 53n + 1n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 2n, 2n ** 64n - 1n]) {
      const r = convertValue(v.toString(), U64, { mode: 'text' });
      expect(r.ok && BigInt(formatValue(r.value, U64) as bigint)).toBe(v);
    }
  });
});
