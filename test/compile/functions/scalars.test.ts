import { describe, expect, it } from 'vitest';
import type { EmittedArg } from '../../../src/compile/functions/types.js';
import { printType } from '../../../src/types/index.js';
import { col, compile, evalScalar, lit, openDb } from './harness.js';

const db = openDb();
const str = (v: string | null) => lit(v, v === null ? 'Nullable(String)' : 'String');
const i32 = (v: number) => lit(v, 'Int32');
const f64 = (v: number) => lit(v, 'Float64');
const arr = (json: string, type = 'Array(String)') => lit(json, type);

type Case = readonly [string, readonly EmittedArg[], unknown, string?];
function table(cases: readonly Case[]) {
  it.each(cases)('%s(%j)', (name, args, expected, type) => {
    expect(evalScalar(db, name, [...args])).toEqual(expected);
    if (type) expect(printType(compile(name, [...args]).type)).toBe(type);
  });
}

describe('conditionals', () => {
  table([
    ['if', [lit(1, 'UInt8'), i32(1), i32(2)], 1, 'Int32'],
    ['if', [lit(null, 'Nullable(UInt8)'), i32(1), i32(2)], 2, 'Int32'],
    ['if', [lit(0, 'UInt8'), i32(1), f64(2.5)], 2.5, 'Float64'],
    ['multiIf', [lit(0, 'UInt8'), str('a'), lit(1, 'UInt8'), str('b'), str('c')], 'b', 'String'],
    ['coalesce', [lit(null, 'Nullable(Int32)'), i32(3)], 3, 'Int32'],
    ['coalesce', [lit(null, 'Nullable(Int32)'), lit(null, 'Nullable(Int32)')], null, 'Nullable(Int32)'],
    ['ifNull', [lit(null, 'Nullable(String)'), str('x')], 'x', 'String'],
    ['nullIf', [i32(1), i32(1)], null, 'Nullable(Int32)'],
    ['isNull', [lit(null, 'Nullable(Int32)')], 1, 'UInt8'],
    ['isNotNull', [lit(null, 'Nullable(Int32)')], 0, 'UInt8'],
    ['assumeNotNull', [lit(5, 'Nullable(Int32)')], 5, 'Int32'],
    ['greatest', [i32(1), i32(7), i32(3)], 7, 'Int32'],
    ['least', [i32(1), f64(0.5)], 0.5, 'Float64'],
    ['transform', [str('b'), arr('["a","b"]'), arr('["x","y"]'), str('z')], 'y', 'String'],
  ]);
});

describe('math', () => {
  table([
    ['round', [f64(2.5)], 2, 'Float64'], // banker's for floats
    ['round', [f64(3.5)], 4],
    ['round', [f64(-2.5)], -2],
    ['round', [f64(1.2345), i32(2)], 1.23],
    ['round', [f64(1234.5), i32(-2)], 1200],
    ['round', [i32(15), i32(-1)], 20, 'Int32'], // half away from zero for integers
    ['round', [i32(7)], 7, 'Int32'],
    ['roundBankers', [f64(0.125), i32(2)], 0.12],
    ['floor', [f64(-1.5)], -2, 'Float64'],
    ['ceil', [f64(1.21), i32(1)], 1.3],
    ['trunc', [f64(-1.7)], -1],
    ['abs', [i32(-3)], 3, 'UInt32'], // abs of a signed integer is unsigned
    ['intDiv', [i32(7), i32(2)], 3, 'Int32'],
    ['intDiv', [i32(-7), i32(2)], -3],
    ['modulo', [i32(-7), i32(3)], -1],
    ['divide', [i32(1), i32(2)], 0.5, 'Float64'],
    ['divide', [i32(1), i32(0)], Infinity],
    ['divide', [i32(0), i32(0)], null], // nan
    ['pow', [i32(2), i32(10)], 1024, 'Float64'],
    ['sqrt', [i32(16)], 4, 'Float64'],
    ['exp10', [i32(2)], 100],
    ['log10', [i32(1000)], 3],
    ['max2', [i32(1), i32(2)], 2],
  ]);
  it('intDiv by zero throws', () => {
    expect(() => evalScalar(db, 'intDiv', [i32(1), i32(0)])).toThrow(/Division by zero/);
  });
  it('rand is a UInt32', () => {
    const r = evalScalar(db, 'rand', []) as number;
    expect(r >= 0 && r < 2 ** 32).toBe(true);
  });
});

