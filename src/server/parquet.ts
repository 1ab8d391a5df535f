import { type ColumnSource, parquetWriteBuffer, type SchemaElement } from 'hyparquet-writer';
import { compileConverter, FAIL } from '../types/convert.js';
import { baseType, type ChType, isNullable, parseType } from '../types/index.js';
import type { QueryResult } from '../workspace/types.js';

/**
 * A query result as a Parquet file (`/v0/pipes/<name>.parquet`, `FORMAT Parquet`). Column types come
 * from the result's ClickHouse types (docs/api.md has the table):
 * Int8/16/32 and UInt8/16 → INT32 (INT_8… / UINT_8… annotations), UInt32 and Int64 → INT64,
 * UInt64 → INT64 UINT_64, Float32 → FLOAT, Float64 and Decimal → DOUBLE, Bool → BOOLEAN,
 * Date/Date32 → INT32 DATE, DateTime and DateTime64(≤3) → INT64 TIMESTAMP_MILLIS, DateTime64(>3)
 * → TIMESTAMP_MICROS, Array of a scalar → LIST, other composites (Map, Tuple, JSON, nested arrays)
 * → JSON text; everything else (String, LowCardinality, FixedString, UUID, Enum, IPs, 128/256-bit
 * integers) → UTF8. Nullable columns (and array elements) are OPTIONAL, the rest REQUIRED.
 */
export function parquetOfResult(result: QueryResult): Uint8Array {
  const schema: SchemaElement[] = [{ name: 'root', num_children: result.meta.length }];
  const columnData: ColumnSource[] = result.meta.map((m) => {
    const parsed = parseType(m.type);
    const type: ChType = parsed.ok ? parsed.type : { kind: 'string' };
    const plan = columnPlan(type);
    const nullable = isNullable(type);
    const values = result.data.map((r) => {
      const v = r[m.name];
      return v === null || v === undefined ? null : plan.value(v);
    });
    if (plan.list) {
      schema.push(
        { name: m.name, repetition_type: nullable ? 'OPTIONAL' : 'REQUIRED', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', repetition_type: plan.list.nullable ? 'OPTIONAL' : 'REQUIRED', ...plan.list.element },
      );
    } else {
      schema.push({ name: m.name, repetition_type: nullable ? 'OPTIONAL' : 'REQUIRED', ...plan.element });
    }
    return { name: m.name, data: values };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, schema, createdBy: 'mk' }));
}

type Leaf = Omit<SchemaElement, 'name' | 'repetition_type'>;

interface ColumnPlan {
  readonly element: Leaf;
  /** An Array column written as a Parquet LIST of `element`. */
  readonly list?: { readonly element: Leaf; readonly nullable: boolean };
  /** Output value (JSON shape, as the JSON format writes it) → the value the writer takes. */
  readonly value: (v: unknown) => unknown;
}

const UTF8: ColumnPlan = { element: { type: 'BYTE_ARRAY', converted_type: 'UTF8' }, value: (v) => String(v) };
const JSON_TEXT: ColumnPlan = { element: { type: 'BYTE_ARRAY', converted_type: 'JSON' }, value: (v) => v };

const INT32_ANNOTATION = { '8s': 'INT_8', '16s': 'INT_16', '32s': 'INT_32', '8u': 'UINT_8', '16u': 'UINT_16' } as const;

function columnPlan(type: ChType): ColumnPlan {
  const t = baseType(type);
  switch (t.kind) {
    case 'int': {
      const key = `${t.bits}${t.signed ? 's' : 'u'}` as keyof typeof INT32_ANNOTATION;
      if (key in INT32_ANNOTATION) return { element: { type: 'INT32', converted_type: INT32_ANNOTATION[key] }, value: Number };
      if (t.bits === 32 || (t.bits === 64 && t.signed)) return { element: { type: 'INT64' }, value: (v) => BigInt(v as number) };
      // UInt64 beyond 2^63 is written as its two's-complement bit pattern, which UINT_64 readers undo.
      if (t.bits === 64)
        return { element: { type: 'INT64', converted_type: 'UINT_64' }, value: (v) => BigInt.asIntN(64, BigInt(v as number)) };
      return UTF8;
    }
    case 'float':
      return { element: { type: t.bits === 32 ? 'FLOAT' : 'DOUBLE' }, value: Number };
    case 'decimal':
      return { element: { type: 'DOUBLE' }, value: Number };
    case 'bool':
      return { element: { type: 'BOOLEAN' }, value: Boolean };
    case 'date':
    case 'date32':
      return { element: { type: 'INT32', converted_type: 'DATE' }, value: stored(t) };
    case 'datetime': {
      const seconds = stored(t);
      return { element: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' }, value: (v) => BigInt(seconds(v) as number) * 1000n };
    }
    case 'datetime64': {
      const units = stored(t);
      const micros = t.precision > 3;
      const target = micros ? 6 : 3;
      const scale = (u: bigint) =>
        t.precision <= target ? u * 10n ** BigInt(target - t.precision) : u / 10n ** BigInt(t.precision - target);
      return {
        element: { type: 'INT64', converted_type: micros ? 'TIMESTAMP_MICROS' : 'TIMESTAMP_MILLIS' },
        value: (v) => scale(BigInt(units(v) as number)),
      };
    }
    case 'array': {
      const el = columnPlan(t.element);
      if (el.list || el === JSON_TEXT) return JSON_TEXT;
      return {
        element: {},
        list: { element: el.element, nullable: isNullable(t.element) },
        value: (v) => (v as unknown[]).map((x) => (x === null ? null : el.value(x))),
      };
    }
    case 'map':
    case 'tuple':
    case 'json':
    case 'aggregate':
      return JSON_TEXT;
    default:
      return UTF8;
  }
}

/** The storage encoding of an output value (days, epoch seconds, DateTime64 units), time zones applied. */
function stored(t: ChType): (v: unknown) => unknown {
  const convert = compileConverter(t, 'json');
  return (v) => {
    const s = convert(v);
    if (s === FAIL || s === null) throw new Error(`Cannot write ${String(v)} as Parquet`);
    return s;
  };
}
