import { baseType, type ChType, T } from '../../../types/ast.js';
import { constNumber, constString, scalar, sqlLiteral } from '../define.js';
import type { EmitContext, EmittedArg, FunctionDef } from '../types.js';
import { daysFromCivil } from './civil.js';
import { floorDivSql, precisionCode, secondsSql } from './sql.js';
import { dateTimeResult } from './start-of.js';
import { FORMAT, PARSE_BEST_EFFORT, PARSE_STRICT } from './udfs.js';
import { wallDaysSql, wallSecondsSql, wallUnitsSql, zoneOf } from './zone.js';

const isText = (a: EmittedArg) => ['string', 'fixedstring', 'enum'].includes(baseType(a.type).kind);

/** toDate: strings parse (throwing like ClickHouse), numbers below 65536 are days, larger ones timestamps. */
function toDateSql(x: EmittedArg, onError: 0 | 1 | 2, tz?: EmittedArg): string {
  const b = baseType(x.type);
  if (isText(x)) return `${PARSE_STRICT}(${x.sql}, -1, ${onError})`;
  if (b.kind === 'int' || b.kind === 'float' || b.kind === 'decimal') {
    const v = b.kind === 'int' ? x.sql : `CAST(${x.sql} AS INTEGER)`;
    return `CASE WHEN ${v} < 65536 THEN ${v} ELSE ${floorDivSql(v, 86400)} END`;
  }
  // The calendar date in the zone argument or the type's zone.
  return wallDaysSql(x, tz);
}

/** The zone text reads in, as a trailing SQL argument of the parse UDFs ('' for none). */
const zoneSql = (tz: EmittedArg | undefined) => {
  const z = constString(tz);
  return z ? `, ${sqlLiteral(z)}` : '';
};

function toDateTimeSql(x: EmittedArg, onError: 0 | 1 | 2, tz?: EmittedArg): string {
  return isText(x) ? `${PARSE_STRICT}(${x.sql}, 0, ${onError}${zoneSql(tz)})` : secondsSql(x);
}

function toDateTime64Sql(x: EmittedArg, p: number, onError: 0 | 1 | 2, tz?: EmittedArg): string {
  const b = baseType(x.type);
  const scale = 10 ** p;
  if (isText(x)) return `${PARSE_STRICT}(${x.sql}, ${p}, ${onError}${zoneSql(tz)})`;
  if (b.kind === 'datetime64') {
    const d = p - b.precision;
    return d === 0 ? x.sql : d > 0 ? `((${x.sql}) * ${10 ** d})` : floorDivSql(x.sql, 10 ** -d);
  }
  if (b.kind === 'float' || b.kind === 'decimal') return `CAST(round((${x.sql}) * ${scale}) AS INTEGER)`;
  return `((${secondsSql(x)}) * ${scale})`;
}

const ON_ERROR: Record<string, 0 | 1 | 2> = { '': 0, OrNull: 1, OrZero: 2 };

function variants(
  base: string,
  ret: (a: readonly ChType[], args: readonly EmittedArg[]) => ChType,
  emit: (x: EmittedArg, onError: 0 | 1 | 2, args: readonly EmittedArg[], ctx: EmitContext) => string,
  max: number,
  aliases: Record<string, string[]> = {},
): FunctionDef[] {
  return Object.entries(ON_ERROR).map(([suffix, onError]) =>
    scalar({
      name: base + suffix,
      ...(aliases[suffix] ? { aliases: aliases[suffix], caseInsensitive: true } : {}),
      min: 1,
      max,
      nulls: 'custom',
      ret: (a, c) => {
        const t = ret(a, c.args);
        return onError === 1 || a.some((x) => x.kind === 'nullable') ? T.nullable(t) : t;
      },
      emit: (a, ctx) => emit(a[0] as EmittedArg, onError, a, ctx),
    }),
  );
}

const precisionArg = (args: readonly EmittedArg[], i: number) => constNumber(args[i]) ?? 3;
const tzType = (args: readonly EmittedArg[], i: number, input?: ChType) => dateTimeResult(args[i], input);
const dt64Type = (args: readonly EmittedArg[], p: number, i: number): ChType => {
  const tz = constString(args[i]);
  return { kind: 'datetime64', precision: p, ...(tz ? { timezone: tz } : {}) };
};

