import type { Project } from '../project/project.js';
import { literalVocabulary, numberVocabulary } from './vocabulary.js';

/** How a key read from JSON text is used, so the generated value survives the SQL around it. */
export type JsonKeyHint = 'datetime' | 'int' | 'float' | 'bool' | 'array' | 'string';

/** A key path the project's SQL reads out of JSON text (`JSONExtractString(data, 'a', 'b')` → a.b). */
export interface JsonKey {
  readonly path: readonly string[];
  readonly hint: JsonKeyHint;
}

/** What the project's SQL expects of the data, so generated rows pass its casts, parses and filters. */
export interface SqlHints {
  /** String literals columns are compared with (`level = 'ERROR'`), by column name. */
  readonly literals: ReadonlyMap<string, readonly string[]>;
  /** Numeric literals columns are compared with (`bot = 0`, `status IN (200, 404)`), by column name. */
  readonly numbers: ReadonlyMap<string, readonly number[]>;
  /** Columns the SQL casts to a number (`toInt8(col)`, `CAST(col AS UInt32)`, `col::Int`). */
  readonly numericColumns: ReadonlySet<string>;
  /** Columns read with JSON functions: String columns among them hold JSON text. */
  readonly jsonColumns: ReadonlySet<string>;
  /** Columns passed to base64Decode: they hold base64 of JSON text. */
  readonly base64Columns: ReadonlySet<string>;
  /** Keys read out of JSON text anywhere in the project (whatever alias holds the text by then). */
  readonly jsonKeys: readonly JsonKey[];
}

const ARG = '[`"]?(\\w+)[`"]?';
const JSON_FN = new RegExp(
  `\\b(JSON_VALUE|JSON_QUERY|JSONExtract\\w*|simpleJSONExtract\\w*|visitParamExtract\\w*|JSONHas)\\s*\\(\\s*${ARG}\\s*,([^()]*)\\)`,
  'gi',
);
const NUMERIC_CAST = new RegExp(
  `\\b(?:to(?:U?Int\\d+|Float\\d+|Decimal\\d*)\\s*\\(\\s*${ARG}\\s*[,)]|CAST\\s*\\(\\s*${ARG}\\s*(?:AS\\s+|,\\s*')(?:Nullable\\()?(?:U?Int|Float|Decimal))|${ARG}\\s*::\\s*(?:U?Int|Float|Decimal)`,
  'gi',
);
const BASE64 = new RegExp(`\\bbase64Decode\\s*\\(\\s*${ARG}\\s*\\)`, 'gi');
const ALIAS = /\b(\w+)\s+AS\s+(\w+)\b/gi;
const DATE_WRAP = /(?:parseDateTime\w*|toDateTime\w*|toDate\w*|toStartOf\w+|CAST)\s*\(\s*$/i;

/** Reads every node's SQL of the project for the hints above. */
export function sqlHints(project: Project): SqlHints {
  const numericColumns = new Set<string>();
  const jsonColumns = new Set<string>();
  const base64Columns = new Set<string>();
  const keys = new Map<string, JsonKey>();
  const aliases = new Map<string, Set<string>>();
  for (const pipe of project.pipes) {
    for (const node of pipe.nodes) {
      const sql = node.sql?.text ?? '';
      for (const m of sql.matchAll(ALIAS)) aliases.set(m[2]!, (aliases.get(m[2]!) ?? new Set()).add(m[1]!));
      for (const m of sql.matchAll(NUMERIC_CAST)) numericColumns.add((m[1] ?? m[2] ?? m[3])!);
      for (const m of sql.matchAll(BASE64)) base64Columns.add(m[1]!);
      for (const m of sql.matchAll(JSON_FN)) {
        jsonColumns.add(m[2]!);
        const path = keyPath(m[1]!, m[3]!);
        if (path.length === 0) continue;
        const hint = hintOf(m[1]!, sql.slice(Math.max(0, m.index - 40), m.index), path);
        const id = path.join('\u0000');
        if (!keys.has(id) || keys.get(id)!.hint === 'string') keys.set(id, { path, hint });
      }
    }
  }
  for (const set of [numericColumns, jsonColumns, base64Columns]) throughAliases(set, aliases);
  return {
    literals: literalVocabulary(project),
    numbers: numberVocabulary(project),
    numericColumns,
    jsonColumns,
    base64Columns,
    jsonKeys: [...keys.values()],
  };
}

/** Adds the columns behind aliases in `set` (`ARRAY JOIN records AS encoded` … `base64Decode(encoded)`). */
function throughAliases(set: Set<string>, aliases: ReadonlyMap<string, ReadonlySet<string>>): void {
  const queue = [...set];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    for (const source of aliases.get(name) ?? []) {
      if (set.has(source)) continue;
      set.add(source);
      queue.push(source);
    }
  }
}

/** `'$.a.b[0]'` (JSON_VALUE) or `'a', 'b'` (JSONExtract*) → ['a', 'b']. */
function keyPath(fn: string, args: string): string[] {
  const quoted = [...args.matchAll(/'([^'{}]*)'/g)].map((m) => m[1]!);
  if (/^JSON_(VALUE|QUERY)$/i.test(fn)) {
    return (quoted[0] ?? '')
      .replace(/^\$\.?/, '')
      .split('.')
      .map((k) => k.replace(/\[.*$/, ''))
      .filter(Boolean);
  }
  // JSONExtract(json, 'key', 'Type') names a type last; the other functions take keys only.
  return /^JSONExtract$/i.test(fn) && quoted.length > 1 ? quoted.slice(0, -1) : quoted;
}

function hintOf(fn: string, before: string, path: readonly string[]): JsonKeyHint {
  if (DATE_WRAP.test(before)) return 'datetime';
  const f = fn.toLowerCase();
  if (/int$|uint$/.test(f)) return 'int';
  if (/float$/.test(f)) return 'float';
  if (/bool$/.test(f)) return 'bool';
  if (/array/.test(f)) return 'array';
  return /timestamp|(^|_)(date|time|datetime)$|_at$/i.test(path.at(-1)!) ? 'datetime' : 'string';
}
