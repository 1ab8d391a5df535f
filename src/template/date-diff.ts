import { arg, bind, type TemplateFunction } from './call.js';
import { templateSyntaxError } from './errors.js';
import { strptime } from './strptime.js';
import { isPlaceholder, pyStr, truthy, type Value } from './values.js';

/** `day_diff` and `date_diff_in_{days,hours,minutes,seconds}`: absolute whole-unit differences. */

const UNIT_SECONDS = { days: 86400, hours: 3600, minutes: 60, seconds: 1 } as const;
type Unit = keyof typeof UNIT_SECONDS;

const FORMAT_HELP =
  'defaults to YYYY-MM-DD hh:mm:ss. Or %Y-%m-%d %H:%M:%S [.ssssss]Z, e.g. ms: 2022-12-19T18:42:22.591Z s:2022-12-19T18:42:22Z';
const ERRORS: Readonly<Record<Unit, string>> = {
  days: 'invalid date format in function `date_diff_in_days`, it must be ISO format date YYYY-MM-DD, e.g. 2018-09-26',
  hours: `invalid date_format in function \`date_diff_in_hours\`, ${FORMAT_HELP}`,
  // Tinybird's own text names date_diff_in_seconds here too.
  minutes: `invalid date_format in function \`date_diff_in_seconds\`, ${FORMAT_HELP}`,
  seconds: `invalid date_format in function \`date_diff_in_seconds\`, ${FORMAT_HELP}`,
};

function parseDate(v: Value, format: string, backup: Value): number | undefined {
  const s = pyStr(v);
  return strptime(s, format) ?? (backup === null ? undefined : strptime(s, pyStr(backup)));
}

function dateDiff(unit: Unit, defaultFormat: string): TemplateFunction {
  return (_ctx, args) => {
    const b = bind(`date_diff_in_${unit}`, args, ['d0', 'd1', 'date_format', 'default', 'backup_date_format', 'none_if_error'], 2);
    const d0 = arg(b, 'd0');
    const d1 = arg(b, 'd1');
    if (isPlaceholder(d0) || isPlaceholder(d1)) {
      const def = arg(b, 'default');
      return truthy(def) ? def : 0n;
    }
    const format = pyStr(arg(b, 'date_format', defaultFormat));
    const backup = arg(b, 'backup_date_format');
    const t0 = parseDate(d0, format, backup);
    const t1 = parseDate(d1, format, backup);
    if (t0 === undefined || t1 === undefined) {
      if (truthy(arg(b, 'none_if_error', false))) return null;
      throw templateSyntaxError(ERRORS[unit]);
    }
    return BigInt(Math.trunc(Math.abs(t1 - t0) / 1000 / UNIT_SECONDS[unit]));
  };
}

const dayDiff: TemplateFunction = (ctx, args) => {
  const b = bind('day_diff', args, ['d0', 'd1', 'default'], 2);
  try {
    return dateDiff('days', '%Y-%m-%d')(ctx, { positional: [arg(b, 'd0'), arg(b, 'd1')], keywords: new Map() });
  } catch {
    throw templateSyntaxError(
      'invalid date format in function `day_diff`, it must be ISO format date YYYY-MM-DD, e.g. 2018-09-26. For other fotmats, try `date_diff_in_days`',
    );
  }
};

export const DATE_FUNCTIONS: Readonly<Record<string, TemplateFunction>> = {
  day_diff: dayDiff,
  date_diff_in_days: dateDiff('days', '%Y-%m-%d'),
  date_diff_in_hours: dateDiff('hours', '%Y-%m-%d %H:%M:%S'),
  date_diff_in_minutes: dateDiff('minutes', '%Y-%m-%d %H:%M:%S'),
  date_diff_in_seconds: dateDiff('seconds', '%Y-%m-%d %H:%M:%S'),
};