describe('conversion', () => {
  table([
    ['toString', [i32(42)], '42', 'String'],
    ['toString', [f64(1)], '1'],
    ['toString', [f64(0.1)], '0.1'],
    ['toString', [lit(19797, 'Date')], '2024-03-15'],
    ['toString', [lit(1710510449, 'DateTime')], '2024-03-15 13:47:29'],
    ['toString', [lit(1710510449123, 'DateTime64(3)')], '2024-03-15 13:47:29.123'],
    ['toString', [lit('["a","b"]', 'Array(String)')], "['a','b']"],
    ['toString', [lit('[1,2]', 'Array(Int32)')], '[1,2]'],
    ['toString', [lit(1, 'Bool')], 'true'],
    ['toInt32', [str('123')], 123, 'Int32'],
    ['toInt32', [f64(3.9)], 3],
    ['toInt32', [f64(-3.9)], -3],
    ['toUInt8', [str('300')], 44],
    ['toUInt32', [lit(1710510449, 'DateTime')], 1710510449, 'UInt32'],
    ['toInt64OrNull', [str('x')], null, 'Nullable(Int64)'],
    ['toInt32OrZero', [str('x')], 0, 'Int32'],
    ['toInt32OrDefault', [str('x'), i32(7)], 7],
    ['toFloat64', [str('1.5e3')], 1500, 'Float64'],
    ['toFloat64OrNull', [str('abc')], null, 'Nullable(Float64)'],
    ['toFloat64OrZero', [str('')], 0],
    ['toFloat32', [i32(2)], 2, 'Float32'],
    ['toBool', [str('true')], 1, 'Bool'],
    ['toDecimal32', [f64(1.239), lit(2, 'UInt8')], 1.23, 'Decimal(9, 2)'],
    ['CAST', [str('12'), lit('Int64', 'String')], 12, 'Int64'],
    ['CAST', [lit(1710510449, 'DateTime'), lit('Date', 'String')], 19797, 'Date'],
    ['toLowCardinality', [str('a')], 'a', 'LowCardinality(String)'],
    ['toUUID', [str('61F0C404-5CB3-11E7-907B-A6006AD3DBA0')], '61f0c404-5cb3-11e7-907b-a6006ad3dba0', 'UUID'],
    ['toTypeName', [lit(1, 'UInt8')], 'UInt8', 'String'],
  ]);
  it('toInt32 of a non-number throws like ClickHouse', () => {
    expect(() => evalScalar(db, 'toInt32', [str('x')])).toThrow(/Cannot parse string 'x' as Int32/);
  });
});

describe('strings', () => {
  table([
    ['lower', [str('ÀBC')], 'Àbc', 'String'], // ASCII only
    ['lowerUTF8', [str('ÀBC')], 'àbc'],
    ['upper', [str('abc')], 'ABC'],
    ['upperUTF8', [str('é')], 'É'],
    ['length', [str('é')], 2, 'UInt64'], // bytes
    ['lengthUTF8', [str('é')], 1],
    ['length', [arr('["a","b","c"]')], 3],
    ['concat', [str('a'), i32(1), str('b')], 'a1b', 'String'],
    ['concat', [str('a'), str(null)], null, 'Nullable(String)'],
    ['concatWithSeparator', [str('-'), str('a'), str('b')], 'a-b'],
    ['substring', [str('hello'), i32(2), i32(3)], 'ell', 'String'],
    ['substring', [str('hello'), i32(-3)], 'llo'],
    ['substring', [str('hello'), i32(0)], ''],
    ['substring', [str('héllo'), i32(4)], 'llo'], // byte offsets
    ['position', [str('hello'), str('l')], 3, 'UInt64'],
    ['position', [str('héllo'), str('l')], 4],
    ['position', [str('hello'), str('z')], 0],
    ['positionCaseInsensitive', [str('HeLLo'), str('ll')], 3],
    ['replaceAll', [str('a.b.c'), str('.'), str('-')], 'a-b-c'],
    ['replaceOne', [str('a.b.c'), str('.'), str('-')], 'a-b.c'],
    ['trim', [str('  a b  ')], 'a b'],
    ['trim', [str('\ta\t')], '\ta\t'],
    ['trimLeft', [str('  a ')], 'a '],
    ['trimRight', [str('  a ')], '  a'],
    ['startsWith', [str('hello'), str('he')], 1, 'UInt8'],
    ['endsWith', [str('hello'), str('lo')], 1],
    ['endsWith', [str('hello'), str('x')], 0],
    ['empty', [str('')], 1, 'UInt8'],
    ['notEmpty', [str('')], 0],
    ['empty', [arr('[]')], 1],
    ['leftPad', [str('7'), i32(3), str('0')], '007'],
    ['rightPad', [str('ab'), i32(4)], 'ab  '],
    ['splitByChar', [str(','), str('a,b,,c')], '["a","b","","c"]', 'Array(String)'],
    ['splitByString', [str(', '), str('a, b')], '["a","b"]'],
    ['splitByString', [str(''), str('abc')], '["a","b","c"]'],
    ['base64Encode', [str('hi')], 'aGk='],
    ['base64Decode', [str('aGk=')], 'hi'],
    ['format', [str('{} and {}'), str('a'), i32(1)], 'a and 1'],
    ['reverse', [str('abc')], 'cba'],
    ['repeat', [str('ab'), i32(3)], 'ababab'],
    ['multiSearchAny', [str('hello world'), arr('["x","wor"]')], 1, 'UInt8'],
    ['multiSearchAnyCaseInsensitive', [str('Hello'), arr('["HELL"]')], 1],
    ['multiSearchFirstIndexUTF8', [str('hello world'), arr('["world","hello"]')], 1], // first needle in list order that occurs (ClickHouse 26)
  ]);
});

