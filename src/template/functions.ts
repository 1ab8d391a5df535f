import { BUILTINS } from './builtins.js';
import type { TemplateFunction } from './call.js';
import { CONTROL_FUNCTIONS } from './control-functions.js';
import { DATE_FUNCTIONS } from './date-diff.js';
import { SQL_HELPERS } from './sql-helpers.js';
import { INT_TYPES, TYPED_FUNCTIONS } from './typed-params.js';

/** Every function a template may call (Tinybird's `VALID_FUNCTION_NAMES`), by name. */
export const TEMPLATE_FUNCTIONS: Readonly<Record<string, TemplateFunction>> = {
  ...TYPED_FUNCTIONS,
  ...SQL_HELPERS,
  ...DATE_FUNCTIONS,
  ...CONTROL_FUNCTIONS,
  ...BUILTINS,
};

/** Methods callable on values (`x.split(',')`); Tinybird allows split/get/join/replace, corpora also use startswith. */
export const TEMPLATE_METHODS = new Set(['split', 'get', 'join', 'replace', 'startswith', 'endswith']);

/** Typed parameter functions: the ones that declare a parameter's type for discovery and OpenAPI. */
export const PARAMETER_TYPES = new Set([
  'String',
  'Boolean',
  'DateTime64',
  'DateTime',
  'Date',
  'Float32',
  'Float64',
  ...INT_TYPES,
  'Int',
  'Integer',
  'Array',
  'JSON',
]);

/** Names that cannot be template variables: the endpoint's own `format` and `q` parameters. */
export const FORBIDDEN_VARIABLE_NAMES = new Set(['format', 'q']);

/** Request parameters with a meaning of their own; using them as template variables draws a warning. */
export const RESERVED_PARAM_NAMES = new Set([
  '__tb__semver',
  'debug_source_tables',
  'debug',
  'explain',
  'finalize_aggregations',
  'output_format_json_quote_64bit_integers',
  'output_format_json_quote_denormals',
  'output_format_parquet_string_as_string',
  'pipeline',
  'playground',
  'q',
  'query_id',
  'release_replacements',
  'tag',
  'template_parameters',
  'token',
  'job_timestamp',
]);
