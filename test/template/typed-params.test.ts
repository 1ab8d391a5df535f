import { describe, expect, test } from 'vitest';
import { analyze, renderError, sqlOf } from './helpers.js';

describe('typed parameter functions (run mode)', () => {
  test.each([
    ['{{Int32(x)}}', { x: '5' }, "toInt32('5')"],
    ['{{Int32(x)}}', { x: '+05' }, "toInt32('5')"],
    ['{{Int32(x, 10)}}', {}, "toInt32('10')"],
    ['{{Int8(x)}}', { x: '-128' }, "toInt8('-128')"],
    ['{{UInt8(x)}}', { x: '255' }, "toUInt8('255')"],
    ['{{UInt64(x)}}', { x: '18446744073709551615' }, "toUInt64('18446744073709551615')"],
    ['{{Int128(x)}}', { x: '-170141183460469231731687303715884105728' }, "toInt128('-170141183460469231731687303715884105728')"],
    ['{{Int256(x, 3555)}}', {}, "toInt256('3555')"],
    ['{{Int(x, 7)}}', {}, '7'],
    ['limit {{Integer(x)}}', { x: '0' }, 'limit 0'],
    ['{{Float32(x)}}', { x: '1' }, "toFloat32('1.0')"],
    ['{{Float32(x)}}', { x: '-1' }, "toFloat32('-1.0')"],
    ['{{Float64(x, 0.2)}}', {}, "toFloat64('0.2')"],
    ['{{Float64(x)}}', { x: '1e20' }, "toFloat64('1e+20')"],
    ['{{Float64(x)}}', { x: '0.00001' }, "toFloat64('1e-05')"],
    ['{{String(x)}}', { x: 'abc' }, "'abc'"],
    ["{{String(x, 'test')}}", {}, "'test'"],
    ["{{String(x, 'test', description='d', required=True)}}", { x: 'tt' }, "'tt'"],
    ['{{Date(x)}}', { x: '2019-01-01' }, "'2019-01-01'"],
    ['{{DateTime(x)}}', { x: '2018-09-07 23:55:00' }, "'2018-09-07 23:55:00'"],
    ['{{DateTime(x)}}', { x: '2018-09-07T23:55:00' }, "'2018-09-07T23:55:00'"],
    ["{{DateTime64(x, '2020-09-09 10:10:10.000')}}", {}, "'2020-09-09 10:10:10.000'"],
    ['{{Boolean(x)}}', { x: 'true' }, '1'],
    ['{{Boolean(x)}}', { x: 'FALSE' }, '0'],
    ['{{Boolean(x)}}', { x: '0' }, '0'],
    ['{{Boolean(x)}}', {}, '0'],
    ['{{Boolean(x, True)}}', {}, '1'],
    ['{{Array(x)}}', { x: 'a,b,c,d' }, "['a','b','c','d']"],
    ["{{Array(x, 'Int32')}}", { x: '1,2,3,4' }, '[1,2,3,4]'],
    ["{{Array(x, 'Int32')}}", { x: ['1', '2'] }, '[1,2]'],
    ["{{Array(x, 'Float32')}}", { x: '1,2.5' }, '[1.0,2.5]'],
    ["{{Array(x, 'Date')}}", { x: '2020-01-01' }, "['2020-01-01']"],
    ["{{Array(x, 'String', 'pre,pro')}}", {}, "['pre','pro']"],
    ["{{Array(x, 'String', 'pre,pro')}}", { x: 'hi,hello' }, "['hi','hello']"],
    ["{{Array(x, 'String', '')}}", {}, "['']"],
    ["{{Array(x, 'Boolean')}}", { x: 'true,0' }, '[1,0]'],
    ["{{Array(x, 'Int16', default='1', defined=False)}}", {}, '[1]'],
  ])('%s with %j → %s', (tpl, params, expected) => {
    expect(sqlOf(tpl, params)).toBe(expected);
  });

  test.each([
    ['{{Int32(x)}}', { x: 'non_int' }, "Template Syntax Error: Error validating 'non_int' to type Int32"],
    ['{{Int8(x)}}', { x: '128' }, "Template Syntax Error: Error validating '128' to type Int8"],
    ['{{UInt8(x)}}', { x: '-1' }, "Template Syntax Error: Error validating '-1' to type UInt8"],
    ['{{Int(x)}}', { x: '1.5' }, "Template Syntax Error: Error validating '1.5' to type Int32"],
    ['{{Float32(x)}}', { x: '1_000' }, "Template Syntax Error: Error validating '1_000' to type Float32"],
    ['{{Date(x)}}', { x: '2019-01-01 00:00:00' }, "Template Syntax Error: Error validating '2019-01-01 00:00:00' to type Date"],
    ['{{DateTime(x)}}', { x: '2019-01-01' }, "Template Syntax Error: Error validating '2019-01-01' to type DateTime"],
    [
      "{{ Array(e, 'Float32') }}",
      { e: '1,2,3,4, null' },
      'Template Syntax Error: Error validating [1,2,3,4, null][4] ( null) to type Float32',
    ],
    ["{{ Array(e, 'Int32', '') }}", { e: '' }, 'Template Syntax Error: Error validating [][0] (empty string) to type Int32'],
  ])('%s with %j fails', (tpl, params, message) => {
    const e = renderError(tpl, params);
    expect(e.message).toBe(message);
    expect(e.status).toBe(400);
  });

  test('a missing required parameter names every parameter without value or default', () => {
    const e = renderError(
      "select * from t where str = {{String(test)}} and category = {{String(category, 'shirts')}} and color = {{ Int32(color)}}",
    );
    expect(e.message).toBe(
      'Template Syntax Error: Required parameter is not defined. Check the parameters test and color. Please provide a value or set a default value in the pipe code.',
    );
    expect(e.status).toBe(400);
  });

  test('defined=False turns a missing parameter into None (skipped by sql_and)', () => {
    expect(sqlOf('where {{sql_and(a=Int(a, defined=False), b=Int(b, defined=False))}}', { b: '2' })).toBe('where b = 2');
  });
});