export const CONVERT: readonly FunctionDef[] = [
  ...variants(
    'toDate',
    () => T.date,
    (x, e, args) => toDateSql(x, e, args[1]),
    2,
    { '': ['DATE'] },
  ),
  ...variants(
    'toDate32',
    () => ({ kind: 'date32' }),
    (x, e) => toDateSql(x, e),
    2,
  ),
  ...variants(
    'toDateTime',
    (a, args) => tzType(args, 1, a[0]),
    (x, e, args) => toDateTimeSql(x, e, args[1]),
    2,
  ),
  ...variants(
    'toDateTime64',
    (_a, args) => dt64Type(args, precisionArg(args, 1), 2),
    (x, e, args) => toDateTime64Sql(x, precisionArg(args, 1), e, args[2]),
    3,
  ),
  ...variants(
    'parseDateTimeBestEffort',
    (_a, args) => tzType(args, 1),
    (x, e, args) => `${PARSE_BEST_EFFORT}(${x.sql}, 0, ${e}${zoneSql(args[1])})`,
    2,
    { '': ['parseDateTime32BestEffort'] },
  ),
  ...variants(
    'parseDateTime64BestEffort',
    (_a, args) => dt64Type(args, precisionArg(args, 1), 2),
    (x, e, args) => `${PARSE_BEST_EFFORT}(${x.sql}, ${precisionArg(args, 1)}, ${e}${zoneSql(args[2])})`,
    3,
  ),
  ...variants(
    'parseDateTimeBestEffortUS',
    (_a, args) => tzType(args, 1),
    (x, e, args) => `${PARSE_BEST_EFFORT}(${x.sql}, 0, ${e}${zoneSql(args[1])})`,
    2,
  ),
  scalar({
    name: 'formatDateTime',
    aliases: ['DATE_FORMAT'],
    caseInsensitive: true,
    min: 2,
    max: 3,
    ret: T.string,
    emit: ([x, fmt, tz]) => {
      const a = x as EmittedArg;
      const p = precisionCode(a);
      const zone = zoneOf(a, tz);
      const wall = p < 0 ? a.sql : p === 0 ? wallSecondsSql(a, tz) : wallUnitsSql(a.sql, p, zone);
      return `${FORMAT}(${wall}, ${p}, ${(fmt as EmittedArg).sql})`;
    },
  }),
  // toTimeZone keeps the instant and records the zone in the type; parts and formatting then read it.
  scalar({
    name: 'toTimeZone',
    aliases: ['toTimezone'],
    min: 2,
    max: 2,
    ret: (a, c) => {
      const b = baseType(a[0] ?? T.datetime);
      const tz = constString(c.args[1]);
      return b.kind === 'datetime64'
        ? { kind: 'datetime64', precision: b.precision, ...(tz ? { timezone: tz } : {}) }
        : tz
          ? { kind: 'datetime', timezone: tz }
          : T.datetime;
    },
    emit: ([x]) => (baseType((x as EmittedArg).type).kind === 'datetime64' ? (x as EmittedArg).sql : secondsSql(x as EmittedArg)),
  }),
  scalar({
    name: 'makeDate',
    min: 2,
    max: 3,
    ret: T.date,
    emit: ([y, m, d], ctx) => {
      const [yy, mm, dd] = [constNumber(y), constNumber(m), constNumber(d)];
      if (yy !== undefined && mm !== undefined && dd !== undefined) return String(daysFromCivil(yy, mm, dd));
      if (!y || !m) return ctx.fail('makeDate needs year and month/day');
      return d
        ? `(unixepoch(printf('%04d-%02d-%02d', ${y.sql}, ${m.sql}, ${d.sql})) / 86400)`
        : `(unixepoch(printf('%04d-01-01', ${y.sql}), '+' || ((${m.sql}) - 1) || ' days') / 86400)`;
    },
  }),
];
