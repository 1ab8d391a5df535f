import { baseType, type ChType, T } from '../../../types/ast.js';
import { mustParseType } from '../../../types/parse.js';
import { constString, counting, scalar } from '../define.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { udf } from '../udf/registry.js';

const MISSING = Symbol('missing');
let lastText: string | undefined;
let lastValue: unknown = MISSING;

/** Parses with a one-entry cache: a row calling JSONExtract* five times on one column parses it once. */
function parse(text: string): unknown {
  if (text === lastText) return lastValue;
  lastText = text;
  try {
    lastValue = JSON.parse(text);
  } catch {
    lastValue = MISSING;
  }
  return lastValue;
}

/** Follows ClickHouse JSON path arguments: strings are keys, integers 1-based indexes (negative from the end). */
function walk(text: unknown, path: readonly unknown[]): unknown {
  let v = parse(String(text));
  for (const key of path) {
    if (v === MISSING || v === null || typeof v !== 'object') return MISSING;
    if (typeof key === 'number' || typeof key === 'bigint') {
      const entries = Array.isArray(v) ? v : Object.values(v as object);
      const i = Number(key);
      const at = i > 0 ? i - 1 : entries.length + i;
      v = i === 0 || at < 0 || at >= entries.length ? MISSING : entries[at];
    } else {
      if (Array.isArray(v) || !Object.hasOwn(v as object, String(key))) return MISSING;
      v = (v as Record<string, unknown>)[String(key)];
    }
  }
  return v;
}

const raw = (v: unknown) => (v === MISSING ? '' : JSON.stringify(v));

/** JSON value → number for typed extraction (JSONExtract(j, 'k', 'Int64')): true is 1, negatives to unsigned are 0. */
function toNumber(v: unknown, int: boolean, unsigned = false): number {
  let n = 0;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'boolean') n = v ? 1 : 0;
  else if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) n = Number(v);
  if (unsigned && n < 0) return 0;
  return int ? Math.trunc(n) : n;
}

/** JSONExtractInt/UInt/Float read numbers (and numeric strings) only: a boolean gives 0 (ClickHouse 26). */
const numberOnly = (v: unknown, int: boolean, unsigned = false) => (typeof v === 'boolean' ? 0 : toNumber(v, int, unsigned));

const typeCache = new Map<string, ChType>();

/** A JS JSON value → mk's storage encoding of `t` (JSONExtract(json, …, 'Type')). */
export function jsonToStorage(v: unknown, t: ChType, top = true): unknown {
  if (t.kind === 'nullable') return v === MISSING || v === null || v === undefined ? null : jsonToStorage(v, t.inner, top);
  const b = baseType(t);
  const present = v !== MISSING && v !== undefined && v !== null;
  switch (b.kind) {
    case 'string':
    case 'fixedstring':
      return typeof v === 'string' ? v : present && typeof v === 'object' ? JSON.stringify(v) : present ? String(v) : '';
    case 'int':
      return toNumber(v, true, !b.signed);
    case 'float':
    case 'decimal':
      return toNumber(v, false);
    case 'bool':
      return v === true || (typeof v === 'number' && v !== 0) ? 1 : 0;
    case 'array': {
      const arr = Array.isArray(v) ? v.map((e) => jsonToStorage(e, b.element, false)) : [];
      return top ? JSON.stringify(arr) : arr;
    }
    case 'map': {
      const obj: Record<string, unknown> = {};
      if (present && typeof v === 'object' && !Array.isArray(v))
        for (const [k, e] of Object.entries(v as object)) obj[k] = jsonToStorage(e, b.value, false);
      return top ? JSON.stringify(obj) : obj;
    }
    case 'tuple': {
      const src = Array.isArray(v)
        ? v
        : present && typeof v === 'object'
          ? b.elements.map((e, i) => (e.name ? (v as Record<string, unknown>)[e.name] : Object.values(v as object)[i]))
          : [];
      const out = b.elements.map((e, i) => jsonToStorage(src[i] ?? MISSING, e.type, false));
      return top ? JSON.stringify(out) : out;
    }
    default:
      return present ? (typeof v === 'object' ? JSON.stringify(v) : v) : null;
  }
}

const EXTRACT = udf(
  'ch_json_extract',
  (kind: string, json: unknown, ...path: unknown[]) => {
    if (json === null) return null;
    switch (kind) {
      case 'String': {
        // Non-strings come back as their compact JSON text (1.50 → '1.5', [1, 2] → '[1,2]'); null and misses ''.
        const v = walk(json, path);
        return typeof v === 'string' ? v : v === MISSING || v === null ? '' : JSON.stringify(v);
      }
      case 'Int':
        return numberOnly(walk(json, path), true);
      case 'UInt':
        return numberOnly(walk(json, path), true, true);
      case 'Float':
        return numberOnly(walk(json, path), false);
      case 'Bool': {
        const v = walk(json, path);
        return v === true || (typeof v === 'number' && v !== 0) ? 1 : 0;
      }
      case 'Raw':
        return raw(walk(json, path));
      case 'ArrayRaw': {
        const v = walk(json, path);
        return JSON.stringify(Array.isArray(v) ? v.map((e) => JSON.stringify(e)) : []);
      }
      case 'Keys': {
        const v = walk(json, path);
        return JSON.stringify(v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);
      }
      case 'Has':
        return walk(json, path) === MISSING ? 0 : 1;
      case 'Length': {
        const v = walk(json, path);
        return Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0;
      }
      case 'Valid':
        return parse(String(json)) === MISSING ? 0 : 1;
      default: {
        // Typed: the last path element is the type name.
        const type = String(path[path.length - 1]);
        let t = typeCache.get(type);
        if (!t) {
          t = mustParseType(type);
          typeCache.set(type, t);
        }
        return jsonToStorage(walk(json, path.slice(0, -1)), t);
      }
    }
  },
  { nullPropagating: false },
);

