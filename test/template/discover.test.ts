import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { discoverParameters, parseTemplate } from '../../src/template/index.js';
import { CORPUS } from '../helpers/shared.js';

const discover = (text: string) => discoverParameters(parseTemplate(text).ast!);

describe('parameter discovery', () => {
  test.each([
    ['{{Float32(with_value, 0.0)}}', [{ name: 'with_value', type: 'Float32', default: 0, required: false }]],
    ['{{Int32(v, -0)}}', [{ name: 'v', type: 'Int32', default: -0, required: false }]],
    [
      "{{String(d, 'test_1')}} {{Int8(v, 3)}}",
      [
        { name: 'd', type: 'String', default: 'test_1', required: false },
        { name: 'v', type: 'Int8', default: 3, required: false },
      ],
    ],
    ['{% if defined(n) %}{{UInt64(n)}}{% end %}', [{ name: 'n', type: 'UInt64', required: false }]],
    [
      '{% if defined(a) and defined(b) %}1{% end %}',
      [
        { name: 'a', type: 'String', required: false, usedIn: 'function_call' },
        { name: 'b', type: 'String', required: false, usedIn: 'function_call' },
      ],
    ],
    ["{{Array(c, 'Int16', defined=False)}}", [{ name: 'c', type: 'Array(Int16)', required: false, defined: false }]],
    ['{{Array(c)}}', [{ name: 'c', type: 'Array(String)', required: false }]],
    ["{{Array(c, 'String', 'a,b')}}", [{ name: 'c', type: 'Array(String)', default: 'a,b', required: false }]],
    ['{{x}}', [{ name: 'x', type: 'String', required: false }]],
    ["{{String(test + 'abcd', 'dflt')}}", [{ name: 'test', type: 'String', required: false }]],
    ['{{Int64(s, 9223372036854775807)}}', [{ name: 's', type: 'Int64', default: '9223372036854775807', required: false }]],
    ['{{Int(days, 7)}}', [{ name: 'days', type: 'Int32', default: 7, required: false }]],
    [
      "{{String(d, 'x', description='test', required=True)}} {{Int8(v, 3, format='number', example='1', enum=['1', '2'])}}",
      [
        { name: 'd', type: 'String', default: 'x', required: true, description: 'test' },
        { name: 'v', type: 'Int8', default: 3, required: false, format: 'number', example: '1', enum: ['1', '2'] },
      ],
    ],
    ['{% set a = Int32(x, 0) %}{{a}}', [{ name: 'x', type: 'Int32', default: 0, required: false }]],
    ['{% for r in repos %}{{String(r)}}{% end %}', [{ name: 'repos', type: 'String', required: false }]],
    [
      '{{day_diff(date_from, date_to)}}',
      [
        { name: 'date_from', type: 'String', required: false, usedIn: 'function_call' },
        { name: 'date_to', type: 'String', required: false, usedIn: 'function_call' },
      ],
    ],
  ])('%s', (text, expected) => {
    expect(discover(text)).toEqual(expected);
  });

  test('a later typed declaration types an earlier untyped use and overrides defaults', () => {
    expect(discover("{% if defined(x) %}{{Int32(x, 1)}}{% end %}{{Int32(x, 2, description='later')}}")).toEqual([
      { name: 'x', type: 'Int32', default: 2, required: false, description: 'later' },
    ]);
  });

  test('real corpus pipe: TryGhost api_top_locations', () => {
    const file = `${CORPUS}/TryGhost__Ghost/ghost/core/core/server/data/tinybird/endpoints/api_top_locations.pipe`;
    const text = readFileSync(file, 'utf8');
    const sql = text.slice(text.indexOf('%', text.indexOf('SQL >')));
    const names = discover(sql.slice(0, sql.search(/\n\S/) >= 0 ? sql.search(/\n\S/) : undefined));
    expect(names.find((p) => p.name === 'limit')).toMatchObject({ type: 'Int32', default: 50 });
    expect(names.find((p) => p.name === 'skip')).toMatchObject({ type: 'Int32', default: 0 });
  });
});
