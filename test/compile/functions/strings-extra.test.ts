import { describe, expect, it } from 'vitest';
import type { EmittedArg } from '../../../src/compile/functions/types.js';
import { printType } from '../../../src/types/index.js';
import { compile, evalScalar, lit, openDb, ty } from './harness.js';

const db = openDb();
const str = (v: string | null) => lit(v, v === null ? 'Nullable(String)' : 'String');
const n = (v: number, type = 'UInt8') => lit(v, type);

// Expected values are ClickHouse 26.7's answers (chdb).
type Case = readonly [string, readonly EmittedArg[], unknown, string?];
function table(cases: readonly Case[]) {
  it.each(cases)('%s(%j)', (name, args, expected, type) => {
    expect(evalScalar(db, name, [...args])).toEqual(expected);
    if (type) expect(printType(compile(name, [...args]).type)).toBe(type);
  });
}

describe('hex / unhex', () => {
  table([
    ['hex', [str('AB')], '4142', 'String'],
    ['hex', [str('')], ''],
    ['hex', [n(255)], 'FF'],
    ['hex', [n(0)], '00'],
    ['hex', [n(256, 'UInt64')], '0100'],
    ['hex', [n(-1, 'Int8')], 'FF'],
    ['hex', [n(-2, 'Int32')], 'FFFFFFFE'],
    ['hex', [n(1.5, 'Float64')], '000000000000F83F'],
    ['hex', [n(1.5, 'Float32')], '0000C03F'],
    ['hex', [n(19723, 'Date')], '4D0B'],
    ['hex', [n(1704068100, 'DateTime')], '65920404'],
    ['unhex', [str('4142')], 'AB', 'String'],
    ['unhex', [str('414')], '\u0004\u0014'],
  ]);
});

describe('splitByRegexp', () => {
  table([
    ['splitByRegexp', [str('[0-9]+'), str('a1b22c')], '["a","b","c"]', 'Array(String)'],
    ['splitByRegexp', [str(''), str('abc')], '["a","b","c"]'],
    ['splitByRegexp', [str('\\s+'), str(' a b  c ')], '["","a","b","c",""]'],
    ['splitByRegexp', [str('[0-9]+'), str('a1b22c'), n(2)], '["a","b"]'],
    ['splitByRegexp', [str('(x)'), str('axbxc')], '["a","b","c"]'],
  ]);
});

describe('countSubstrings', () => {
  table([
    ['countSubstrings', [str('aaaa'), str('aa')], 2, 'UInt64'],
    ['countSubstrings', [str(''), str('a')], 0],
    ['countSubstrings', [str('abc'), str('')], 0],
    ['countSubstrings', [str('aAa'), str('a')], 2],
    ['countSubstrings', [str('abcabc'), str('bc'), n(3)], 1],
    ['countSubstringsCaseInsensitive', [str('aAa'), str('a')], 3],
    ['countSubstringsCaseInsensitiveUTF8', [str('ÉéÉ'), str('é')], 3],
  ]);
});

describe('like family as functions', () => {
  table([
    ['like', [str('hello'), str('h%')], 1, 'UInt8'],
    ['like', [str('Hello'), str('h%')], 0],
    ['like', [str('a.c'), str('a_c')], 1],
    ['like', [str('abc'), str('a\\%c')], 0],
    ['like', [str('a%c'), str('a\\%c')], 1],
    ['like', [str('line1\nline2'), str('line1%')], 1],
    ['notLike', [str('hello'), str('h%')], 0],
    ['ilike', [str('HELLO'), str('h%')], 1],
    ['ilike', [str('Ünïcödé'), str('ünïcödé')], 1],
    ['notILike', [str('alice'), str('ALI%')], 0],
    ['like', [str(null), str('x')], null, 'Nullable(UInt8)'],
  ]);
});

describe('initcap, ascii, char, locate', () => {
  table([
    ['initcap', [str('hELLO wORLD-foo bar_baz 1abc')], 'Hello World-Foo Bar_Baz 1abc', 'String'],
    ['initcap', [str('élan ça')], 'éLan çA'], // ASCII only: é is not a letter to initcap
    ['initcapUTF8', [str('ÉLAN-über')], 'Élan-Über'],
    ['ascii', [str('A')], 65, 'Int32'],
    ['ascii', [str('')], 0],
    ['ascii', [str('é')], 195],
    ['char', [n(72), n(105)], 'Hi', 'String'],
    ['char', [n(195), n(169)], 'é'],
    ['char', [n(65.7, 'Float64')], 'A'],
    ['locate', [str('lo'), str('hello')], 4, 'UInt64'], // locate(needle, haystack) since ClickHouse 24
    ['locate', [str('hello'), str('lo')], 0],
    ['position', [str('hello'), str('lo')], 4],
  ]);
});

describe('search fixes', () => {
  table([
    ['multiSearchFirstIndex', [str('abcdef'), lit('["zz","cd","ab"]', 'Array(String)')], 2, 'UInt64'],
    ['multiSearchFirstIndex', [str('abcdef'), lit('["ef","ab"]', 'Array(String)')], 1],
    ['multiSearchFirstIndex', [str('abcdef'), lit('["x"]', 'Array(String)')], 0],
    ['multiSearchFirstIndexCaseInsensitive', [str('ABCDEF'), lit('["zz","cd","ab"]', 'Array(String)')], 2],
  ]);
  it('extractAll starts from the beginning after replaceRegexpOne used the same pattern', () => {
    expect(evalScalar(db, 'replaceRegexpOne', [str('a1b22c333'), str('[0-9]+'), str('#')])).toBe('a#b22c333');
    expect(evalScalar(db, 'extractAll', [str('a1b22c333'), str('[0-9]+')])).toBe('["1","22","333"]');
  });
});

describe('LowCardinality passes through like ClickHouse default implementation', () => {
  const lc = { sql: "'es'", type: ty('LowCardinality(String)') } as EmittedArg;
  it.each([
    ['upper', [lc], 'LowCardinality(String)'],
    ['ilike', [lc, str('ES')], 'LowCardinality(UInt8)'],
    ['length', [lc], 'LowCardinality(UInt64)'],
    ['concat', [lc, { sql: "'x'", type: ty('String') } as EmittedArg], 'String'], // a second column: no
    ['splitByChar', [str(','), lc], 'Array(String)'], // arrays cannot be LowCardinality
  ] as const)('%s', (name, args, type) => {
    expect(printType(compile(name, [...args]).type)).toBe(type);
  });
});
