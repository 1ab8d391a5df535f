import { describe, expect, test } from 'vitest';
import { escapeString, parseTemplate, quoteIdentifier, renderTemplate } from '../../src/template/index.js';
import { render, renderError, sqlOf } from './helpers.js';

describe('escaping', () => {
  test.each([
    ["it's", "it\\'s"],
    ['say "hi"', 'say \\"hi\\"'],
    ['back\\slash', 'back\\\\slash'],
    ['100%', '100\\%'],
    ['a`b', 'a\\`b'],
    ['nul\0x', 'nul\\0x'],
    ['l1\nl2\r\t', 'l1\\nl2\\r\\t'],
    ['\b\x1a', '\\b\\z'],
    ['ünïcødé 🐦', 'ünïcødé 🐦'],
  ])('escapeString(%j) = %j', (input, expected) => {
    expect(escapeString(input)).toBe(expected);
  });

  test('bare {{x}} is an escaped string literal', () => {
    expect(sqlOf('select * from t where f = {{foo}}', { foo: "';drop table users;" })).toBe(
      "select * from t where f = '\\';drop table users;'",
    );
    expect(sqlOf('WHERE field={{String(f)}}', { f: 'action."test run"' })).toBe('WHERE field=\'action.\\"test run\\"\'');
  });

  test('identifiers are back-quoted and lose double quotes', () => {
    expect(quoteIdentifier('a`b"c')).toBe('`a\\`bc`');
    expect(sqlOf('select * from {{symbol(foo)}}', { foo: '"table-name"' })).toBe('select * from `table-name`');
  });
});

