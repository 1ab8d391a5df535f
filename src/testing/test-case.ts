import type { Range } from '../diagnostics/diagnostic.js';

/** One entry of `tests/<pipe>.yaml`, as Tinybird's `tb test` reads it. */
export interface TestCase {
  readonly name: string;
  readonly description?: string;
  /** The query string as written (`a=1&b=2`, possibly with a leading `…?`). Empty when absent. */
  readonly parameters: string;
  /** The raw response body expected (NDJSON lines), or the `error` message when a status is expected. */
  readonly expectedResult?: string;
  readonly expectedHttpStatus?: number;
  /** Where the entry sits in its file (the `- name:` mapping). */
  readonly range?: Range;
}

/** The fields a test entry may have, in the order `mk test update` writes them. */
export const TEST_FIELDS = ['name', 'description', 'parameters', 'expected_result', 'expected_http_status'] as const;

/**
 * The query string a test sends: everything after the first `?` when there is one (tests copied from a
 * URL keep their `/v0/pipes/x.json?` prefix), else the text as is.
 */
export function queryOf(parameters: string): string {
  const q = parameters.indexOf('?');
  return (q >= 0 ? parameters.slice(q + 1) : parameters).trim();
}

/**
 * Makes a hand-written query string safe to put in a URL without changing what it means: spaces and
 * other characters a URL cannot hold are percent-encoded, `%XX` escapes and `&`, `=`, `+` are kept
 * (the way HTTP clients re-quote a URL they are given).
 */
export function requote(query: string): string {
  let out = '';
  for (let i = 0; i < query.length; i++) {
    const ch = query[i]!;
    if (ch === '%') out += /^[0-9A-Fa-f]{2}$/.test(query.slice(i + 1, i + 3)) ? '%' : '%25';
    else if (/[A-Za-z0-9\-._~:/?@!$&'()*+,;=[\]]/.test(ch)) out += ch;
    else {
      const cp = query.codePointAt(i)!;
      const char = String.fromCodePoint(cp);
      out += encodeURIComponent(char);
      i += char.length - 1;
    }
  }
  return out;
}

/** Encodes one `--param k=v` pair for a test's `parameters`, escaping only what would split it. */
export function encodeParam(key: string, value: string): string {
  const escapePart = (s: string) => s.replace(/[%&=#+]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${escapePart(key)}=${escapePart(value)}`;
}
