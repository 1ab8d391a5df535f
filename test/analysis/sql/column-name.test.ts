import { describe, expect, it } from 'vitest';
import { columnName } from '../../../src/analysis/sql/column-name.js';
import { parseSelect } from '../../../src/syntax/sql/index.js';

function names(sql: string): string[] {
  const ast = parseSelect(sql).ast!;
  return ast.kind === 'select' ? ast.items.map(columnName) : [];
}

describe('columnName', () => {
  it('names un-aliased expressions as ClickHouse does', () => {
    expect(names("SELECT a + 1, count(*), count(), x[1], t.1, -y, a = 'x', NOT b, u.c, f(a) AS g, c LIKE 'x%', d IN (1, 2)")).toEqual([
      'plus(a, 1)',
      'count()',
      'count()',
      'arrayElement(x, 1)',
      'tupleElement(t, 1)',
      'negate(y)',
      "equals(a, 'x')",
      'not(b)',
      'c',
      'g',
      "like(c, 'x%')",
      'in(d, (1, 2))',
    ]);
  });
});
