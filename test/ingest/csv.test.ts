import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsv } from '../../src/ingest/index.js';

describe('CSV parsing (RFC 4180)', () => {
  it('parses quotes, escaped quotes, embedded newlines and CRLF', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n"multi\nline",,x\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['multi\nline', '', 'x'],
    ]);
  });

  it('takes a last record without newline, skips blank lines, honours the delimiter', () => {
    expect(parseCsv('1;2\n\n3;"4;5"', ';')).toEqual([
      ['1', '2'],
      ['3', '4;5'],
    ]);
  });

  it('gives the same records however the text is chunked', () => {
    const text = 'id,"na""me"\r\n1,"a,\nb"\r\n2,""""\n3,x';
    const whole = parseCsv(text);
    for (let size = 1; size < text.length; size++) {
      const p = new CsvParser();
      const out: string[][] = [];
      for (let i = 0; i < text.length; i += size) out.push(...p.push(text.slice(i, i + size)));
      out.push(...p.end());
      expect(out).toEqual(whole);
    }
  });
});