describe('analyze mode placeholders', () => {
  test.each([
    ['{{String(foo)}}', "'__no_value__'"],
    ["{{String(foo, 'test')}}", "'test'"],
    ['{{foo}}', "'__no_value__'"],
    ['{{Int32(foo)}}', "toInt32('0')"],
    ['{{Int32(foo, 1)}}', "toInt32('1')"],
    ['{{Int(limit)}}', '0'],
    ['{{Float32(foo)}}', "toFloat32('0.0')"],
    ['{{Date(d)}}', "'2019-01-01'"],
    ['{{DateTime(d)}}', "'2019-01-01 00:00:00'"],
    ['{{DateTime64(d)}}', "'2019-01-01 00:00:00.000'"],
    ['{{Boolean(b)}}', '0'],
    ['{{symbol(attr)}}', '`placeholder`'],
    ['{{table(t)}}', 'placeholder'],
    ['{{column(c, "id")}}', '`id`'],
    ["{{Array(foo, 'Int32')}}", '[0,0]'],
    ['{{Array(foo)}}', "['']"],
    ["{{Array(foo, 'String', 'a,b')}}", "['a','b']"],
    ["{{String(foo + 'abcd')}}", "'__no_value__'"],
    ["{{error('boom')}}", '-- {x} \n'],
    ['{{day_diff(a, b)}}', '0'],
    ['{% for v in test %}SELECT {{v}} {% end %}', "SELECT '__no_value__' SELECT '__no_value__' SELECT '__no_value__' "],
    ['{% if defined(x) %}ERROR{% else %}YEAH!{% end %}', 'YEAH!'],
  ])('%s → %j', (tpl, expected) => {
    expect(analyze(tpl)).toBe(expected);
  });

  test('given parameters are still used', () => {
    expect(analyze('{{Int32(x)}}', { x: '3' })).toBe("toInt32('3')");
  });

  test('JSON without default fails like Tinybird', () => {
    const e = renderError("{% for kv in JSON(payload) %}{{kv['dp']}}{% end %}", {}, { mode: 'analyze' });
    expect(e.message).toMatch(/^Template Syntax Error: Error parsing JSON: '__no_value__' - /);
  });
});
