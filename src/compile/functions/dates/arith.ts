import { baseType, type ChType, T } from '../../../types/ast.js';
import { constString, scalar } from '../define.js';
import type { EmitContext, EmittedArg, FunctionDef } from '../types.js';
import { floorDivSql, normUnit, SECONDS_PER, secondsSql } from './sql.js';
import { ADD_MONTHS, AGE, MONTH_INDEX } from './udfs.js';

/** The type of `x + INTERVAL n unit`: Date stays Date for day-and-longer units, else becomes DateTime. */
export function dateAddType(x: ChType, unit: string): ChType {
  const b = baseType(x);
  const u = normUnit(unit);
  if ((b.kind === 'date' || b.kind === 'date32') && (SECONDS_PER[u] ?? 86400) < 86400) return T.datetime;
  if (b.kind === 'string') return T.datetime;
  return b;
}

/**
 * SQL for `x ± n unit` in x's storage encoding. Months, quarters and years clamp the day of month
 * like ClickHouse (2024-01-31 + 1 month = 2024-02-29). Exported so the compiler can lower `x + INTERVAL …`.
 */
export function dateAddSql(x: EmittedArg, unit: string, n: string, sign: 1 | -1): string {
  const u = normUnit(unit);
  const b = baseType(x.type);
  const amount = sign === 1 ? `(${n})` : `(-(${n}))`;
  const monthsPer: Record<string, number> = { month: 1, quarter: 3, year: 12 };
  const months = monthsPer[u];
  if (months !== undefined) {
    const m = months === 1 ? amount : `${amount} * ${months}`;
    if (b.kind === 'date' || b.kind === 'date32') return `${ADD_MONTHS}(${x.sql}, ${m}, 1)`;
    if (b.kind === 'datetime64') {
      const scale = 10 ** b.precision;
      return `(${ADD_MONTHS}(${floorDivSql(x.sql, scale)}, ${m}, 0) * ${scale} + ((${x.sql}) % ${scale} + ${scale}) % ${scale})`;
    }
    return `${ADD_MONTHS}(${secondsSql(x)}, ${m}, 0)`;
  }
  const subSecond: Record<string, number> = { millisecond: 3, microsecond: 6, nanosecond: 9 };
  if (b.kind === 'datetime64') {
    const sp = subSecond[u];
    const unitsPer = sp !== undefined ? 10 ** Math.max(0, b.precision - sp) : (SECONDS_PER[u] ?? 1) * 10 ** b.precision;
    return `((${x.sql}) + ${amount} * ${unitsPer})`;
  }
  const per = SECONDS_PER[u] ?? 1;
  if ((b.kind === 'date' || b.kind === 'date32') && per >= 86400)
    return `((${x.sql}) + ${amount}${per === 86400 ? '' : ` * ${per / 86400}`})`;
  return `((${secondsSql(x)}) + ${amount}${per === 1 ? '' : ` * ${per}`})`;
}

const UNITS = ['Second', 'Minute', 'Hour', 'Day', 'Week', 'Month', 'Quarter', 'Year'] as const;

function addFn(name: string, unit: string, sign: 1 | -1): FunctionDef {
  return scalar({
    name,
    min: 2,
    max: 2,
    ret: (a) => dateAddType(a[0] ?? T.datetime, unit),
    emit: ([x, n]) => dateAddSql(x as EmittedArg, unit, (n as EmittedArg).sql, sign),
  });
}

/** date_add(unit, n, x), date_add(x, INTERVAL n unit), timestamp_add(x, INTERVAL …) — all spellings. */
function intervalForm(args: readonly EmittedArg[], ctx: EmitContext): { x: EmittedArg; unit: string; n: string } {
  const [a, b, c] = args;
  if (a && b && !c && baseType(b.type).kind === 'interval') return { x: a, unit: (baseType(b.type) as { unit: string }).unit, n: b.sql };
  if (a && b && !c && baseType(a.type).kind === 'interval') return { x: b, unit: (baseType(a.type) as { unit: string }).unit, n: a.sql };
  if (a && b && c) return { x: c, unit: constString(a) ?? ctx.fail('date_add: the unit must be a constant'), n: b.sql };
  return ctx.fail('date_add expects (unit, n, date) or (date, INTERVAL n unit)');
}

