import type { ChType, TupleElement } from './ast.js';
import { type TypeArgShape, type TypeShape, toShape, typeLexer, typeParser } from './grammar.js';

export interface TypeParseError {
  readonly message: string;
  /** 0-based offset into the type text. */
  readonly offset: number;
  readonly length: number;
}

export type TypeParseResult = { readonly ok: true; readonly type: ChType } | { readonly ok: false; readonly error: TypeParseError };

/** Parses ClickHouse type text, e.g. `LowCardinality(Nullable(String))`, into a ChType. */
export function parseType(text: string): TypeParseResult {
  const lexed = typeLexer.tokenize(text);
  const lexError = lexed.errors[0];
  if (lexError) return fail(`Unexpected character '${text[lexError.offset] ?? ''}' in type`, lexError.offset, 1);
  typeParser.input = lexed.tokens;
  const cst = typeParser.typeExpr();
  const parseError = typeParser.errors[0];
  if (parseError) {
    const tok = parseError.token;
    const offset = Number.isNaN(tok.startOffset) ? text.length : tok.startOffset;
    return fail(`Invalid type '${text.trim()}'`, offset, Math.max(1, tok.image?.length ?? 1));
  }
  try {
    return { ok: true, type: interpret(toShape(cst)) };
  } catch (e) {
    if (e instanceof ShapeError) return fail(e.message, e.shape.start, e.shape.end - e.shape.start);
    throw e;
  }
}

/** Like parseType but throws; for types mk itself writes. */
export function mustParseType(text: string): ChType {
  const r = parseType(text);
  if (!r.ok) throw new Error(`bad built-in type ${text}: ${r.error.message}`);
  return r.type;
}

class ShapeError extends Error {
  constructor(
    message: string,
    readonly shape: TypeShape,
  ) {
    super(message);
  }
}

function fail(message: string, offset: number, length: number): TypeParseResult {
  return { ok: false, error: { message, offset, length } };
}

const INT = /^(U?)Int(8|16|32|64|128|256)$/;

const SIMPLE: Record<string, ChType> = {
  float32: { kind: 'float', bits: 32 },
  float64: { kind: 'float', bits: 64 },
  bool: { kind: 'bool' },
  boolean: { kind: 'bool' },
  string: { kind: 'string' },
  uuid: { kind: 'uuid' },
  ipv4: { kind: 'ipv4' },
  ipv6: { kind: 'ipv6' },
  date: { kind: 'date' },
  date32: { kind: 'date32' },
  json: { kind: 'json' },
  object: { kind: 'json' },
  nothing: { kind: 'nothing' },
  // SQL-standard aliases ClickHouse accepts in CAST (case-insensitive).
  int: { kind: 'int', bits: 32, signed: true },
  integer: { kind: 'int', bits: 32, signed: true },
  bigint: { kind: 'int', bits: 64, signed: true },
  smallint: { kind: 'int', bits: 16, signed: true },
  tinyint: { kind: 'int', bits: 8, signed: true },
  float: { kind: 'float', bits: 32 },
  real: { kind: 'float', bits: 32 },
  double: { kind: 'float', bits: 64 },
  text: { kind: 'string' },
  varchar: { kind: 'string' },
  char: { kind: 'string' },
};

