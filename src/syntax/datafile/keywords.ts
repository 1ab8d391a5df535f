import type { DatafileKind } from './ast.js';

/**
 * Which instructions each kind of datafile knows. The tables follow Tinybird Forward's parser, plus the
 * Classic instructions real projects still use (ENGINE inside materialized nodes, INCLUDE, legacy keys).
 * Knowing them matters twice: an unknown first word is an error, and inside a `>` block a non-indented
 * line starting with a known instruction ends the block.
 */

/** ENGINE_<param> settings (lower-case param names). */
export const ENGINE_PARAMS = [
  'partition_key',
  'sorting_key',
  'primary_key',
  'sampling_key',
  'ttl',
  'settings',
  'ver',
  'is_deleted',
  'sign',
  'version',
  'columns',
  'summing_columns',
  'key_columns',
  'join_strictness',
  'join_type',
] as const;

/** The ENGINE_<param> settings whose values name columns of the datasource (checked against its schema). */
export const COLUMN_ENGINE_PARAMS: readonly (typeof ENGINE_PARAMS)[number][] = ENGINE_PARAMS.filter(
  (p) => !['ttl', 'settings', 'join_strictness', 'join_type'].includes(p),
);

/** Pre-ENGINE_ spellings that Tinybird stores as engine params. */
export const LEGACY_ENGINE_KEYS = ['partition_key', 'sorting_key', 'primary_key', 'sampling_key', 'ttl'] as const;

const KAFKA_DATASOURCE = [
  'connection_name',
  'topic',
  'group_id',
  'auto_offset_reset',
  'store_raw_value',
  'store_headers',
  'store_binary_headers',
  'key_format',
  'value_format',
  'target_partitions',
  'key_avro_deserialization',
].map((k) => `kafka_${k}`);

const IMPORT = [
  'connection_name',
  'schedule',
  'strategy',
  'bucket_uri',
  'from_timestamp',
  'service',
  'external_datasource',
  'query',
  'table_arn',
  'export_bucket',
].map((k) => `import_${k}`);

const EXPORT = [
  'connection_name',
  'schedule',
  'bucket_uri',
  'file_template',
  'format',
  'strategy',
  'compression',
  'write_strategy',
  'kafka_topic',
  'service',
].map((k) => `export_${k}`);

const ENGINE = ['engine', ...ENGINE_PARAMS.map((p) => `engine_${p}`)];

const DATASOURCE = [
  'description',
  'token',
  'schema',
  'indexes',
  'tags',
  'include',
  'version',
  'forward_query',
  'backfill',
  'shared_with',
  'export_service',
  ...ENGINE,
  ...LEGACY_ENGINE_KEYS,
  ...KAFKA_DATASOURCE,
  ...IMPORT,
];

const PIPE = [
  'node',
  'description',
  'type',
  'datasource',
  'tags',
  'target_datasource',
  'copy_schedule',
  'copy_mode',
  'mode',
  'filter',
  'token',
  'include',
  'sql',
  'version',
  'deployment_method',
  'cache',
  ...EXPORT,
  ...ENGINE,
];

const CONNECTION = [
  'description',
  'type',
  'include',
  'kafka_bootstrap_servers',
  'kafka_key',
  'kafka_secret',
  'kafka_schema_registry_url',
  'kafka_ssl_ca_pem',
  'kafka_security_protocol',
  'kafka_sasl_mechanism',
  'kafka_sasl_oauthbearer_method',
  'kafka_sasl_oauthbearer_aws_region',
  'kafka_sasl_oauthbearer_aws_role_arn',
  'kafka_sasl_oauthbearer_aws_external_id',
  'kafka_key_avro_deserialization',
  's3_region',
  's3_arn',
  's3_access_key',
  's3_secret',
  'gcs_service_account_credentials_json',
  'gcs_access_id',
  'gcs_secret',
  'gcs_hmac_access_id',
  'gcs_hmac_secret',
];

const INSTRUCTIONS: Record<DatafileKind, ReadonlySet<string>> = {
  datasource: new Set(DATASOURCE),
  pipe: new Set(PIPE),
  connection: new Set(CONNECTION),
  include: new Set([...DATASOURCE, ...PIPE, ...CONNECTION]),
};

/** True when `word` (any case) is an instruction of this kind of file. */
export function isInstruction(kind: DatafileKind, word: string): boolean {
  return INSTRUCTIONS[kind].has(word.toLowerCase());
}

/** Instructions whose value may be a `>` block; every other one rejects it. */
const MULTILINE = new Set([
  'description',
  'schema',
  'indexes',
  'sql',
  'forward_query',
  'shared_with',
  'tags',
  'kafka_ssl_ca_pem',
  'import_query',
  ...ENGINE,
  ...LEGACY_ENGINE_KEYS,
]);

export function allowsMultiline(key: string): boolean {
  return MULTILINE.has(key);
}

/** Pipe instructions that belong to a node and are errors before the first NODE. */
const NODE_ONLY = new Set([
  'sql',
  'type',
  'datasource',
  'target_datasource',
  'copy_schedule',
  'copy_mode',
  'mode',
  'filter',
  'deployment_method',
  'cache',
  ...EXPORT,
  ...ENGINE,
]);

export function isNodeOnly(key: string): boolean {
  return NODE_ONLY.has(key);
}

/** Values Tinybird restricts to a fixed set. */
export const ALLOWED_VALUES: Readonly<Record<string, readonly string[]>> = {
  backfill: ['skip'],
  deployment_method: ['alter'],
};

/** Instructions Forward deprecates, with its message. mk warns: Classic projects still use them. */
export const DEPRECATED: Readonly<Record<string, string>> = {
  kafka_target_partitions: 'has been deprecated and will be ignored.',
  kafka_store_binary_headers: 'has been deprecated. When KAFKA_STORE_HEADERS is True, __headers is always of type Map(String, String)',
  kafka_key_avro_deserialization: 'has been deprecated. Use "KAFKA_KEY_FORMAT avro" in the corresponding .datasource file instead',
  import_service: "has been deprecated and will be ignored. If you're using an S3 or GCS connection, you don't need this setting anymore.",
  import_external_datasource: 'has been deprecated and will be ignored.',
  import_strategy: "has been deprecated. It is now fixed to 'append'",
  export_service: "has been deprecated and will be ignored. If you're using an S3 or GCS connection, you don't need this setting anymore.",
};

/** Instructions whose values pass through `$VAR` substitution (Tinybird's `eval_var`). */
export function substitutesEnv(key: string): boolean {
  return !['description', 'token', 'tags', 'sql', 'forward_query', 'schema', 'indexes', 'include'].includes(key);
}