function intervalFormType(args: readonly EmittedArg[]): ChType {
  const [a, b, c] = args;
  if (a && b && !c) {
    const [x, i] = baseType(b.type).kind === 'interval' ? [a, b] : [b, a];
    return dateAddType(x.type, (baseType(i.type) as { unit?: string }).unit ?? 'second');
  }
  return c ? dateAddType(c.type, constString(a) ?? 'second') : T.datetime;
}

function dateAddFn(name: string, aliases: string[], sign: 1 | -1): FunctionDef {
  return scalar({
    name,
    aliases,
    caseInsensitive: true,
    min: 2,
    max: 3,
    ret: (_a, c) => intervalFormType(c.args),
    emit: (args, ctx) => {
      const f = intervalForm(args, ctx);
      return dateAddSql(f.x, f.unit, f.n, sign);
    },
  });
}

/** dateDiff counts unit boundaries crossed between a and b (toRelative…Num(b) − toRelative…Num(a)). */
function dateDiffSql(unit: string, a: EmittedArg, b: EmittedArg, ctx: EmitContext): string {
  const u = normUnit(unit);
  const [sa, sb] = [secondsSql(a), secondsSql(b)];
  const per = SECONDS_PER[u];
  if (u === 'week') return `(${floorDivSql(`${floorDivSql(sb, 86400)} + 3`, 7)} - ${floorDivSql(`${floorDivSql(sa, 86400)} + 3`, 7)})`;
  if (per !== undefined) return per === 1 ? `((${sb}) - (${sa}))` : `(${floorDivSql(sb, per)} - ${floorDivSql(sa, per)})`;
  const months = `(${MONTH_INDEX}(${sb}) - ${MONTH_INDEX}(${sa}))`;
  if (u === 'month') return months;
  if (u === 'quarter') return `(${MONTH_INDEX}(${sb}) / 3 - ${MONTH_INDEX}(${sa}) / 3)`;
  if (u === 'year') return `(${MONTH_INDEX}(${sb}) / 12 - ${MONTH_INDEX}(${sa}) / 12)`;
  return ctx.fail(`dateDiff: unsupported unit '${unit}'`);
}

export const ARITH: readonly FunctionDef[] = [
  ...UNITS.flatMap((u) => [addFn(`add${u}s`, u, 1), addFn(`subtract${u}s`, u, -1)]),
  dateAddFn('date_add', ['dateAdd', 'DATE_ADD', 'timestamp_add', 'timestampAdd', 'TIMESTAMP_ADD'], 1),
  dateAddFn('date_sub', ['dateSub', 'DATE_SUB', 'timestamp_sub', 'timestampSub', 'TIMESTAMP_SUB'], -1),
  scalar({
    name: 'dateDiff',
    aliases: ['date_diff', 'DATE_DIFF', 'timestampDiff', 'timestamp_diff', 'TIMESTAMP_DIFF'],
    caseInsensitive: true,
    min: 3,
    max: 4,
    ret: T.int64,
    emit: ([unit, a, b], ctx) =>
      dateDiffSql(constString(unit) ?? ctx.fail('dateDiff: the unit must be a constant string'), a as EmittedArg, b as EmittedArg, ctx),
  }),
  scalar({
    name: 'age',
    min: 3,
    max: 4,
    ret: T.int32,
    emit: ([unit, a, b], ctx) =>
      `${AGE}('${normUnit(constString(unit) ?? ctx.fail('age: the unit must be a constant string'))}', ${secondsSql(a as EmittedArg)}, ${secondsSql(b as EmittedArg)})`,
  }),
  ...[...UNITS, 'Millisecond', 'Microsecond', 'Nanosecond'].map((u) =>
    scalar({ name: `toInterval${u}`, min: 1, max: 1, ret: { kind: 'interval', unit: u }, emit: ([n]) => (n as EmittedArg).sql }),
  ),
];
