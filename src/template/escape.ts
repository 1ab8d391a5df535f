/**
 * SQL escaping exactly as Tinybird's templates do it. Every parameter value reaches SQL through one of these
 * functions (or as a number the renderer formatted itself); nothing user-supplied is ever spliced raw.
 */

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\r': '\\r',
  '\b': '\\b',
  '\t': '\\t',
  '\x1a': '\\z',
  '\n': '\\n',
  '"': '\\"',
  "'": "\\'",
  '\\': '\\\\',
  '%': '\\%',
  '`': '\\`',
};

// Tinybird's identifier escaping (`sqlescape`) drops double quotes instead of escaping them.
const IDENTIFIER_ESCAPES: Readonly<Record<string, string>> = { ...STRING_ESCAPES, '"': '' };

const STRING_RE = /[\0\r\b\t\x1a\n"'\\%`]/g;

/**
 * Escapes a value for use inside a single-quoted ClickHouse string literal (Tinybird's
 * `sqlescape_for_string_expression`), e.g. `it's 5%` → `it\'s 5\%`.
 */
export function escapeString(value: string): string {
  return value.replace(STRING_RE, (ch) => STRING_ESCAPES[ch]!);
}

/** A complete string literal: `'it\'s'`. */
export function quoteString(value: string): string {
  return `'${escapeString(value)}'`;
}

/** Escapes one identifier part for use between backticks (Tinybird's `sqlescape`): `a"b` → `ab`. */
export function escapeIdentifier(value: string): string {
  return value.replace(STRING_RE, (ch) => IDENTIFIER_ESCAPES[ch]!);
}

/** A back-quoted identifier: `` `my col` ``. */
export function quoteIdentifier(value: string): string {
  return `\`${escapeIdentifier(value)}\``;
}
