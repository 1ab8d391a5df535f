import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { resourceName } from '../../project/project.js';
import type { ColumnDef, DatasourceFile, EngineDef } from '../../syntax/datafile/ast.js';
import { COLUMN_ENGINE_PARAMS } from '../../syntax/datafile/keywords.js';
import type { ChType } from '../../types/ast.js';
import { parseType } from '../../types/parse.js';
import { identifiersIn, splitTopLevel, unwrapKey } from '../../util/split.js';
import { ENGINES, NEEDS_SORTING_KEY, type ResolvedColumn, type ResolvedDatasource, type ResolvedEngine } from './resolved.js';

/** Interprets a parsed datasource: column types, engine and its keys. Reports what does not hold. */
export function resolveDatasource(file: DatasourceFile): { datasource: ResolvedDatasource; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const where = { file: file.path };
  const columns: ResolvedColumn[] = [];
  for (const col of file.schema) {
    const type = columnType(col, file.path, diagnostics);
    columns.push({
      name: col.name,
      type,
      ...(col.jsonPath !== undefined ? { jsonPath: col.jsonPath } : {}),
      ...(col.defaultExpr !== undefined ? { defaultExpr: col.defaultExpr } : {}),
    });
  }
  columns.push(...kafkaColumns(file, new Set(columns.map((c) => c.name))));
  if (file.schema.length === 0 && file.schemaRange) {
    diagnostics.push(diagnostic('MK2007', 'SCHEMA declares no columns', { ...where, range: file.schemaRange }));
  }

  const engine = resolveEngine(file.engine, file.path, diagnostics);
  const names = new Set(columns.map((c) => c.name));
  for (const [param, value] of Object.entries(file.engine.params)) {
    if (!(COLUMN_ENGINE_PARAMS as readonly string[]).includes(param)) continue;
    for (const id of identifiersIn(value.text)) {
      if (!names.has(id) && !names.has(id.split('.')[0] ?? id)) {
        diagnostics.push(
          diagnostic('MK2003', `ENGINE_${param.toUpperCase()} uses '${id}', which is not a column of ${resourceName(file.path)}`, {
            ...where,
            range: value.range,
          }),
        );
      }
    }
  }
  return { datasource: { name: resourceName(file.path), columns, engine }, diagnostics };
}

function columnType(col: ColumnDef, file: string, diagnostics: Diagnostic[]): ChType {
  if (col.type === undefined) return { kind: 'string' };
  const parsed = parseType(col.type);
  if (parsed.ok) return parsed.type;
  diagnostics.push(
    diagnostic('MK2002', `Column '${col.name}': ${parsed.error.message}`, { file, ...(col.typeRange ? { range: col.typeRange } : {}) }),
  );
  return { kind: 'string' };
}

/** Interprets ENGINE and ENGINE_* settings (of a datasource, or of a materialized node that defines its target). */
export function resolveEngine(engineDef: EngineDef, path: string, diagnostics: Diagnostic[]): ResolvedEngine {
  const file = { engine: engineDef, path };
  const where = { file: file.path };
  const written = file.engine.type.trim();
  const kind = ENGINES.find((e) => e.toLowerCase() === written.replace(/\(\s*\)$/, '').toLowerCase());
  if (!kind) {
    diagnostics.push(
      diagnostic(
        'MK2004',
        `Unknown engine '${written}'`,
        { ...where, ...(file.engine.typeRange ? { range: file.engine.typeRange } : {}) },
        {
          hint: `Use one of ${ENGINES.join(', ')}.`,
        },
      ),
    );
  }
  const p = file.engine.params;
  const sortingText = p.sorting_key?.text;
  const sortingKey = sortingText === undefined ? [] : splitTopLevel(unwrapKey(sortingText));
  const engineKind = kind ?? 'MergeTree';
  if (NEEDS_SORTING_KEY.has(engineKind) && sortingKey.length === 0) {
    diagnostics.push(
      diagnostic('MK2005', `${engineKind} needs ENGINE_SORTING_KEY`, {
        ...where,
        ...(file.engine.typeRange ? { range: file.engine.typeRange } : {}),
      }),
    );
  }
  const ver = p.ver?.text.trim();
  if (ver && engineKind === 'ReplacingMergeTree' && sortingKey.includes(ver) && p.ver) {
    diagnostics.push(
      diagnostic('MK2006', `ENGINE_VER column '${ver}' must not be part of ENGINE_SORTING_KEY`, { ...where, range: p.ver.range }),
    );
  }
  const summing = p.summing_columns?.text ?? p.columns?.text;
  return {
    kind: engineKind,
    sortingKey,
    ...(p.partition_key ? { partitionKey: p.partition_key.text } : {}),
    ...(p.primary_key ? { primaryKey: p.primary_key.text } : {}),
    ...(ver ? { ver } : {}),
    ...(p.is_deleted ? { isDeleted: p.is_deleted.text.trim() } : {}),
    ...(p.sign ? { sign: p.sign.text.trim() } : {}),
    ...(p.version ? { version: p.version.text.trim() } : {}),
    ...(p.ttl && p.ttl.text.trim() !== '' ? { ttl: p.ttl.text } : {}),
    ...(summing ? { summingColumns: splitTopLevel(unwrapKey(summing)) } : {}),
  };
}

const STRING: ChType = { kind: 'string' };

/**
 * Kafka datasources get Tinybird's metadata columns without declaring them; pipes and engine keys use
 * them (`__timestamp` in partition keys is common).
 */
function kafkaColumns(file: DatasourceFile, declared: ReadonlySet<string>): ResolvedColumn[] {
  const setting = (key: string) => file.settings.find((s) => s.key === key)?.value.text;
  // Any KAFKA_* setting marks a Kafka datasource (projects keep them with the connection commented out).
  if (!file.settings.some((s) => s.key.startsWith('KAFKA_'))) return [];
  const meta: ResolvedColumn[] = [
    { name: '__value', type: STRING },
    { name: '__topic', type: { kind: 'lowcardinality', inner: STRING } },
    { name: '__partition', type: { kind: 'int', bits: 16, signed: true } },
    { name: '__offset', type: { kind: 'int', bits: 64, signed: true } },
    { name: '__timestamp', type: { kind: 'datetime' } },
    { name: '__key', type: STRING },
  ];
  if (/^true$/i.test(setting('KAFKA_STORE_HEADERS') ?? ''))
    meta.push({ name: '__headers', type: { kind: 'map', key: STRING, value: STRING } });
  return meta.filter((c) => !declared.has(c.name));
}