describe('regular expressions (RE2 syntax)', () => {
  table([
    ['match', [str('abc123'), str('\\d+')], 1, 'UInt8'],
    ['match', [str('ABC'), str('(?i)abc')], 1],
    ['match', [str('abc'), str('^b')], 0],
    ['extract', [str('id=42&x'), str('id=(\\d+)')], '42', 'String'],
    ['extract', [str('abc'), str('b.')], 'bc'],
    ['extract', [str('abc'), str('z')], ''],
    ['extractAll', [str('a1b22c333'), str('\\d+')], '["1","22","333"]', 'Array(String)'],
    ['extractAllGroups', [str('a=1, b=2'), str('(\\w)=(\\d)')], '[["a","1"],["b","2"]]'],
    ['replaceRegexpAll', [str('a1b2'), str('\\d'), str('#')], 'a#b#'],
    ['replaceRegexpAll', [str('2024-03-15'), str('(\\d+)-(\\d+)-(\\d+)'), str('\\3/\\2/\\1')], '15/03/2024'],
    ['replaceRegexpOne', [str('aaa'), str('a'), str('b')], 'baa'],
    ['replaceRegexpAll', [str('abc'), str(''), str('-')], '-a-b-c-'],
    ['multiMatchAny', [str('abc'), arr('["x","b."]')], 1],
  ]);
});

describe('URL', () => {
  const u = str('https://www.example.com:8080/a/b?x=1&y=two#frag');
  table([
    ['protocol', [u], 'https', 'String'],
    ['domain', [u], 'www.example.com'],
    ['domainWithoutWWW', [u], 'example.com'],
    ['domain', [str('example.com/path')], 'example.com'],
    ['path', [u], '/a/b'],
    ['pathFull', [u], '/a/b?x=1&y=two#frag'],
    ['queryString', [u], 'x=1&y=two'],
    ['fragment', [u], 'frag'],
    ['port', [u], 8080, 'UInt16'],
    ['cutQueryString', [u], 'https://www.example.com:8080/a/b#frag'],
    ['cutQueryStringAndFragment', [u], 'https://www.example.com:8080/a/b'],
    ['extractURLParameter', [u, str('y')], 'two', 'String'],
    ['extractURLParameter', [u, str('z')], ''],
    ['extractURLParameterNames', [u], '["x","y"]'],
    [
      'URLHierarchy',
      [str('https://example.com/browse/CONV-6788')],
      '["https://example.com/","https://example.com/browse/","https://example.com/browse/CONV-6788"]',
    ],
    ['encodeURLFormComponent', [str('a b&c')], 'a+b%26c'],
    ['decodeURLFormComponent', [str('a+b%26c')], 'a b&c'],
    ['decodeURLComponent', [str('a%20b')], 'a b'],
  ]);
});

