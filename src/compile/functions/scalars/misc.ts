import { baseType, type ChType, isNullable, T } from '../../../types/ast.js';
import { defaultSql } from '../aggregates/native.js';
import { counting, jsonValueSql, scalar } from '../define.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { udf } from '../udf/registry.js';

const s = (a: EmittedArg | undefined) => (a as EmittedArg).sql;

/**
 * 64-bit FNV-1a over the UTF-8 bytes (of the concatenated text of all arguments), kept to 63 bits so it
 * fits SQLite's signed INTEGER. Deterministic and well spread, but NOT ClickHouse's CityHash/SipHash
 * values: only use it for bucketing/sampling, never compare with hashes computed by ClickHouse.
 */
export function fnv63(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return BigInt.asUintN(63, h);
}

const IP_TO_STRING = udf('ch_ipv4_num_to_string', (n: number) => {
  const v = Number(n) >>> 0;
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
});
const IP_TO_NUM = udf('ch_ipv4_string_to_num', (text: string) => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(String(text));
  if (!m) return 0;
  return m.slice(1).reduce((acc, p) => acc * 256 + Number(p), 0);
});
udf(
  'ch_distance',
  (kind: string, a: string, b: string) => {
    const x = JSON.parse(a) as number[];
    const y = JSON.parse(b) as number[];
    if (kind === 'L2') return Math.sqrt(x.reduce((acc, v, i) => acc + (v - (y[i] ?? 0)) ** 2, 0));
    const dot = x.reduce((acc, v, i) => acc + v * (y[i] ?? 0), 0);
    const norm = (v: number[]) => Math.sqrt(v.reduce((acc, e) => acc + e * e, 0));
    return 1 - dot / (norm(x) * norm(y));
  },
  { real: true },
);
const GREAT_CIRCLE = udf(
  'ch_great_circle',
  (lon1: number, lat1: number, lon2: number, lat2: number) => {
    const r = Math.PI / 180;
    const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
    return 2 * 6372797.560856 * Math.asin(Math.sqrt(h));
  },
  { real: true },
);

function window(
  name: string,
  sqlName: string,
  ret: (a: readonly ChType[]) => ChType,
  min: number,
  max: number,
  aliases?: string[],
): FunctionDef {
  return scalar({
    name,
    ...(aliases ? { aliases } : {}),
    caseInsensitive: true,
    kind: 'window',
    min,
    max,
    nulls: 'custom',
    ret,
    emit: (a, ctx, call) => {
      if (!call.over) return ctx.fail(`${name} needs an OVER clause`);
      return `${sqlName}(${a.map((x) => x.sql).join(', ')}) OVER ${call.over}`;
    },
  });
}

const first = (a: readonly ChType[]) => a[0] ?? T.nothing;

/**
 * lag/lead with ClickHouse's default for a missing row: the type's default (0, ''), not NULL. SQLite's
 * three-argument form gives the default only outside the partition, so NULL values inside stay NULL.
 */
function offsetWindow(name: string, sqlName: string, aliases: string[]): FunctionDef {
  return scalar({
    name,
    aliases,
    caseInsensitive: true,
    kind: 'window',
    min: 1,
    max: 3,
    nulls: 'custom',
    ret: first,
    emit: ([x, n, dflt], ctx, call) => {
      if (!call.over) return ctx.fail(`${name} needs an OVER clause`);
      const a = x as EmittedArg;
      const fallback = dflt ? dflt.sql : isNullable(a.type) ? 'NULL' : defaultSql(a.type);
      return `${sqlName}(${a.sql}, ${n ? n.sql : '1'}, ${fallback}) OVER ${call.over}`;
    },
  });
}

export const MISC: readonly FunctionDef[] = [
  scalar({ name: 'IPv4NumToString', min: 1, max: 1, ret: T.string, emit: ([x]) => `${IP_TO_STRING}(${s(x)})` }),
  scalar({ name: 'IPv4StringToNum', min: 1, max: 1, ret: T.uint32, emit: ([x]) => `${IP_TO_NUM}(${s(x)})` }),
  scalar({ name: 'toIPv4', min: 1, max: 1, ret: { kind: 'ipv4' }, emit: ([x]) => s(x) }),
  scalar({ name: 'L2Distance', min: 2, max: 2, ret: T.float64, emit: ([a, b]) => `ch_distance('L2', ${s(a)}, ${s(b)})` }),
  scalar({ name: 'cosineDistance', min: 2, max: 2, ret: T.float64, emit: ([a, b]) => `ch_distance('cosine', ${s(a)}, ${s(b)})` }),
  scalar({
    name: 'greatCircleDistance',
    aliases: ['geoDistance'],
    min: 4,
    max: 4,
    ret: T.float64,
    emit: (a) => `${GREAT_CIRCLE}(${a.map((x) => x.sql).join(', ')})`,
  }),
  scalar({
    name: 'map',
    min: 0,
    max: Infinity,
    ret: (a) => ({ kind: 'map', key: baseType(a[0] ?? T.string), value: baseType(a[1] ?? T.string) }),
    emit: (a) => `json_object(${a.map((x, i) => (i % 2 === 0 ? `CAST(${x.sql} AS TEXT)` : jsonValueSql(x))).join(', ')})`,
  }),
  scalar({
    name: 'mapKeys',
    min: 1,
    max: 1,
    ret: (a) => T.array(mapPart(a[0], 'key')),
    emit: ([m]) => `(SELECT json_group_array(key) FROM json_each(${s(m)}))`,
  }),
  scalar({
    name: 'mapValues',
    min: 1,
    max: 1,
    ret: (a) => T.array(mapPart(a[0], 'value')),
    emit: ([m]) => `(SELECT json_group_array(value) FROM json_each(${s(m)}))`,
  }),
  scalar({
    name: 'mapContains',
    min: 2,
    max: 2,
    ret: T.uint8,
    emit: ([m, k]) => `EXISTS(SELECT 1 FROM json_each(${s(m)}) WHERE key = CAST(${s(k)} AS TEXT))`,
  }),
  counting(window('row_number', 'row_number', () => T.uint64, 0, 0)),
  counting(window('rank', 'rank', () => T.uint64, 0, 0)),
  counting(window('dense_rank', 'dense_rank', () => T.uint64, 0, 0, ['denseRank'])),
  window('percent_rank', 'percent_rank', () => T.float64, 0, 0),
  window('cume_dist', 'cume_dist', () => T.float64, 0, 0),
  counting(window('ntile', 'ntile', () => T.uint64, 1, 1)),
  // lagInFrame/leadInFrame respect the frame; SQLite's lag/lead ignore it. They agree with an
  // unbounded frame (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), the common use.
  offsetWindow('lagInFrame', 'lag', ['lag']),
  offsetWindow('leadInFrame', 'lead', ['lead']),
  window('first_value', 'first_value', first, 1, 1, ['any_value_window']),
  window('last_value', 'last_value', first, 1, 1),
  window('nth_value', 'nth_value', first, 2, 2),
  counting(scalar({ name: 'rowNumberInAllBlocks', min: 0, max: 0, ret: T.uint64, emit: () => '(row_number() OVER () - 1)' })),
  counting(scalar({ name: 'rowNumberInBlock', min: 0, max: 0, ret: T.uint64, emit: () => '(row_number() OVER () - 1)' })),
];

function mapPart(t: ChType | undefined, part: 'key' | 'value'): ChType {
  const b = t ? baseType(t) : T.nothing;
  return b.kind === 'map' ? b[part] : T.string;
}
