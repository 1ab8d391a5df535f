/**
 * Reads ClickHouse's text form of composite values (`['a','b']`, `[1,2]`, `(1,'x')`, `{'k':1}`), as
 * found in CSV fields, into plain JSON values. JSON text (`["a"]`) is accepted too.
 */

/** Parses a ClickHouse value literal; undefined when the text is not one. */
export function parseChLiteral(text: string): unknown {
  const p = { s: text, i: 0 };
  try {
    const v = value(p);
    ws(p);
    return p.i === p.s.length ? v : undefined;
  } catch {
    return undefined;
  }
}

interface Cursor {
  s: string;
  i: number;
}

function ws(p: Cursor): void {
  while (p.i < p.s.length && /\s/.test(p.s[p.i]!)) p.i++;
}

function value(p: Cursor): unknown {
  ws(p);
  const c = p.s[p.i];
  if (c === '[') return seq(p, ']');
  if (c === '(') return seq(p, ')');
  if (c === '{') return map(p);
  if (c === "'" || c === '"') return quoted(p, c);
  const m = /^(?:[-+]?(?:\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|inf|nan)|NULL|null|true|false)/.exec(p.s.slice(p.i));
  if (!m) throw new Error('literal');
  p.i += m[0].length;
  const t = m[0];
  if (t === 'NULL' || t === 'null') return null;
  if (t === 'true') return true;
  if (t === 'false') return false;
  return Number(t.replace(/inf$/, 'Infinity'));
}

function seq(p: Cursor, close: string): unknown[] {
  p.i++;
  const out: unknown[] = [];
  ws(p);
  if (p.s[p.i] === close) {
    p.i++;
    return out;
  }
  for (;;) {
    out.push(value(p));
    ws(p);
    const c = p.s[p.i++];
    if (c === close) return out;
    if (c !== ',') throw new Error('sequence');
  }
}

function map(p: Cursor): Record<string, unknown> {
  p.i++;
  const out: Record<string, unknown> = {};
  ws(p);
  if (p.s[p.i] === '}') {
    p.i++;
    return out;
  }
  for (;;) {
    const k = value(p);
    ws(p);
    if (p.s[p.i++] !== ':') throw new Error('map');
    out[String(k)] = value(p);
    ws(p);
    const c = p.s[p.i++];
    if (c === '}') return out;
    if (c !== ',') throw new Error('map');
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f' };

function quoted(p: Cursor, q: string): string {
  p.i++;
  let out = '';
  for (;;) {
    const c = p.s[p.i++];
    if (c === undefined) throw new Error('unterminated');
    if (c === '\\') {
      const e = p.s[p.i++] ?? '';
      out += ESCAPES[e] ?? e;
    } else if (c === q) {
      if (p.s[p.i] !== q) return out;
      out += q;
      p.i++;
    } else out += c;
  }
}
