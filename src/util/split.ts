/** Splits `text` on `separator` where it is not nested in brackets or quotes: `a, f(b, c)` → [`a`, `f(b, c)`]. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '' || parts.length > 0) parts.push(last);
  return parts.filter((p) => p !== '');
}

/** Removes one pair of wrapping parentheses: `(a, b)` → `a, b`; `tuple()` → ``. */
export function unwrapKey(text: string): string {
  const t = text.trim();
  if (/^tuple\(\s*\)$/i.test(t)) return '';
  if (t.startsWith('(') && t.endsWith(')') && splitTopLevel(t.slice(1, -1)).join('') !== '') {
    // Only unwrap when the parentheses enclose the whole text.
    let depth = 0;
    for (let i = 0; i < t.length; i++) {
      if (t[i] === '(') depth++;
      else if (t[i] === ')') depth--;
      if (depth === 0 && i < t.length - 1) return t;
    }
    return t.slice(1, -1).trim();
  }
  return t;
}

const KEYWORDS = new Set([
  'interval',
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'quarter',
  'year',
  'and',
  'or',
  'not',
  'null',
  'delete',
  'where',
  'to',
  'volume',
  'disk',
  'true',
  'false',
  'as',
  'desc',
  'asc',
]);

/** Column-like identifiers in an expression (names not followed by `(`, not keywords, not in quotes). */
export function identifiersIn(expr: string): string[] {
  const withoutStrings = expr.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  const out: string[] = [];
  const re = /`([^`]+)`|([A-Za-z_][A-Za-z0-9_.]*)(\s*\()?/g;
  for (let m = re.exec(withoutStrings); m; m = re.exec(withoutStrings)) {
    if (m[1]) out.push(m[1]);
    else if (m[2] && !m[3] && !KEYWORDS.has(m[2].toLowerCase())) out.push(m[2]);
  }
  return out;
}