describe('JSON', () => {
  const j = str('{"a":"x","n":42,"f":1.5,"b":true,"arr":[1,{"k":"v"}],"o":{"p":{"q":"deep"}}}');
  table([
    ['JSONExtractString', [j, str('a')], 'x', 'String'],
    // getSubcolumn reads a JSON column's path (names a dot can't reach) or a named tuple element
    ['getSubcolumn', [lit('{"user-agent":"Mozilla","o":{"p":"deep"}}', 'JSON'), str('user-agent')], 'Mozilla', 'Nullable(String)'],
    ['getSubcolumn', [lit('{"user-agent":"Mozilla","o":{"p":"deep"}}', 'JSON'), str('o.p')], 'deep'],
    ['getSubcolumn', [lit('{"user-agent":"Mozilla"}', 'JSON'), str('missing')], null],
    ['getSubcolumn', [lit('[1,"x"]', 'Tuple(a UInt8, b String)'), str('b')], 'x', 'String'],
    ['JSONExtractString', [j, str('o'), str('p'), str('q')], 'deep'],
    ['JSONExtractString', [j, str('n')], '42'], // a number's text (ClickHouse 26)
    ['JSONExtractString', [j, str('missing')], ''],
    ['JSONExtractString', [str('not json'), str('a')], ''],
    ['JSONExtractString', [j, str('arr'), i32(2), str('k')], 'v'],
    ['JSONExtractInt', [j, str('n')], 42, 'Int64'],
    ['JSONExtractInt', [j, str('f')], 1],
    ['JSONExtractFloat', [j, str('f')], 1.5, 'Float64'],
    ['JSONExtractBool', [j, str('b')], 1, 'UInt8'],
    ['JSONExtractRaw', [j, str('arr')], '[1,{"k":"v"}]', 'String'],
    ['JSONExtractArrayRaw', [j, str('arr')], '["1","{\\"k\\":\\"v\\"}"]', 'Array(String)'],
    ['JSONHas', [j, str('o'), str('p')], 1, 'UInt8'],
    ['JSONHas', [j, str('zz')], 0],
    ['JSONLength', [j, str('arr')], 2],
    ['JSONExtractKeys', [j, str('o')], '["p"]'],
    ['JSONExtract', [j, str('arr'), str('Array(String)')], '["1","{\\"k\\":\\"v\\"}"]', 'Array(String)'],
    ['JSONExtract', [j, str('n'), str('Nullable(Int64)')], 42, 'Nullable(Int64)'],
    ['JSONExtract', [j, str('zz'), str('Nullable(Int64)')], null],
    ['JSON_VALUE', [j, str('$.o.p.q')], 'deep', 'String'],
    ['simpleJSONExtractString', [j, str('q')], 'deep'],
    ['visitParamExtractInt', [j, str('n')], 42],
  ]);
});

describe('arrays (JSON text)', () => {
  const a = arr('[3,1,2,3]', 'Array(Int32)');
  table([
    ['has', [a, i32(2)], 1, 'UInt8'],
    ['has', [arr('["a","b"]'), str('c')], 0],
    ['hasAny', [a, arr('[9,1]', 'Array(Int32)')], 1],
    ['hasAll', [a, arr('[9,1]', 'Array(Int32)')], 0],
    ['indexOf', [a, i32(2)], 3, 'UInt64'],
    ['indexOf', [a, i32(9)], 0],
    ['arrayElement', [a, i32(1)], 3, 'Int32'],
    ['arrayElement', [a, i32(-1)], 3],
    ['arrayElement', [a, i32(9)], 0],
    ['arrayElement', [arr('["a"]'), i32(5)], ''],
    ['arrayElement', [lit('{"k":"v"}', 'Map(String, String)'), str('k')], 'v', 'String'],
    ['arraySlice', [a, i32(2), i32(2)], '[1,2]', 'Array(Int32)'],
    ['arrayStringConcat', [arr('["a","b"]'), str(',')], 'a,b', 'String'],
    ['arrayDistinct', [a], '[3,1,2]'],
    ['arraySort', [a], '[1,2,3,3]'],
    ['arrayReverseSort', [a], '[3,3,2,1]'],
    ['arrayReverse', [a], '[3,2,1,3]'],
    ['arrayConcat', [a, arr('[7]', 'Array(Int32)')], '[3,1,2,3,7]'],
    ['arrayIntersect', [a, arr('[2,3,5]', 'Array(Int32)')], '[3,2]'],
    ['arrayFlatten', [arr('[[1],[2,3]]', 'Array(Array(Int32))')], '[1,2,3]', 'Array(Int32)'],
    ['arraySum', [a], 9, 'Int64'],
    ['arrayMax', [a], 3, 'Int32'],
    ['arrayMin', [a], 1],
    ['arrayAvg', [a], 2.25, 'Float64'],
    ['arrayUniq', [a], 3],
    ['arrayEnumerate', [arr('["a","b"]')], '[1,2]'],
    ['arrayZip', [arr('["a","b"]'), arr('[1,2]', 'Array(Int32)')], '[["a",1],["b",2]]'],
    ['range', [i32(3)], '[0,1,2]'],
    ['arrayWithConstant', [i32(2), str('x')], '["x","x"]'],
    ['arrayPushBack', [a, i32(4)], '[3,1,2,3,4]'],
    ['array', [i32(1), i32(2)], '[1,2]', 'Array(Int32)'],
    ['array', [arr('[1]', 'Array(Int32)'), arr('[2]', 'Array(Int32)')], '[[1],[2]]', 'Array(Array(Int32))'],
    ['emptyArrayString', [], '[]'],
    ['tuple', [i32(1), str('a')], '[1,"a"]', 'Tuple(Int32, String)'],
    ['tupleElement', [lit('[1,"a"]', 'Tuple(Int32, String)'), i32(2)], 'a', 'String'],
    ['map', [str('a'), i32(1), str('b'), i32(2)], '{"a":1,"b":2}', 'Map(String, Int32)'],
    ['mapKeys', [lit('{"a":1,"b":2}', 'Map(String, Int32)')], '["a","b"]', 'Array(String)'],
  ]);
});

