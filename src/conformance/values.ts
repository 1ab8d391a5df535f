import type { ChType } from '../types/ast.js';
import type { SqlHints } from './hints.js';
import { jsonObject, stringFor } from './strings.js';

/** A seeded random source, so every run generates the same rows (mulberry32). */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seededRng(seed: string): Rng {
  let a = 0x9e3779b9;
  for (let i = 0; i < seed.length; i++) a = Math.imul(a ^ seed.charCodeAt(i), 0x85ebca6b) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** What a value is generated for: its column (the name steers plausible strings) and the clock. */
export interface ValueContext {
  readonly column: string;
  readonly rng: Rng;
  /** Epoch milliseconds that "now" means; dates fall in the 30 days before it, half in the last day. */
  readonly now: number;
  /** What the project's SQL expects of its data: compared literals, casts, JSON keys (see hints.ts). */
  readonly hints?: SqlHints;
  /** How many distinct values id-like columns take (10 by default: joins and GROUP BY find matches). */
  readonly distinct?: number;
}

/** The number of distinct ids in `rows` generated rows: few enough to match, enough to spread over hash buckets. */
export function distinctIds(rows: number): number {
  return Math.max(10, Math.round(rows / 5));
}

/** Not generated: AggregateFunction states only come from materialized views. */
export const NO_VALUE: unique symbol = Symbol('no value');

/** A plausible JSON value of type `t` for NDJSON ingestion (dates as ClickHouse text). */
export function valueFor(t: ChType, ctx: ValueContext): unknown {
  const { rng } = ctx;
  switch (t.kind) {
    case 'nullable':
      return rng.next() < 0.2 ? null : valueFor(t.inner, ctx);
    case 'lowcardinality':
      return valueFor(t.inner, ctx);
    case 'int':
      return intFor(t.bits, t.signed, ctx);
    case 'float':
    case 'decimal':
      return Math.round(rng.next() * 100_000) / 100;
    case 'bool':
      return rng.next() < 0.5;
    case 'string':
      return stringFor(ctx);
    case 'fixedstring':
      return rng.pick(['US', 'ES', 'DE', 'FR', 'GB', 'IN']).padEnd(t.length, 'X').slice(0, t.length);
    case 'uuid':
      return uuid(rng.int(1, ctx.distinct ?? 10));
    case 'ipv4':
      return `192.168.${rng.int(0, 3)}.${rng.int(1, 254)}`;
    case 'ipv6':
      return `2001:db8::${rng.int(1, 999)}`;
    case 'date':
    case 'date32':
      return isoDate(recent(ctx)).slice(0, 10);
    case 'datetime':
      return isoDate(recent(ctx)).slice(0, 19);
    case 'datetime64':
      return t.precision > 0 ? isoDate(recent(ctx)).slice(0, 20 + Math.min(t.precision, 3)) : isoDate(recent(ctx)).slice(0, 19);
    case 'enum':
      return rng.pick(t.values).name;
    case 'array':
      return Array.from({ length: rng.int(0, 3) }, () => valueFor(t.element, ctx));
    case 'map':
      return Object.fromEntries(Array.from({ length: rng.int(1, 3) }, (_, i) => [mapKey(t.key, i, ctx), valueFor(t.value, ctx)]));
    case 'tuple':
      return t.elements.map((e) => valueFor(e.type, { ...ctx, column: e.name ?? ctx.column }));
    case 'json':
      return jsonObject(ctx);
    case 'interval':
      return rng.int(1, 1000);
    case 'nothing':
      return null;
    case 'aggregate':
      return t.simple && t.args[0] ? valueFor(t.args[0], ctx) : NO_VALUE;
  }
}

function intFor(bits: number, signed: boolean, ctx: ValueContext): number | string {
  const name = ctx.column.toLowerCase();
  const known = ctx.hints?.numbers.get(ctx.column);
  if (known && known.length > 0 && ctx.rng.next() < 0.4) return ctx.rng.pick(known);
  if (bits === 8 && !signed && /^(is|has|was|can)_|flag|bool|enabled|active|deleted/.test(name)) return ctx.rng.int(0, 1);
  if (/(^|_)id$|Id$/.test(ctx.column)) return ctx.rng.int(1, ctx.distinct ?? 10);
  const max = bits === 8 ? (signed ? 127 : 255) : 1000;
  const value = ctx.rng.int(signed ? -Math.min(max, 20) : 0, max);
  return bits > 64 ? String(value) : value;
}

function mapKey(t: ChType, i: number, ctx: ValueContext): string {
  const base = t.kind === 'lowcardinality' ? t.inner : t;
  return base.kind === 'string' ? (['source', 'plan', 'channel'][i] ?? `key${i}`) : String(valueFor(base, ctx));
}

/** Epoch ms in the 30 days before `now`, half of them in the last 24 hours. */
function recent(ctx: ValueContext): number {
  const day = 86_400_000;
  return ctx.now - Math.floor(ctx.rng.next() * (ctx.rng.next() < 0.5 ? day : 30 * day));
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}