describe('helper functions', () => {
  test.each([
    ['{{column(agg)}}', { agg: 'foo' }, '`foo`'],
    ['{{column(agg)}}', { agg: '"foo"' }, '`foo`'],
    ['{{column(agg)}}', { agg: 'json.a' }, '`json`.`a`'],
    ["{{column(agg, 'id')}}", {}, '`id`'],
    ["{{columns(agg, 'a,b,c')}}", {}, '`a`,`b`,`c`'],
    ["{{columns(agg, 'a,b,c')}}", { agg: 'foo' }, '`foo`'],
    ["{{columns(cols, 'a, b', fn='sum')}}", {}, 'sum(`a`) as `a`,sum(`b`) as `b`'],
    ['{{symbol(foo)}}', { foo: 'table-name' }, '`table-name`'],
    ['{{table(foo)}}', { foo: 'events.v1' }, 'events.v1'],
    ["{{TABLE('nginx_logs')}}", {}, 'nginx_logs'],
    ['where {{sql_and(a=a, b=b)}}', { a: '1', b: '2' }, "where a = '1' and b = '2'"],
    ['where {{sql_and(a=a, b=b)}}', { b: '2' }, "where b = '2'"],
    ['where {{sql_and(a__in=Array(a), b=b)}}', { a: 'a,b,c', b: '2' }, "where a in ['a','b','c'] and b = '2'"],
    ['where {{sql_and(a__not_in=Array(a))}}', { a: 'x' }, "where a not in ['x']"],
    ['where {{sql_and(n__gte=Int32(n), m__lt=Int32(m))}}', { n: '1', m: '9' }, "where n >= toInt32('1') and m < toInt32('9')"],
    ["like {{sql_unescape(String(p), '%')}}", { p: 'raul_%' }, "like 'raul_%'"],
    ['{% for x in split_to_array(v) %}[{{x}}]{% end %}', { v: ' a , b ' }, "['a']['b']"],
    ["{% for x in split_to_array(String(m, ''), separator='|') %}{{x}}{% end %}", { m: 'a|b' }, "'a''b'"],
    ['{% for last, x in enumerate_with_last(split_to_array(v)) %}{{x}}{% if not last %},{% end %}{% end %}', { v: 'a,b,c' }, "'a','b','c'"],
    ['{{day_diff(a, b)}}', { a: '2019-01-02', b: '2019-02-01' }, '30'],
    ['{{date_diff_in_hours(a, b)}}', { a: '2022-12-14 18:42:22', b: '2022-12-19 18:42:22' }, '120'],
    ["{{date_diff_in_minutes(a, b, backup_date_format='%Y-%m-%d')}}", { a: '2022-12-19', b: '2022-12-19 00:01:00' }, '1'],
    ["{{date_diff_in_seconds(a, b, '%Y-%m-%dT%H:%M:%S.%fz')}}", { a: '2022-12-19T18:42:23.521Z', b: '2022-12-19T18:44:23.531Z' }, '120'],
    ["{{date_diff_in_days(a, b, '%Y/%m/%d')}}", { a: '2019/01/01', b: '2019/01/04' }, '3'],
    ['{{len(split_to_array(v))}}', { v: 'a,b' }, '2'],
    ['{{int(v) + 1}}', { v: '41' }, '42'],
    ['{{float(v)}}', { v: '2' }, '2.0'],
    ['{{max((Int32(page, 1) - 1) * 10, 0)}}', { page: '3' }, '20'],
    ['{{min(3, 1, 2)}}', {}, '1'],
    [
      "{% for kv in JSON(payload) %} OR d = {{kv['dp']}}{% end %}",
      { payload: '[{"dp":"Design"},{"dp":"Sales"}]' },
      " OR d = 'Design' OR d = 'Sales'",
    ],
    [
      "{% for item in JSON(f, '[]') %}{% if item.get('op', '').startswith('meta.') %}{{item.get('op')}}{% end %}{% end %}",
      { f: '[{"op":"meta.a"},{"op":"x"}]' },
      "'meta.a'",
    ],
  ])('%s with %j → %s', (tpl, params, expected) => {
    expect(sqlOf(tpl, params)).toBe(expected);
  });

  test("','.join(list) and .replace/.split", () => {
    expect(sqlOf("{% set g = ','.join(split_to_array(v)) %}{{g}}", { v: 'a,b' })).toBe("'a,b'");
    expect(sqlOf("{{v.replace('-', '_')}}", { v: 'a-b' })).toBe("'a_b'");
    expect(sqlOf("{{v.split('.')[1]}}", { v: 'x.y' })).toBe("'y'");
  });

  test('outputs: cache_ttl, max_threads, backend_hint, activate', () => {
    const r = render("{{cache_ttl('5m')}}{{max_threads(2)}}{{backend_hint('h1')}}{{activate('analyzer')}}SELECT 1");
    expect(r.sql).toBe('-- cache_ttl 5m\n-- max_threads 2\n-- backend_hint h1\n-- activate analyzer\nSELECT 1');
    expect(r.outputs).toEqual({ cacheTtl: '5m', maxThreads: 2, backendHint: 'h1', activate: 'analyzer' });
    expect(renderError("{{cache_ttl('10m')}}").message).toBe(
      "Template Syntax Error: Invalid TTL cache expression, valid expressions are ('5s', '1m', '5m', '30m', '1h')",
    );
  });

  test('tb_secret / tb_var', () => {
    expect(sqlOf("{{tb_secret('PG')}}", {}, { secrets: { PG: "h'x" } })).toBe("'h\\'x'");
    expect(sqlOf("{{tb_var('PG', 'dflt')}}")).toBe("'dflt'");
    expect(sqlOf("{{tb_secret('PG')}}", {}, { mode: 'analyze' })).toBe("'__no_value__'");
    expect(renderError("{{tb_secret('test')}}").message).toBe(
      "Template Syntax Error: Cannot access secret 'test'. Check the secret exists in the Workspace and the token has the required scope.",
    );
  });
});

