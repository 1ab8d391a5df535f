import { describe, expect, it } from 'vitest';
import { compileJsonPath, MISSING } from '../../src/ingest/index.js';

const row = { a: { b: 1, 'weird key': 'w', n: null }, items: [{ id: 1 }, { id: 2 }, { x: 3 }], tags: ['x', 'y'], $geo: 'tz' };

describe('compileJsonPath', () => {
  it.each<[string, unknown]>([
    ['$.a.b', 1],
    ['$.a.n', null],
    ['$.a.missing', MISSING],
    ['$.a.b.c', MISSING],
    ['$.tags[:]', ['x', 'y']],
    ['$.tags[0]', 'x'],
    ['$.tags[-1]', 'y'],
    ['$.tags[5]', MISSING],
    ['$.items[:].id', [1, 2]],
    ["$.a.['weird key']", 'w'],
    ["$.a['weird key']", 'w'],
    ["$.['$geo']", 'tz'],
    ['$', row],
  ])('%s', (path, expected) => {
    expect(compileJsonPath(path)!(row)).toEqual(expected);
  });

  it('rejects what it does not understand', () => {
    expect(compileJsonPath('a.b')).toBeUndefined();
    expect(compileJsonPath('$.a[?(@.x)]')).toBeUndefined();
  });
});