function interpret(shape: TypeShape): ChType {
  const name = shape.name;
  const lower = name.toLowerCase();
  const args = shape.args ?? [];
  const int = INT.exec(name);
  if (int) return { kind: 'int', bits: Number(int[2]) as 8, signed: int[1] !== 'U' };
  const simple = SIMPLE[lower];
  if (simple) {
    // `JSON(max_dynamic_paths=…)` and `Object('json')` carry options we don't model.
    if (simple.kind !== 'json' && shape.args) throw new ShapeError(`Type ${name} takes no arguments`, shape);
    return simple;
  }
  switch (lower) {
    case 'datetime':
      return { kind: 'datetime', ...tz(args[0]) };
    case 'datetime64': {
      // ClickHouse defaults the precision to 3 (datafiles are stricter: the schema check asks for it).
      const p = args[0];
      if (!p) return { kind: 'datetime64', precision: 3 };
      if (p.kind !== 'number') throw new ShapeError('DateTime64 takes a precision, e.g. DateTime64(3)', shape);
      return { kind: 'datetime64', precision: Number(p.text), ...tz(args[1]) };
    }
    case 'fixedstring':
      return { kind: 'fixedstring', length: numberArg(shape, 0) };
    case 'decimal':
      return { kind: 'decimal', precision: numberArg(shape, 0), scale: args[1] ? numberArg(shape, 1) : 0 };
    case 'decimal32':
    case 'decimal64':
    case 'decimal128':
    case 'decimal256': {
      const precision = { decimal32: 9, decimal64: 18, decimal128: 38, decimal256: 76 }[lower]!;
      return { kind: 'decimal', precision, scale: numberArg(shape, 0) };
    }
    case 'enum8':
    case 'enum16':
    case 'enum':
      return enumType(shape, lower === 'enum16' ? 16 : 8);
    case 'nullable':
      return { kind: 'nullable', inner: typeArg(shape, 0) };
    case 'lowcardinality':
      return { kind: 'lowcardinality', inner: typeArg(shape, 0) };
    case 'array':
      return { kind: 'array', element: typeArg(shape, 0) };
    case 'map':
      return { kind: 'map', key: typeArg(shape, 0), value: typeArg(shape, 1) };
    case 'tuple':
    case 'nested':
      return tupleType(shape, lower === 'nested');
    case 'aggregatefunction':
    case 'simpleaggregatefunction':
      return aggregateType(shape, lower === 'simpleaggregatefunction');
  }
  if (lower.startsWith('interval')) return { kind: 'interval', unit: name.slice('Interval'.length) };
  throw new ShapeError(`Unknown type '${name}'`, shape);
}

function tz(arg: TypeArgShape | undefined): { timezone?: string } {
  return arg && arg.kind === 'string' ? { timezone: arg.value } : {};
}

function numberArg(shape: TypeShape, i: number): number {
  const a = shape.args?.[i];
  if (a?.kind !== 'number') throw new ShapeError(`Type ${shape.name} needs a number as argument ${i + 1}`, shape);
  return Number(a.text);
}

function typeArg(shape: TypeShape, i: number): ChType {
  const a = shape.args?.[i];
  if (a?.kind !== 'type') throw new ShapeError(`Type ${shape.name} needs a type as argument ${i + 1}`, shape);
  return interpret(a.type);
}

function enumType(shape: TypeShape, bits: 8 | 16): ChType {
  const values = (shape.args ?? []).map((a, i) => {
    if (a.kind !== 'string') throw new ShapeError(`Enum values are written 'name' = number`, shape);
    return { name: a.value, value: a.enumValue === undefined ? i + 1 : Number(a.enumValue) };
  });
  return { kind: 'enum', bits, values };
}

function tupleType(shape: TypeShape, nested: boolean): ChType {
  const elements: TupleElement[] = (shape.args ?? []).map((a) => {
    if (a.kind !== 'type') throw new ShapeError(`Tuple elements must be types`, shape);
    return a.fieldName === undefined ? { type: interpret(a.type) } : { name: a.fieldName, type: interpret(a.type) };
  });
  // Nested(a T, b U) stores parallel arrays; as a value it reads like Array(Tuple(...)).
  const tuple: ChType = { kind: 'tuple', elements };
  return nested ? { kind: 'array', element: tuple } : tuple;
}

function aggregateType(shape: TypeShape, simple: boolean): ChType {
  const [fnArg, ...rest] = shape.args ?? [];
  if (fnArg?.kind !== 'type') throw new ShapeError(`${shape.name} needs a function name`, shape);
  const fn = fnArg.type.args ? `${fnArg.type.name}(${fnArg.type.args.map(argText).join(', ')})` : fnArg.type.name;
  return { kind: 'aggregate', simple, fn, args: rest.map((_, i) => typeArg(shape, i + 1)) };
}

function argText(a: TypeArgShape): string {
  if (a.kind === 'setting') return `${a.name} = ${a.value}`;
  if (a.kind === 'number') return a.text;
  if (a.kind === 'string') return `'${a.value}'`;
  return a.type.name;
}
