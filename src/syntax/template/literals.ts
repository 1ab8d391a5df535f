/** Decoding of Python literals as they appear in template expressions. */

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
};

/** Decodes a Python string literal (`'a\n'`, `"x"`, `r'raw'`); unknown escapes stay as written, like Python. */
export function decodeStringLiteral(image: string): { value: string; error?: string } {
  const raw = /^[rR]/.test(image);
  const body = image.replace(/^[rRuU]/, '').slice(1, -1);
  if (raw) return { value: body };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i] ?? '';
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const hexLen = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (hexLen > 0) {
      const hex = body.slice(i + 1, i + 1 + hexLen);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(hex)) return { value: out, error: `invalid \\${next} escape in string literal` };
      out += String.fromCodePoint(Number.parseInt(hex, 16));
      i += hexLen;
      continue;
    }
    const oct = /^[0-7]{1,3}/.exec(body.slice(i));
    if (oct) {
      out += String.fromCharCode(Number.parseInt(oct[0], 8));
      i += oct[0].length - 1;
      continue;
    }
    out += `\\${next}`;
  }
  return { value: out };
}

/** Decodes a Python int (→ bigint) or float (→ number) literal; `_` separators allowed. */
export function decodeNumber(image: string): bigint | number {
  const clean = image.replace(/_/g, '');
  if (/^0[xX]/.test(clean)) return BigInt(clean);
  if (/^\d+$/.test(clean)) return BigInt(clean);
  return Number(clean);
}
