/**
 * A small Python `datetime.strptime` for the `date_diff_*` helpers: %Y %m %d %H %M %S %f %y %%, literal
 * text matched case-insensitively (Python compiles the format with IGNORECASE), whitespace as `\s+`.
 * Returns epoch milliseconds (UTC, naive) or undefined when the text does not match.
 */

const DIRECTIVES: Readonly<Record<string, string>> = {
  Y: '(\\d{4})',
  m: '(1[0-2]|0[1-9]|[1-9])',
  d: '(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])',
  H: '(2[0-3]|[0-1]\\d|\\d)',
  M: '([0-5]\\d|\\d)',
  S: '(6[0-1]|[0-5]\\d|\\d)',
  f: '(\\d{1,6})',
  y: '(\\d\\d)',
};

const cache = new Map<string, { re: RegExp; fields: string[] } | undefined>();

function compile(format: string): { re: RegExp; fields: string[] } | undefined {
  if (cache.has(format)) return cache.get(format);
  const fields: string[] = [];
  let src = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '%') {
      const d = format[++i] ?? '';
      if (d === '%') src += '%';
      else if (DIRECTIVES[d]) {
        src += DIRECTIVES[d];
        fields.push(d);
      } else {
        cache.set(format, undefined);
        return undefined;
      }
    } else if (/\s/.test(ch)) src += '\\s+';
    else src += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  const compiled = { re: new RegExp(`^${src}$`, 'i'), fields };
  cache.set(format, compiled);
  return compiled;
}

/** Parses `text` with a Python strptime `format`; undefined when it does not match or the date is invalid. */
export function strptime(text: string, format: string): number | undefined {
  const c = compile(format);
  const m = c?.re.exec(text);
  if (!c || !m) return undefined;
  const v: Record<string, number> = { Y: 1900, m: 1, d: 1, H: 0, M: 0, S: 0, f: 0 };
  c.fields.forEach((f, i) => {
    const raw = m[i + 1]!.trim();
    if (f === 'f') v.f = Number(raw.padEnd(6, '0'));
    else if (f === 'y') v.Y = Number(raw) + (Number(raw) < 69 ? 2000 : 1900);
    else v[f] = Number(raw);
  });
  const ms = Date.UTC(v.Y!, v.m! - 1, v.d!, v.H!, v.M!, Math.min(v.S!, 59));
  const check = new Date(ms);
  if (check.getUTCMonth() !== v.m! - 1 || check.getUTCDate() !== v.d!) return undefined;
  return ms + v.f! / 1000;
}
