import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseTemplate, renderTemplate } from '../../src/template/index.js';

/**
 * Property: no parameter value changes the shape of the rendered query. A small ClickHouse-style tokenizer
 * (quotes with backslash escapes, backticks, comments) turns the SQL into tokens; every literal is replaced
 * by `?`, and the result must equal the shape rendered for a harmless value.
 */
function shape(sql: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '`' || ch === '"') {
      let j = i + 1;
      while (j < sql.length && sql[j] !== ch) j += sql[j] === '\\' ? 2 : 1;
      if (j >= sql.length) throw new Error(`unterminated ${ch} in ${sql}`);
      out.push(ch === "'" ? '?' : 'ident');
      i = j + 1;
    } else if (sql.startsWith('--', i) || sql.startsWith('/*', i)) {
      throw new Error(`comment in rendered SQL: ${sql}`);
    } else if (/\s/.test(ch)) i++;
    else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(sql[i + 1] ?? '') && ['[', ','].includes(out[out.length - 1] ?? ''))) {
      const m = /^-?[0-9.e+-]+/.exec(sql.slice(i))!;
      out.push('?');
      i += m[0].length;
    } else {
      const m = /^[A-Za-z_]\w*/.exec(sql.slice(i));
      out.push(m ? m[0] : ch);
      i += m ? m[0].length : 1;
    }
  }
  // Arrays may hold any number of items: `[?,?,?]` has the same shape as `[?]`.
  return out
    .join(' ')
    .replace(/\? (?:, \? )+/g, '? ')
    .split(' ');
}

const TEMPLATE = `%
SELECT * FROM events
WHERE name = {{String(name, 'x')}} AND plain = {{bare}}
  AND n < {{Int32(n, 1)}}
  AND tag IN {{Array(tags, 'String', 'a')}}
  AND id IN {{Array(ids, 'Int64', '1')}}
  AND col = {{column(c, 'id')}}
  AND s LIKE {{sql_unescape(String(p, 'q'), '%')}}
  {% if defined(opt) %} AND opt = {{opt}} {% end %}
LIMIT 10`;

const { ast } = parseTemplate(TEMPLATE);
const render = (p: Record<string, string | string[]>): string => renderTemplate(ast!, p, { mode: 'run' }).sql;
const base = { name: 'a', bare: 'b', n: '2', tags: 'a', ids: '1', c: 'id', p: 'q', opt: 'o' };
const baseline = shape(render(base));

// Strings full of SQL metacharacters, including quotes, backslashes, NUL, newlines and unicode.
const nasty = fc.string({
  unit: fc.constantFrom(
    "'",
    '"',
    '\\',
    '`',
    '%',
    '\0',
    '\n',
    '\r',
    '\t',
    '\b',
    '\x1a',
    '-',
    '*',
    '/',
    ';',
    ' ',
    ',',
    'a',
    '1',
    'é',
    '😀',
    ')',
    '(',
  ),
  maxLength: 30,
});

describe('parameter values cannot change the query shape', () => {
  test('String, bare, Array(String), column and sql_unescape values stay inside one literal', () => {
    fc.assert(
      fc.property(
        nasty,
        nasty,
        nasty,
        fc.array(
          nasty.filter((s) => !s.includes(',')),
          { minLength: 1, maxLength: 4 },
        ),
        nasty,
        (a, b, p, tags, c) => {
          const sql = render({ ...base, name: a, bare: b, p, tags: tags.length === 1 ? tags[0]! : tags, opt: a, c: c.replace(/\./g, '') });
          expect(shape(sql)).toEqual(baseline);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('Int32/Array(Int64) values are either rejected or rendered as numbers', () => {
    fc.assert(
      fc.property(fc.oneof(nasty, fc.integer().map(String)), (v) => {
        for (const params of [
          { ...base, n: v },
          { ...base, ids: v },
        ]) {
          let sql: string;
          try {
            sql = render(params);
          } catch (e) {
            expect((e as Error).name).toBe('TemplateError');
            continue;
          }
          expect(shape(sql)).toEqual(baseline);
        }
      }),
      { numRuns: 300 },
    );
  });
});
