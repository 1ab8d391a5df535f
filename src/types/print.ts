import type { ChType } from './ast.js';

const PRINTERS: { [K in ChType['kind']]: (t: Extract<ChType, { kind: K }>) => string } = {
  int: (t) => `${t.signed ? '' : 'U'}Int${t.bits}`,
  float: (t) => `Float${t.bits}`,
  decimal: (t) => `Decimal(${t.precision}, ${t.scale})`,
  bool: () => 'Bool',
  string: () => 'String',
  fixedstring: (t) => `FixedString(${t.length})`,
  uuid: () => 'UUID',
  ipv4: () => 'IPv4',
  ipv6: () => 'IPv6',
  date: () => 'Date',
  date32: () => 'Date32',
  datetime: (t) => (t.timezone ? `DateTime('${t.timezone}')` : 'DateTime'),
  datetime64: (t) => (t.timezone ? `DateTime64(${t.precision}, '${t.timezone}')` : `DateTime64(${t.precision})`),
  enum: (t) => `Enum${t.bits}(${t.values.map((v) => `'${v.name.replace(/'/g, "\\'")}' = ${v.value}`).join(', ')})`,
  nullable: (t) => `Nullable(${printType(t.inner)})`,
  lowcardinality: (t) => `LowCardinality(${printType(t.inner)})`,
  array: (t) => `Array(${printType(t.element)})`,
  map: (t) => `Map(${printType(t.key)}, ${printType(t.value)})`,
  tuple: (t) => `Tuple(${t.elements.map((e) => (e.name ? `${e.name} ${printType(e.type)}` : printType(e.type))).join(', ')})`,
  json: () => 'JSON',
  nothing: () => 'Nothing',
  interval: (t) => `Interval${t.unit}`,
  aggregate: (t) => `${t.simple ? 'SimpleAggregateFunction' : 'AggregateFunction'}(${[t.fn, ...t.args.map(printType)].join(', ')})`,
};

/** Prints a type the way ClickHouse names it in `meta` (e.g. `Nullable(DateTime64(3))`). */
export function printType(t: ChType): string {
  return (PRINTERS[t.kind] as (t: ChType) => string)(t);
}