describe('lambdas (EmittedArg.lambda)', () => {
  /** A lambda whose body the "compiler" builds from its parameter fragments. */
  const lambda = (body: (p: EmittedArg[]) => EmittedArg): EmittedArg => ({
    sql: '',
    type: { kind: 'nothing' },
    lambda: { params: ['x'], body: (p) => body([...p]) },
  });
  const a = arr('[1,2,3]', 'Array(Int32)');
  const times2 = lambda(([x]) => ({ sql: `(${x?.sql} * 2)`, type: { kind: 'int', bits: 64, signed: true } }));
  const gt1 = lambda(([x]) => ({ sql: `(${x?.sql} > 1)`, type: { kind: 'int', bits: 8, signed: false } }));
  table([
    ['arrayMap', [times2, a], '[2,4,6]', 'Array(Int64)'],
    ['arrayFilter', [gt1, a], '[2,3]', 'Array(Int32)'],
    ['arrayExists', [gt1, a], 1, 'UInt8'],
    ['arrayAll', [gt1, a], 0],
    ['arrayCount', [gt1, a], 2],
    ['arraySum', [times2, a], 12],
    ['arrayFirst', [gt1, a], 2, 'Int32'],
    ['arrayFirstIndex', [gt1, a], 2],
    ['arraySort', [lambda(([x]) => ({ sql: `(-${x?.sql})`, type: { kind: 'int', bits: 64, signed: true } })), a], '[3,2,1]'],
  ]);
  it('a lambda over strings returning strings', () => {
    const up = lambda(([x]) => ({ sql: `upper(${x?.sql})`, type: { kind: 'string' } }));
    expect(evalScalar(db, 'arrayMap', [up, arr('["a","b"]')])).toBe('["A","B"]');
  });
});

describe('hashes, ids, windows', () => {
  it('hashes are deterministic 63-bit integers', () => {
    const h1 = evalScalar(db, 'cityHash64', [str('abc')]);
    expect(h1).toBe(evalScalar(db, 'cityHash64', [str('abc')]));
    expect(h1).not.toBe(evalScalar(db, 'cityHash64', [str('abd')]));
    expect(printType(compile('cityHash64', [str('abc')]).type)).toBe('UInt64');
  });
  it('generateUUIDv4 gives a UUID', () => {
    expect(evalScalar(db, 'generateUUIDv4', [])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
  });
  it('IPv4 conversions', () => {
    expect(evalScalar(db, 'IPv4NumToString', [lit(3232235777, 'UInt32')])).toBe('192.168.1.1');
    expect(evalScalar(db, 'IPv4StringToNum', [str('192.168.1.1')])).toBe(3232235777);
  });
  it('row_number and lagInFrame take the OVER clause', () => {
    db.exec('CREATE TABLE w (v INTEGER); INSERT INTO w VALUES (10), (20), (30)');
    const rn = compile('ROW_NUMBER', [], { over: '(ORDER BY v)' });
    const lag = compile('lagInFrame', [col('v', 'Int32')], { over: '(ORDER BY v)' });
    expect(db.prepare(`SELECT ${rn.sql} AS r, ${lag.sql} AS l FROM w ORDER BY v`).all()).toEqual([
      { r: 1, l: 0 }, // no previous row: the type's default, not NULL
      { r: 2, l: 10 },
      { r: 3, l: 20 },
    ]);
    expect(printType(rn.type)).toBe('UInt64');
  });
});
