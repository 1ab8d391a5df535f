import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { type Datafile, parseDatafile, printDatafile } from '../../../src/syntax/datafile/index.js';

/** The AST without source positions and presentation (`multiline`): what fmt must preserve. */
export function stripPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPositions);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'range' || k === 'lines' || k === 'multiline' || /Ranges?$/.test(k)) continue;
      out[k] = stripPositions(v);
    }
    return out;
  }
  return value;
}

export function parse(
  text: string,
  path = 'test.pipe',
  env: Record<string, string> = {},
): { datafile: Datafile; diagnostics: Diagnostic[] } {
  return parseDatafile(text, { path, env });
}

export function errors(text: string, path = 'test.pipe'): Diagnostic[] {
  return parse(text, path).diagnostics.filter((d) => d.severity === 'error');
}

/** Parses, prints, and parses again. */
export function roundTrip(text: string, path: string): { first: Datafile; printed: string; second: Datafile; reprinted: string } {
  const first = parse(text, path).datafile;
  const printed = printDatafile(first);
  const second = parse(printed, path).datafile;
  return { first, printed, second, reprinted: printDatafile(second) };
}
