import { civilFromDays, daysFromCivil, isoWeek, isoWeekday, pad } from './civil.js';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * ClickHouse formatDateTime with today's default settings: `%M` is the month name
 * (formatdatetime_parsedatetime_m_is_month_name = 1), `%e` is not space-padded, `%c %l %k` keep leading
 * zeros, `%f` prints the fraction digits of a DateTime64 (six zeros for Date/DateTime).
 * @param secs epoch seconds; @param frac fraction digits ('' for Date/DateTime)
 */
export function formatWithCodes(secs: number, frac: string, fmt: string): string {
  const days = Math.floor(secs / 86400);
  const sod = secs - days * 86400;
  const { y, m, d } = civilFromDays(days);
  const h = Math.floor(sod / 3600);
  const mi = Math.floor(sod / 60) % 60;
  const s = sod % 60;
  const wd = isoWeekday(days);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const doy = days - daysFromCivil(y, 1, 1) + 1;
  const codes: Record<string, () => string> = {
    a: () => (DAY_NAMES[wd - 1] as string).slice(0, 3),
    b: () => (MONTH_NAMES[m - 1] as string).slice(0, 3),
    c: () => pad(m),
    C: () => pad(Math.floor(y / 100)),
    d: () => pad(d),
    D: () => `${pad(m)}/${pad(d)}/${pad(y % 100)}`,
    e: () => String(d),
    f: () => (frac === '' ? '000000' : frac),
    F: () => `${pad(y, 4)}-${pad(m)}-${pad(d)}`,
    g: () => pad(isoWeek(days).year % 100),
    G: () => pad(isoWeek(days).year, 4),
    h: () => pad(h12),
    H: () => pad(h),
    i: () => pad(mi),
    I: () => pad(h12),
    j: () => pad(doy, 3),
    k: () => pad(h),
    l: () => pad(h12),
    m: () => pad(m),
    M: () => MONTH_NAMES[m - 1] as string,
    n: () => '\n',
    p: () => (h < 12 ? 'AM' : 'PM'),
    Q: () => String(Math.floor((m - 1) / 3) + 1),
    r: () => `${pad(h12)}:${pad(mi)} ${h < 12 ? 'AM' : 'PM'}`,
    R: () => `${pad(h)}:${pad(mi)}`,
    s: () => pad(s),
    S: () => pad(s),
    t: () => '\t',
    T: () => `${pad(h)}:${pad(mi)}:${pad(s)}`,
    u: () => String(wd),
    V: () => pad(isoWeek(days).week),
    w: () => String(wd % 7),
    W: () => DAY_NAMES[wd - 1] as string,
    y: () => pad(y % 100),
    Y: () => String(y),
    z: () => '+0000',
    '%': () => '%',
  };
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i] as string;
    if (ch !== '%' || i === fmt.length - 1) {
      out += ch;
      continue;
    }
    const code = fmt[++i] as string;
    const f = codes[code];
    out += f ? f() : `%${code}`;
  }
  return out;
}
