/**
 * Tinybird JSONPaths, compiled once per column into a getter: `$.a.b`, `$.items[:]` (the whole array),
 * `$.items[:].id` (that field of every element), `$.a[0]`, `$.['weird key']`, `$['k']`, and `$` (the
 * whole row).
 */

/** Returned when the path does not exist in the row (distinct from a JSON null). */
export const MISSING: unique symbol = Symbol('missing');

export type PathGetter = (row: unknown) => unknown;

type Step = { readonly kind: 'key'; readonly key: string } | { readonly kind: 'index'; readonly index: number } | { readonly kind: 'each' };

/** Parses a JSONPath; undefined when mk does not understand it. */
export function parseJsonPath(path: string): Step[] | undefined {
  const s = path.trim();
  if (!s.startsWith('$')) return undefined;
  const steps: Step[] = [];
  let i = 1;
  while (i < s.length) {
    if (s[i] === '.' && s[i + 1] === '[') i++;
    if (s[i] === '.') {
      const m = /^[^.[\]]+/.exec(s.slice(i + 1));
      if (!m) return undefined;
      steps.push({ kind: 'key', key: m[0] });
      i += 1 + m[0].length;
    } else if (s[i] === '[') {
      const rest = s.slice(i);
      const m = /^\[\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(-?\d+)|(:|\*))\s*\]/.exec(rest);
      if (!m) return undefined;
      if (m[1] !== undefined || m[2] !== undefined) steps.push({ kind: 'key', key: (m[1] ?? m[2]!).replace(/\\(.)/g, '$1') });
      else if (m[3] !== undefined) steps.push({ kind: 'index', index: Number(m[3]) });
      else steps.push({ kind: 'each' });
      i += m[0].length;
    } else return undefined;
  }
  return steps;
}

/** Compiles a JSONPath to a getter returning the value or MISSING. */
export function compileJsonPath(path: string): PathGetter | undefined {
  const steps = parseJsonPath(path);
  return steps && build(steps, 0);
}

function build(steps: readonly Step[], from: number): PathGetter {
  const step = steps[from];
  if (!step) return (v) => v;
  const next = build(steps, from + 1);
  switch (step.kind) {
    case 'key': {
      const key = step.key;
      return (v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, key)) return MISSING;
        return next((v as Record<string, unknown>)[key]);
      };
    }
    case 'index': {
      const index = step.index;
      return (v) => {
        if (!Array.isArray(v)) return MISSING;
        const j = index < 0 ? v.length + index : index;
        return j >= 0 && j < v.length ? next(v[j]) : MISSING;
      };
    }
    case 'each':
      // Elements lacking the rest of the path are skipped, so `$.items[:].id` gives the ids present.
      return (v) => {
        if (!Array.isArray(v)) return MISSING;
        const out: unknown[] = [];
        for (const e of v) {
          const x = next(e);
          if (x !== MISSING) out.push(x);
        }
        return out;
      };
  }
}
