import { T } from '../../../types/ast.js';
import { scalar } from '../define.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { ChError, udf } from '../udf/registry.js';

const cache = new Map<string, RegExp>();

/**
 * An RE2 pattern (ClickHouse's regex engine) as a JS RegExp: leading `(?i)`/`(?s)` flags, `\A`, `\z`,
 * `(?P<name>…)`. RE2 and JS agree on the rest that real pipes use.
 */
export function re2(pattern: string, global = false): RegExp {
  const key = `${global ? 'g' : ''}:${pattern}`;
  let re = cache.get(key);
  if (re) return re;
  let src = pattern;
  let flags = global ? 'g' : '';
  for (let m = /^\(\?([imsU]+)\)/.exec(src); m; m = /^\(\?([imsU]+)\)/.exec(src)) {
    for (const f of m[1] as string) if ('ims'.includes(f) && !flags.includes(f)) flags += f;
    src = src.slice(m[0].length);
  }
  src = src
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$')
    .replace(/\(\?P</g, '(?<');
  try {
    re = new RegExp(src, `${flags}u`);
  } catch {
    try {
      re = new RegExp(src, flags);
    } catch (e) {
      throw new ChError(
        `OptimizedRegularExpression: cannot compile re2: ${pattern}, error: ${(e as Error).message}`,
        'CANNOT_COMPILE_REGEXP',
      );
    }
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, re);
  return re;
}

/** ClickHouse replacement strings: `\0`…`\9` are groups, `\\` is a backslash. */
function expand(replacement: string, m: RegExpExecArray): string {
  return replacement.replace(/\\(\d|\\)/g, (_x, d: string) => (d === '\\' ? '\\' : (m[Number(d)] ?? '')));
}

function replaceRe(h: string, pattern: string, replacement: string, all: boolean): string {
  const re = re2(pattern, true);
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let m = re.exec(h); m; m = re.exec(h)) {
    out += h.slice(last, m.index) + expand(replacement, m);
    last = m.index + m[0].length;
    if (!all) break;
    if (m[0] === '') {
      if (last < h.length) out += h[last];
      last += 1;
      re.lastIndex = last;
      if (last > h.length) break;
    }
  }
  return out + h.slice(last);
}

const MATCH = udf('ch_match', (h: string, p: string) => (re2(String(p)).test(String(h)) ? 1 : 0));
const EXTRACT = udf('ch_extract', (h: string, p: string) => {
  const m = re2(String(p)).exec(String(h));
  if (!m) return '';
  return m.length > 1 ? (m[1] ?? '') : m[0];
});
/** The cached global RegExp from its start: matchAll copies lastIndex, which replaceRegexpOne leaves set. */
function allMatches(h: string, p: string): RegExpExecArray[] {
  const re = re2(p, true);
  re.lastIndex = 0;
  return [...h.matchAll(re)];
}
const EXTRACT_ALL = udf('ch_extract_all', (h: string, p: string) =>
  JSON.stringify(allMatches(String(h), String(p)).map((m) => (m.length > 1 ? (m[1] ?? '') : m[0]))),
);
const EXTRACT_GROUPS = udf('ch_extract_all_groups', (h: string, p: string) =>
  JSON.stringify(allMatches(String(h), String(p)).map((m) => m.slice(1).map((g) => g ?? ''))),
);
const REGEXP_EXTRACT = udf('ch_regexp_extract', (h: string, p: string, i?: number) => {
  const m = re2(String(p)).exec(String(h));
  return m ? (m[i === undefined ? 1 : Number(i)] ?? '') : '';
});
const REPLACE_RE = udf('ch_replace_regexp', (h: string, p: string, r: string, all: number) =>
  replaceRe(String(h), String(p), String(r), all === 1),
);
const MULTI_MATCH = udf('ch_multi_match', (h: string, ps: string, mode: string) => {
  const list = JSON.parse(String(ps)) as string[];
  const idx = list.findIndex((p) => re2(p).test(String(h)));
  return mode === 'any' ? (idx >= 0 ? 1 : 0) : idx + 1;
});

const s = (a: EmittedArg | undefined) => (a as EmittedArg).sql;

export const REGEX: readonly FunctionDef[] = [
  scalar({ name: 'match', aliases: ['REGEXP_MATCHES'], min: 2, max: 2, ret: T.uint8, emit: ([h, p]) => `${MATCH}(${s(h)}, ${s(p)})` }),
  scalar({ name: 'extract', min: 2, max: 2, ret: T.string, emit: ([h, p]) => `${EXTRACT}(${s(h)}, ${s(p)})` }),
  scalar({ name: 'extractAll', min: 2, max: 2, ret: T.array(T.string), emit: ([h, p]) => `${EXTRACT_ALL}(${s(h)}, ${s(p)})` }),
  scalar({
    name: 'extractAllGroups',
    aliases: ['extractAllGroupsVertical'],
    min: 2,
    max: 2,
    ret: T.array(T.array(T.string)),
    emit: ([h, p]) => `${EXTRACT_GROUPS}(${s(h)}, ${s(p)})`,
  }),
  scalar({
    name: 'regexpExtract',
    aliases: ['REGEXP_EXTRACT'],
    min: 2,
    max: 3,
    ret: T.string,
    emit: ([h, p, i]) => `${REGEXP_EXTRACT}(${s(h)}, ${s(p)}${i ? `, ${s(i)}` : ''})`,
  }),
  scalar({
    name: 'replaceRegexpAll',
    aliases: ['REGEXP_REPLACE'],
    min: 3,
    max: 3,
    ret: T.string,
    emit: ([h, p, r]) => `${REPLACE_RE}(${s(h)}, ${s(p)}, ${s(r)}, 1)`,
  }),
  scalar({ name: 'replaceRegexpOne', min: 3, max: 3, ret: T.string, emit: ([h, p, r]) => `${REPLACE_RE}(${s(h)}, ${s(p)}, ${s(r)}, 0)` }),
  scalar({ name: 'multiMatchAny', min: 2, max: 2, ret: T.uint8, emit: ([h, p]) => `${MULTI_MATCH}(${s(h)}, ${s(p)}, 'any')` }),
  scalar({ name: 'multiMatchAnyIndex', min: 2, max: 2, ret: T.uint64, emit: ([h, p]) => `${MULTI_MATCH}(${s(h)}, ${s(p)}, 'index')` }),
];
