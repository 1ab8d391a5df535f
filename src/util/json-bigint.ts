/**
 * JSON.parse loses integers beyond 2^53 (Int64/UInt64 ids such as snowflakes). Lines holding a run of
 * 16+ digits take this slower parser, which returns such integers as BigInt; every other line keeps
 * the fast native JSON.parse.
 */
const LONG_DIGITS = /\d{16}/;

/** Parses a JSON text, keeping integers beyond 2^53 exact as BigInt. Throws SyntaxError like JSON.parse. */
export function parseJsonExact(text: string): unknown {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text);
  const p = { s: text, i: 0 };
  const v = value(p);
  skip(p);
  if (p.i !== text.length) throw new SyntaxError(`Unexpected data after JSON at position ${p.i}`);
  return v;
}

interface Cursor {
  s: string;
  i: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

function skip(p: Cursor): void {
  while (p.i < p.s.length && ' \t\n\r'.includes(p.s[p.i]!)) p.i++;
}

function value(p: Cursor): unknown {
  skip(p);
  const c = p.s[p.i];
  if (c === '{') {
    p.i++;
    const out: Record<string, unknown> = {};
    skip(p);
    if (p.s[p.i] === '}') {
      p.i++;
      return out;
    }
    for (;;) {
      skip(p);
      const key = string(p);
      skip(p);
      expect(p, ':');
      out[key] = value(p);
      skip(p);
      if (p.s[p.i] === '}') {
        p.i++;
        return out;
      }
      expect(p, ',');
    }
  }
  if (c === '[') {
    p.i++;
    const out: unknown[] = [];
    skip(p);
    if (p.s[p.i] === ']') {
      p.i++;
      return out;
    }
    for (;;) {
      out.push(value(p));
      skip(p);
      if (p.s[p.i] === ']') {
        p.i++;
        return out;
      }
      expect(p, ',');
    }
  }
  if (c === '"') return string(p);
  for (const [word, v] of [
    ['true', true],
    ['false', false],
    ['null', null],
  ] as const) {
    if (p.s.startsWith(word, p.i)) {
      p.i += word.length;
      return v;
    }
  }
  NUMBER.lastIndex = p.i;
  const m = NUMBER.exec(p.s);
  if (!m) throw new SyntaxError(`Unexpected token at position ${p.i}`);
  p.i += m[0].length;
  const n = Number(m[0]);
  return m[1] === undefined && m[2] === undefined && !Number.isSafeInteger(n) ? BigInt(m[0]) : n;
}

function string(p: Cursor): string {
  if (p.s[p.i] !== '"') throw new SyntaxError(`Expected string at position ${p.i}`);
  let j = p.i + 1;
  while (j < p.s.length && p.s[j] !== '"') j += p.s[j] === '\\' ? 2 : 1;
  if (j >= p.s.length) throw new SyntaxError('Unterminated string in JSON');
  // The native parser handles escapes exactly.
  const s = JSON.parse(p.s.slice(p.i, j + 1)) as string;
  p.i = j + 1;
  return s;
}

function expect(p: Cursor, ch: string): void {
  if (p.s[p.i] !== ch) throw new SyntaxError(`Expected '${ch}' at position ${p.i}`);
  p.i++;
}