describe('control flow', () => {
  test.each([
    ['{% if defined(open) %}ERROR{% else %}YEAH!{% end %}', {}, 'YEAH!'],
    ['{% if test %}SELECT 1{% else %} select 2 {% end %}', {}, ' select 2 '],
    ['{% if Int32(test, 1) %}SELECT 1{% else %} select 2 {% end %}', {}, 'SELECT 1'],
    ["{% if x == 'a' %}A{% elif x == 'b' %}B{% else %}C{% end %}", { x: 'b' }, 'B'],
    ["{% if x in ['a', 'b'] %}in{% end %}{% if x not in ('c',) %}!{% end %}", { x: 'a' }, 'in!'],
    ['{% set only = False %}{% if defined(x) %}{% set only = True %}{% end %}{{Boolean(only)}}', { x: '1' }, '1'],
    [
      '{% for r in split_to_array(v) %}{% if r == "b" %}{% continue %}{% end %}{% if r == "d" %}{% break %}{% end %}{{r}}{% end %}',
      { v: 'a,b,c,d,e' },
      "'a''c'",
    ],
    ['{% for i in [1, 2] %}{{i}}{% else %}done{% end %}', {}, '12done'],
    ['{% set n = 0 %}{% while n < 3 %}{{n}}{% set n = n + 1 %}{% end %}', {}, '012'],
    ['{% try %}{{Int32(x)}}{% except %}bad{% end %}', { x: 'z' }, 'bad'],
    ['{{ 1 if defined(x) else 2 }}', {}, '2'],
    ['{# comment #}a{% comment anything here %}b{{! c}}', {}, 'ab{{ c}}'],
    ['{%! if x %}', {}, '{% if x %}'],
    ["{{ 'a' + 'b' }} {{ -1 * 3 }} {{ [1, 'x'] }}", {}, "'ab' -3 [1,'x']"],
  ])('%s with %j → %j', (tpl, params, expected) => {
    expect(sqlOf(tpl, params)).toBe(expected);
  });
});

describe('errors', () => {
  test('error() → 400 with the message; custom_error → chosen status and body', () => {
    const e = renderError('{% if not defined(x) %}{{ error("Must supply x") }}{% end %}');
    expect([e.message, e.status, e.name]).toEqual(['Must supply x', 400, 'TemplateError']);
    const c = renderError("{{ custom_error({'error': 'nope', 'code': 7}, 404) }}");
    expect(c.status).toBe(404);
    expect(c.body).toEqual({ error: 'nope', code: 7 });
  });

  test.each([
    ['SELECT {{test}}', 'Template Syntax Error: expression "test" evaluated to null'],
    [
      'SELECT {{testisasuperlongthingandwedontwanttoreturnthefullthing}}',
      'Template Syntax Error: expression "testisasuperlongthin..." evaluated to null',
    ],
    ['SELECT {{column(agg)}}', "Template Syntax Error: Missing column() default value, use `column(column_name, 'default_column_name')`"],
    [
      'SELECT {{columns(agg)}}',
      "Template Syntax Error: Missing columns() default value, use `columns(column_names, 'default_column_name')`",
    ],
    ["{{ sql_and(a__like='x') }}", 'Template Syntax Error: operand like not supported'],
    [
      "{% for item in JSON(f, '[{}]') %}{{item.get('operand')}}{% end %}",
      'Template Syntax Error: expression "item.get(\'operand\')" evaluated to null',
    ],
    [
      '{{ x.get("a") }}',
      "Template Syntax Error: 'str' object has no attribute 'get'. Make sure you're using an object/dictionary where trying to use .get()",
    ],
    ['{% if x > 1 %}{% end %}', "'>' not supported between instances of 'str' and 'int'"],
    ["{{ table('a; drop') }}", "Template Syntax Error: Invalid table name 'a; drop'"],
  ])('%s fails with %j', (tpl, message) => {
    const e = renderError(tpl, tpl.includes('x.get') || tpl.includes('x >') ? { x: 'v' } : {});
    expect(e.message).toBe(message);
    expect(e.status).toBe(400);
  });

  test('format and q cannot be variables: a check diagnostic, and a render error with the line', () => {
    const { ast, diagnostics } = parseTemplate("%\nSELECT 1\n{{String(format, 'test')}} {{q}}");
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['MK3014', '"format" can not be used as a variable name, line 3'],
      ['MK3014', '"q" can not be used as a variable name, line 3'],
    ]);
    expect(() => renderTemplate(ast!, { format: 'tt' }, { mode: 'run' })).toThrow('"format" can not be used as a variable name, line 3');
  });

  test('analyze mode reports comparisons on placeholders like Tinybird', () => {
    expect(renderError('{% if x > 1 %}{% end %}', {}, { mode: 'analyze' }).message).toBe(
      "'>' not supported between instances of 'Placeholder' and 'int'. If you are using a dynamic parameter, you need to wrap it around a valid Data Type (e.g. Int8(placeholder))",
    );
  });
});
