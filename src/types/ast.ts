/**
 * ClickHouse data types as data. Parsed from type text (`Nullable(DateTime64(3, 'UTC'))`) by
 * `parse.ts`, printed back by `print.ts`; the storage encoding and value conversions key off `kind`.
 */
export type ChType =
  | { readonly kind: 'int'; readonly bits: 8 | 16 | 32 | 64 | 128 | 256; readonly signed: boolean }
  | { readonly kind: 'float'; readonly bits: 32 | 64 }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'bool' }
  | { readonly kind: 'string' }
  | { readonly kind: 'fixedstring'; readonly length: number }
  | { readonly kind: 'uuid' }
  | { readonly kind: 'ipv4' }
  | { readonly kind: 'ipv6' }
  | { readonly kind: 'date' }
  | { readonly kind: 'date32' }
  | { readonly kind: 'datetime'; readonly timezone?: string }
  | { readonly kind: 'datetime64'; readonly precision: number; readonly timezone?: string }
  | { readonly kind: 'enum'; readonly bits: 8 | 16; readonly values: readonly EnumValue[] }
  | { readonly kind: 'nullable'; readonly inner: ChType }
  | { readonly kind: 'lowcardinality'; readonly inner: ChType }
  | { readonly kind: 'array'; readonly element: ChType }
  | { readonly kind: 'map'; readonly key: ChType; readonly value: ChType }
  | { readonly kind: 'tuple'; readonly elements: readonly TupleElement[] }
  | { readonly kind: 'json' }
  | { readonly kind: 'nothing' }
  | { readonly kind: 'interval'; readonly unit: string }
  | {
      readonly kind: 'aggregate';
      /** AggregateFunction holds a state; SimpleAggregateFunction holds the plain value. */
      readonly simple: boolean;
      /** Function name with parameters as written, e.g. `quantiles(0.5, 0.9)`, `uniq`. */
      readonly fn: string;
      readonly args: readonly ChType[];
    };

export interface EnumValue {
  readonly name: string;
  readonly value: number;
}

export interface TupleElement {
  readonly name?: string;
  readonly type: ChType;
}

export type ChTypeKind = ChType['kind'];

export const T = {
  string: { kind: 'string' } as ChType,
  bool: { kind: 'bool' } as ChType,
  uint8: { kind: 'int', bits: 8, signed: false } as ChType,
  uint16: { kind: 'int', bits: 16, signed: false } as ChType,
  uint32: { kind: 'int', bits: 32, signed: false } as ChType,
  uint64: { kind: 'int', bits: 64, signed: false } as ChType,
  int8: { kind: 'int', bits: 8, signed: true } as ChType,
  int16: { kind: 'int', bits: 16, signed: true } as ChType,
  int32: { kind: 'int', bits: 32, signed: true } as ChType,
  int64: { kind: 'int', bits: 64, signed: true } as ChType,
  float32: { kind: 'float', bits: 32 } as ChType,
  float64: { kind: 'float', bits: 64 } as ChType,
  date: { kind: 'date' } as ChType,
  datetime: { kind: 'datetime' } as ChType,
  nothing: { kind: 'nothing' } as ChType,
  uuid: { kind: 'uuid' } as ChType,
  datetime64: (precision = 3): ChType => ({ kind: 'datetime64', precision }),
  nullable: (inner: ChType): ChType => (inner.kind === 'nullable' ? inner : { kind: 'nullable', inner }),
  array: (element: ChType): ChType => ({ kind: 'array', element }),
} as const;

/** Strips Nullable and LowCardinality wrappers: the type values actually have. */
export function baseType(t: ChType): ChType {
  if (t.kind === 'nullable' || t.kind === 'lowcardinality') return baseType(t.inner);
  return t;
}

export function isNullable(t: ChType): boolean {
  if (t.kind === 'nullable') return true;
  if (t.kind === 'lowcardinality') return isNullable(t.inner);
  return false;
}
