import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isNullable } from '../types/ast.js';
import { type Converter, compileConverter, conversionError, FAIL, jsonTextOf, type StoredValue } from '../types/convert.js';
import { printType } from '../types/print.js';
import { compileDefault, type DefaultFn } from './defaults.js';
import { compileJsonPath, MISSING, type PathGetter } from './jsonpath.js';
import type { EvaluateDefault, IngestColumn, QuarantineRow, StoredRow } from './types.js';

/**
 * Row conversion, compiled once per datasource: a getter, a converter and a default per column.
 *
 * Missing keys and nulls (decided from Tinybird's quarantine guide, where a row lacking a
 * non-Nullable String went to quarantine):
 * - key present with a value → converted, or quarantined when it does not fit the type;
 * - key missing, or null on a non-Nullable column → the DEFAULT when there is one;
 * - otherwise a Nullable column gets NULL, and a non-Nullable one sends the row to quarantine.
 */
export interface RowConverter {
  readonly columns: readonly IngestColumn[];
  /** Converts a parsed NDJSON object; `line` is its text (for `json:$` columns). */
  fromJson(row: Record<string, unknown>, line: string): StoredRow | QuarantineRow;
  /** Converts CSV fields; `positions[i]` is the field index for column i (-1 when absent). */
  fromFields(fields: readonly string[], positions: readonly number[]): StoredRow | QuarantineRow;
  /** Problems found while compiling (unsupported JSONPaths or DEFAULTs), MK5xxx. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface RowConverterOptions {
  readonly evaluateDefault?: EvaluateDefault;
}

interface ColumnPlan {
  readonly column: IngestColumn;
  readonly get: PathGetter;
  /** `json:$` keeps the row's text for String columns. */
  readonly wholeRow: boolean;
  readonly json: Converter;
  readonly text: Converter;
  readonly nullable: boolean;
  readonly defaultFn?: DefaultFn;
}

/** True for a QuarantineRow (a StoredRow is an array). */
export function isQuarantined(r: StoredRow | QuarantineRow): r is QuarantineRow {
  return !Array.isArray(r);
}

/** Compiles the converter for a datasource's columns. */
export function compileRowConverter(columns: readonly IngestColumn[], options: RowConverterOptions = {}): RowConverter {
  const diagnostics: Diagnostic[] = [];
  const plans: ColumnPlan[] = columns.map((column) => {
    const path = column.jsonPath ?? `$.${column.name}`;
    let get = compileJsonPath(path);
    if (!get) {
      diagnostics.push({ code: 'MK5001', severity: 'error', message: `JSONPath '${path}' of column '${column.name}' is not supported` });
      get = () => MISSING;
    }
    let defaultFn: DefaultFn | undefined;
    if (column.defaultExpr !== undefined) {
      const d = compileDefault(column, columns, options.evaluateDefault);
      if (!d.supported)
        diagnostics.push({
          code: 'MK5002',
          severity: 'warning',
          message: `DEFAULT ${column.defaultExpr} of column '${column.name}' cannot be evaluated at ingestion`,
        });
      defaultFn = d.fn;
    }
    return {
      column,
      get,
      wholeRow: path.trim() === '$',
      json: compileConverter(column.type, 'json'),
      text: compileConverter(column.type, 'text'),
      nullable: isNullable(column.type),
      ...(defaultFn ? { defaultFn } : {}),
    };
  });
  const withDefaults = plans.map((p, i) => (p.defaultFn ? i : -1)).filter((i) => i >= 0);

  function finish(values: unknown[], pending: number[], raw: unknown[]): StoredRow | QuarantineRow {
    let errors: string[] | undefined;
    const errorColumns: string[] = [];
    const fail = (i: number, message: string) => {
      if (!errors) errors = [];
      errors.push(message);
      errorColumns.push(plans[i]?.column.name ?? '');
    };
    for (const i of pending) {
      if (values[i] === FAIL) fail(i, conversionError(raw[i], plans[i]!.column.type, plans[i]!.column.name));
    }
    if (!errors && withDefaults.length > 0) {
      let byName: Record<string, StoredValue> | undefined;
      for (const i of withDefaults) {
        if (values[i] !== MISSING) continue;
        // Defaults see the row so far, earlier defaults included (`copy DEFAULT at`).
        byName ??= Object.fromEntries(plans.map((p, j) => [p.column.name, values[j] === MISSING ? null : (values[j] as StoredValue)]));
        const v = plans[i]!.defaultFn!(byName);
        values[i] = v === FAIL ? FAIL_DEFAULT : v;
        if (v !== FAIL) byName[plans[i]!.column.name] = v;
      }
    }
    for (let i = 0; i < plans.length; i++) {
      const v = values[i];
      if (v === MISSING) values[i] = null;
      else if (v === FAIL_DEFAULT)
        fail(
          i,
          `missing value on column '${plans[i]!.column.name}' (${printType(plans[i]!.column.type)} is not Nullable and has no DEFAULT)`,
        );
    }
    if (!errors) return values as StoredRow;
    return { errors, errorColumns, values: raw.map(rawText) };
  }

  return {
    columns,
    diagnostics,
    fromJson(row, line) {
      const values: unknown[] = new Array(plans.length);
      const raw: unknown[] = new Array(plans.length);
      const pending: number[] = [];
      for (let i = 0; i < plans.length; i++) {
        const p = plans[i]!;
        const v = p.wholeRow ? line : p.get(row);
        raw[i] = v;
        values[i] = resolve(p, v === MISSING || (v === null && !p.nullable) ? MISSING : p.json(v));
        if (values[i] === FAIL) pending.push(i);
      }
      return finish(values, pending, raw);
    },
    fromFields(fields, positions) {
      const values: unknown[] = new Array(plans.length);
      const raw: unknown[] = new Array(plans.length);
      const pending: number[] = [];
      for (let i = 0; i < plans.length; i++) {
        const p = plans[i]!;
        const pos = positions[i] ?? -1;
        const v = pos >= 0 && pos < fields.length ? fields[pos] : MISSING;
        raw[i] = v;
        values[i] = resolve(p, v === MISSING ? MISSING : p.text(v));
        if (values[i] === FAIL) pending.push(i);
      }
      return finish(values, pending, raw);
    },
  };
}

const FAIL_DEFAULT: unique symbol = Symbol('no-default');

/** Missing: DEFAULT later, else NULL for Nullable, else quarantine. */
function resolve(p: ColumnPlan, v: unknown): unknown {
  if (v !== MISSING) return v;
  if (p.defaultFn) return MISSING;
  return p.nullable ? null : FAIL_DEFAULT;
}

function rawText(v: unknown): string | null {
  if (v === MISSING || v === undefined || v === null) return null;
  return typeof v === 'string' ? v : jsonTextOf(v);
}
