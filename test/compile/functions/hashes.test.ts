import { describe, expect, it } from 'vitest';
import { cityHash64 } from '../../../src/compile/functions/hash/city.js';
import { sipHash64 } from '../../../src/compile/functions/hash/sip.js';
import { xxHash64 } from '../../../src/compile/functions/hash/xx.js';
import type { EmittedArg } from '../../../src/compile/functions/types.js';
import { printType } from '../../../src/types/index.js';
import { compile, evalScalar, lit, openDb } from './harness.js';

const db = openDb();
const exact = openDb().defaultSafeIntegers(true);
const str = (v: string) => lit(v, 'String');

// Expected values are ClickHouse 26.7's (chdb), read with toString() so they are exact.
describe('hash algorithms on bytes', () => {
  const inputs = ['abc', '', 'a'.repeat(20), 'b'.repeat(40), 'hello world '.repeat(12)];
  const expected: Record<string, readonly string[]> = {
    city: ['4220206313085259313', '11160318154034397263', '1711522450182630313', '16576219376570157178', '459929610914754065'],
    sip: ['4596069200710135518', '2202906307356721367', '13757892845626212084', '6795224291604381461', '124311855361453004'],
    xx: ['4952883123889572249', '17241709254077376921', '9127029438818004983', '5896938940957922185', '12619624291236829936'],
  };
  it.each(inputs.map((s, i) => [s.length, s, i] as const))('%i bytes', (_len, s, i) => {
    const b = Buffer.from(s);
    expect(String(cityHash64(b))).toBe(expected.city![i]);
    expect(String(sipHash64(b))).toBe(expected.sip![i]);
    expect(String(xxHash64(b))).toBe(expected.xx![i]);
  });
});

// UInt64 results above Int64's max come back two's complement (the storage encoding): read the bits unsigned.
type Case = readonly [string, readonly EmittedArg[], string];
describe('hash functions in SQL', () => {
  it.each<Case>([
    ['cityHash64', [str('abc')], '4220206313085259313'],
    ['cityHash64', [lit(1, 'UInt8')], '10577349846663553072'],
    ['cityHash64', [lit(1, 'UInt64')], '10577349846663553072'],
    ['cityHash64', [lit(-1, 'Int8')], '8055013221972926055'],
    ['cityHash64', [lit(-1, 'Int32')], '9168733277332772950'],
    ['cityHash64', [lit(1.5, 'Float64')], '7287324520655339053'],
    ['cityHash64', [lit(19723, 'Date')], '17926335993026704938'],
    ['cityHash64', [str('a'), str('b')], '7468329322676821011'],
    ['cityHash64', [str('a'), lit(1, 'UInt8')], '11051256024482834174'],
    ['sipHash64', [lit(1, 'UInt8')], '7385293435322750976'],
    ['sipHash64', [lit(1, 'UInt64')], '9224715256000962398'],
    ['sipHash64', [lit(1.5, 'Float64')], '12174397082705264768'],
    ['sipHash64', [str('a'), str('b')], '1193743241355087095'],
    ['sipHash64', [str('a'), str('b'), str('c')], '12120073758995740453'],
    ['xxHash64', [lit(1, 'UInt8')], '9962287286179718960'],
    ['xxHash64', [lit(1.5, 'Float64')], '5329932555030153977'],
    ['xxHash64', [str('a'), str('b')], '14756808377901732262'],
  ])('%s(%j)', (name, args, expected) => {
    const c = compile(name, [...args]);
    const r = (exact.prepare(`SELECT ${c.sql} AS r`).get(...c.params) as { r: bigint }).r;
    expect(BigInt.asUintN(64, r).toString()).toBe(expected);
    expect(printType(compile(name, [...args]).type)).toBe('UInt64');
  });

  it('keeps values below 2^63 exact as INTEGER', () => {
    const db2 = openDb();
    db2.defaultSafeIntegers(true);
    const c = compile('cityHash64', [str('abc')]);
    expect((db2.prepare(`SELECT ${c.sql} AS r`).get() as { r: bigint }).r).toBe(4220206313085259313n);
  });

  it('is NULL for a NULL argument', () => {
    expect(evalScalar(db, 'cityHash64', [lit(null, 'Nullable(String)')])).toBeNull();
    expect(printType(compile('cityHash64', [lit(null, 'Nullable(String)')]).type)).toBe('Nullable(UInt64)');
  });
});

describe('digests', () => {
  it.each([
    ['MD5', 'abc', '900150983CD24FB0D6963F7D28E17F72'],
    ['MD5', '', 'D41D8CD98F00B204E9800998ECF8427E'],
    ['SHA1', 'abc', 'A9993E364706816ABA3E25717850C26C9CD0D89D'],
    ['SHA256', 'abc', 'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD'],
  ])('hex(%s(%j))', (fn, input, hex) => {
    const inner = compile(fn, [str(input)]);
    expect(printType(inner.type)).toMatch(/^FixedString/);
    expect(evalScalar(db, 'hex', [{ sql: inner.sql, type: inner.type }])).toBe(hex);
  });
});
