import type { ParamInfo, PipeInfo } from '../../workspace/types.js';

type Schema = Record<string, unknown>;

/**
 * OpenAPI 3.0 for endpoint pipes, after Tinybird's `/v0/pipes/openapi.json`: one path per endpoint
 * (`/pipes/<name>.{format}`), every template parameter with its type, default, requirement and
 * description (required ones first), `q` for SQL over the result, and the output columns.
 */
export function openApiDocument(pipes: readonly PipeInfo[], options: { serverUrl: string; title: string }): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const pipe of pipes) {
    if (pipe.kind !== 'endpoint') continue;
    const params = [...pipe.params].sort((a, b) => Number(b.required) - Number(a.required));
    const parameters = [FORMAT_PARAM, Q_PARAM, ...params.map(queryParam)];
    const responses = {
      '200': {
        description: 'Query result',
        content: { 'application/json': { schema: resultSchema(pipe) }, 'text/csv': { schema: { type: 'string' } } },
      },
      '400': { description: 'Bad parameters', content: { 'application/json': { schema: ERROR_SCHEMA } } },
      '403': { description: 'Missing or invalid token', content: { 'application/json': { schema: ERROR_SCHEMA } } },
    };
    const body = {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, paramSchema(p)])),
      required: params.filter((p) => p.required).map((p) => p.name),
    };
    paths[`/pipes/${pipe.name}.{format}`] = {
      get: {
        summary: pipe.description ?? pipe.name,
        description: pipe.description ?? '',
        operationId: `${pipe.name}_get`,
        parameters,
        responses,
      },
      post: {
        summary: pipe.description ?? pipe.name,
        description: pipe.description ?? '',
        operationId: `${pipe.name}_post`,
        parameters: [FORMAT_PARAM],
        requestBody: { content: { 'application/json': { schema: body } } },
        responses,
      },
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: options.title, description: 'Endpoints served by mk', version: '1.0.0' },
    servers: [{ url: `${options.serverUrl}/v0` }],
    security: [{ TokenBearerHeader: [] }, { TokenQueryString: [] }],
    paths,
    components: {
      securitySchemes: {
        TokenBearerHeader: { type: 'http', scheme: 'bearer' },
        TokenQueryString: { type: 'apiKey', in: 'query', name: 'token' },
      },
    },
  };
}

const FORMAT_PARAM = {
  in: 'path',
  name: 'format',
  required: true,
  description: 'Response format',
  schema: { type: 'string', enum: ['json', 'csv', 'ndjson'], default: 'json' },
};
const Q_PARAM = {
  in: 'query',
  name: 'q',
  required: false,
  description: "SQL over the endpoint's result, which is the table `_`: `SELECT … FROM _`",
  schema: { type: 'string' },
};
const ERROR_SCHEMA = { type: 'object', properties: { error: { type: 'string' }, documentation: { type: 'string' } } };

/** Template parameters may also carry `example`, `enum` and `format` (from `String(x, example=…)`). */
type DocumentedParam = ParamInfo & { readonly example?: unknown; readonly enum?: readonly string[]; readonly format?: string };

function queryParam(p: DocumentedParam): Record<string, unknown> {
  const example = p.example ?? p.default;
  return {
    in: 'query',
    name: p.name,
    description: p.description ?? '',
    required: p.required,
    ...(example !== undefined ? { example } : {}),
    schema: paramSchema(p),
  };
}

function paramSchema(p: DocumentedParam): Schema {
  const schema = typeSchema(p.type);
  return {
    ...schema,
    ...(p.format ? { format: p.format } : {}),
    ...(p.enum ? { enum: p.enum } : {}),
    ...(p.default !== undefined && p.default !== null ? { default: p.default } : {}),
  };
}

function resultSchema(pipe: PipeInfo): Schema {
  const row = { type: 'object', properties: Object.fromEntries(pipe.columns.map((c) => [c.name, typeSchema(c.type)])) };
  return {
    type: 'object',
    properties: {
      meta: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, type: { type: 'string' } } } },
      data: { type: 'array', items: row },
      rows: { type: 'integer' },
      rows_before_limit_at_least: { type: 'integer' },
      statistics: {
        type: 'object',
        properties: { elapsed: { type: 'number' }, rows_read: { type: 'integer' }, bytes_read: { type: 'integer' } },
      },
    },
  };
}

/** Tinybird's mapping of ClickHouse types to OpenAPI schemas (UInt32 maps to int32, as Tinybird does). */
export function typeSchema(type: string): Schema {
  const t = type.trim();
  const inner = /^(Nullable|LowCardinality)\((.*)\)$/.exec(t);
  if (inner) return inner[1] === 'Nullable' ? { ...typeSchema(inner[2]!), nullable: true } : typeSchema(inner[2]!);
  const array = /^Array\((.*)\)$/.exec(t);
  if (array) return { type: 'array', items: typeSchema(array[1]!) };
  const int = /^(U?)Int(8|16|32|64|128|256)$/.exec(t);
  if (int) {
    const [, unsigned, bits] = int;
    if (!unsigned) return { type: 'integer', format: `int${bits}` };
    if (bits === '8' || bits === '16') return { type: 'integer', format: `uint${bits}` };
    if (bits === '32') return { type: 'integer', format: 'int32' };
    if (bits === '64') return { type: 'integer', format: 'int64' };
    return { type: 'integer' };
  }
  if (t === 'Int' || t === 'Integer') return { type: 'integer' };
  if (t === 'Float32') return { type: 'number', format: 'float' };
  if (t === 'Float64') return { type: 'number', format: 'double' };
  if (t === 'Date' || t === 'Date32') return { type: 'string', format: 'date' };
  if (/^DateTime(64)?(\(.*\))?$/.test(t)) return { type: 'string', format: 'date-time' };
  if (t === 'UUID') return { type: 'string', format: 'uuid' };
  if (t === 'Boolean' || t === 'Bool') return { type: 'boolean' };
  return { type: 'string' };
}