/** JSON_VALUE(json, '$.a.b[0]'): the scalar at a JSONPath as text, '' for objects, arrays and misses. */
const JSON_VALUE = udf('ch_json_value', (json: string, path: string) => {
  const keys: (string | number)[] = [];
  for (const m of String(path).matchAll(/\.([A-Za-z0-9_$]+)|\["([^"]*)"\]|\[(\d+)\]/g))
    keys.push(m[3] !== undefined ? Number(m[3]) + 1 : (m[1] ?? m[2] ?? ''));
  const v = walk(json, keys);
  return v === MISSING || v === null || typeof v === 'object' ? '' : String(v);
});

/** simpleJSON*: the first `"name":` anywhere in the document (ClickHouse scans text; mk searches depth-first). */
function findField(v: unknown, name: string): unknown {
  if (v === null || typeof v !== 'object') return MISSING;
  if (!Array.isArray(v) && Object.hasOwn(v as object, name)) return (v as Record<string, unknown>)[name];
  for (const child of Object.values(v as object)) {
    const r = findField(child, name);
    if (r !== MISSING) return r;
  }
  return MISSING;
}
const SIMPLE = udf('ch_simple_json', (kind: string, json: string, name: string) => {
  const v = findField(parse(String(json)), String(name));
  switch (kind) {
    case 'String':
      return typeof v === 'string' ? v : '';
    case 'Int':
    case 'UInt':
      return toNumber(v, true);
    case 'Float':
      return toNumber(v, false);
    case 'Bool':
      return v === true ? 1 : 0;
    case 'Has':
      return v === MISSING ? 0 : 1;
    default:
      return raw(v);
  }
});

const sqls = (a: readonly EmittedArg[]) => a.map((x) => x.sql).join(', ');

function extractFn(name: string, kind: string, ret: ChType): FunctionDef {
  return scalar({ name, min: 1, max: Infinity, ret, emit: (a) => `${EXTRACT}('${kind}', ${sqls(a)})` });
}

export const JSON_FUNCTIONS: readonly FunctionDef[] = [
  extractFn('JSONExtractString', 'String', T.string),
  extractFn('JSONExtractInt', 'Int', T.int64),
  extractFn('JSONExtractUInt', 'UInt', T.uint64),
  extractFn('JSONExtractFloat', 'Float', T.float64),
  extractFn('JSONExtractBool', 'Bool', T.uint8),
  extractFn('JSONExtractRaw', 'Raw', T.string),
  extractFn('JSONExtractArrayRaw', 'ArrayRaw', T.array(T.string)),
  extractFn('JSONExtractKeys', 'Keys', T.array(T.string)),
  extractFn('JSONHas', 'Has', T.uint8),
  counting(extractFn('JSONLength', 'Length', T.uint64)),
  extractFn('isValidJSON', 'Valid', T.uint8),
  scalar({
    name: 'JSONExtract',
    min: 2,
    max: Infinity,
    nulls: 'custom',
    ret: (_a, c) => {
      const t = constString(c.args[c.args.length - 1]);
      return t ? mustParseType(t) : T.string;
    },
    emit: (a) => `${EXTRACT}('Typed', ${sqls(a)})`,
  }),
  scalar({
    name: 'JSON_VALUE',
    min: 2,
    max: 2,
    ret: T.string,
    emit: ([j, p]) => `${JSON_VALUE}(${(j as EmittedArg).sql}, ${(p as EmittedArg).sql})`,
  }),
  ...(
    [
      ['String', T.string],
      ['Int', T.int64],
      ['UInt', T.uint64],
      ['Float', T.float64],
      ['Bool', T.uint8],
      ['Raw', T.string],
      ['Has', T.uint8],
    ] as const
  ).map(([kind, ret]) =>
    scalar({
      name: `simpleJSONExtract${kind === 'Has' ? '' : kind}`.replace(/^simpleJSONExtract$/, 'simpleJSONHas'),
      aliases: [`visitParam${kind === 'Has' ? 'Has' : `Extract${kind}`}`],
      min: 2,
      max: 2,
      ret,
      emit: ([j, n]) => `${SIMPLE}('${kind}', ${(j as EmittedArg).sql}, ${(n as EmittedArg).sql})`,
    }),
  ),
];
