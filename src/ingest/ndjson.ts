import { parseJsonExact } from '../util/json-bigint.js';

/**
 * NDJSON splitting: one JSON value per line, `\n` or `\r\n`, blank lines ignored. A line that is not a
 * JSON object is reported per line so it goes to quarantine instead of failing the whole request.
 */

export type NdjsonLine =
  | { readonly ok: true; readonly value: Record<string, unknown>; readonly text: string }
  | { readonly ok: false; readonly error: string; readonly text: string };

/** Calls `each` for every non-blank line of `text`, parsed. */
export function forEachNdjsonLine(text: string, each: (line: NdjsonLine) => void): void {
  let start = 0;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    if (stop > start) {
      const line = text.slice(start, stop);
      if (line.trim() !== '') each(parseLine(line));
    }
    start = end + 1;
  }
}

function parseLine(text: string): NdjsonLine {
  let value: unknown;
  try {
    value = parseJsonExact(text);
  } catch (e) {
    return { ok: false, error: `invalid JSON: ${(e as Error).message}`, text };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, error: 'invalid JSON: a line must be a JSON object', text };
  return { ok: true, value: value as Record<string, unknown>, text };
}
