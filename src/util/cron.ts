const FIELD_RANGES: readonly [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

/** Checks a five-field cron expression (`*`, lists, ranges, steps; numbers only), as Tinybird's COPY_SCHEDULE takes. */
export function isValidCron(expr: string): boolean {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5) return false;
  return fields.every((field, i) => field.split(',').every((part) => isValidPart(part, FIELD_RANGES[i]!)));
}

function isValidPart(part: string, [min, max]: [number, number]): boolean {
  const [base, step] = part.split('/');
  if (step !== undefined && !/^\d+$/.test(step)) return false;
  if (base === '*') return true;
  const range = base?.split('-') ?? [];
  if (range.length > 2 || range.length === 0) return false;
  return range.every((n) => /^\d+$/.test(n) && Number(n) >= min && Number(n) <= max);
}
