/**
 * A five-field cron matcher (minute hour day-of-month month day-of-week, UTC), for COPY_SCHEDULE.
 * Fields take `*`, numbers, lists, ranges and `/step` (src/util/cron.ts validates them). As in
 * Vixie cron, when both day fields are restricted a day matching either one matches; 7 is Sunday too.
 */
const RANGES: readonly [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

/** True when `date` (to the minute, UTC) matches `expr`. */
export function cronMatches(expr: string, date: Date): boolean {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5) return false;
  const sets = fields.map((f, i) => expand(f, RANGES[i]!));
  const [min, hour, dom, mon, dow] = sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (!min.has(date.getUTCMinutes()) || !hour.has(date.getUTCHours()) || !mon.has(date.getUTCMonth() + 1)) return false;
  const day = date.getUTCDay();
  const domHit = dom.has(date.getUTCDate());
  const dowHit = dow.has(day) || (day === 0 && dow.has(7));
  const domAll = fields[2] === '*';
  const dowAll = fields[4] === '*';
  if (!domAll && !dowAll) return domHit || dowHit;
  return domHit && dowHit;
}

function expand(field: string, [min, max]: readonly [number, number]): Set<number> {
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const [base, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Math.max(1, Number(stepText));
    let lo = min;
    let hi = max;
    if (base !== '*') {
      const [a, b] = base!.split('-');
      lo = Number(a);
      hi = b === undefined ? (stepText === undefined ? lo : max) : Number(b);
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}
