import type { JsonKeyHint } from './hints.js';
import type { ValueContext } from './values.js';

// Small vocabularies: few distinct values, so GROUP BY, joins and equality filters find matches.
const BY_NAME: readonly (readonly [RegExp, readonly string[]])[] = [
  [/e?mail/, ['ana@example.com', 'bo@example.com', 'cy@example.org']],
  [
    /url|href|link|referr?er|landing/,
    ['https://example.com/', 'https://example.com/pricing?utm_source=google', 'https://blog.example.org/post/1'],
  ],
  [/domain|host/, ['example.com', 'blog.example.org', 'app.example.io']],
  [/path|route|page/, ['/', '/pricing', '/docs/getting-started', '/blog/hello']],
  [/(^|_)ip(_|$)|ip_?address/, ['192.168.0.1', '10.0.0.7', '172.16.4.2']],
  [/country/, ['US', 'ES', 'DE', 'FR', 'GB']],
  [/city/, ['Madrid', 'Berlin', 'Austin', 'Paris']],
  [/region|location/, ['eu-west', 'us-east', 'ap-south']],
  [/browser/, ['chrome', 'firefox', 'safari']],
  [/device/, ['desktop', 'mobile', 'tablet', 'bot']],
  [/(^|_)os(_|$)|platform/, ['mac', 'windows', 'linux', 'ios', 'android']],
  [
    /user_?agent|(^|_)ua$/,
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148',
    ],
  ],
  [/lang|locale/, ['en-US', 'es-ES', 'de-DE']],
  [/currency/, ['USD', 'EUR', 'GBP']],
  [/status|state/, ['active', 'pending', 'done', 'error']],
  [/level|severity/, ['info', 'warn', 'error', 'debug']],
  [/method/, ['GET', 'POST', 'PUT']],
  [/action|event|type|kind|category/, ['page_hit', 'click', 'signup', 'purchase']],
  [/version/, ['1.0.0', '1.2.3', '2.0.1']],
  [/source|medium|campaign|channel/, ['google', 'newsletter', 'twitter', 'direct']],
  [/name|title|label/, ['alpha', 'beta', 'gamma', 'delta']],
];

/** A plausible String for a column, chosen by its name: ids, dates, JSON, URLs, countries … */
export function stringFor(ctx: ValueContext): string {
  const name = ctx.column.toLowerCase();
  const { rng } = ctx;
  const hints = ctx.hints;
  const known = hints?.literals.get(ctx.column);
  if (known && known.length > 0 && rng.next() < 0.4) return rng.pick(known);
  // What the SQL does with the column outranks what its name suggests: a cast to a number needs digits,
  // base64Decode needs base64, JSON functions need JSON text.
  if (hints?.numericColumns.has(ctx.column)) return String(isId(ctx.column) ? rng.int(1, ids(ctx)) : rng.int(0, 100));
  if (hints?.base64Columns.has(ctx.column)) return Buffer.from(JSON.stringify(jsonObject(ctx))).toString('base64');
  if (hints?.jsonColumns.has(ctx.column)) return JSON.stringify(jsonObject(ctx));
  if (/json|payload|propert|attribute|metadata|extra|context|(^|_)data$|body|params|record/.test(name))
    return JSON.stringify(jsonObject(ctx));
  if (/timestamp|(^|_)(date|time|datetime)$|_at$|_date|_time|^date|^time/.test(name))
    return new Date(ctx.now - rng.int(0, 86_400_000)).toISOString().replace('T', ' ').slice(0, 19);
  if (/uuid|guid/.test(name)) return `00000000-0000-4000-8000-${String(rng.int(1, ids(ctx))).padStart(12, '0')}`;
  if (isId(ctx.column)) return `id_${rng.int(1, ids(ctx))}`;
  for (const [re, words] of BY_NAME) if (re.test(name)) return rng.pick(words);
  return rng.pick(['alpha', 'beta', 'gamma', 'delta', 'epsilon']);
}

const ids = (ctx: ValueContext) => ctx.distinct ?? 10;

function isId(column: string): boolean {
  return /(^|_)id$|id$|_ids?_|^id_|token|key|session|hash/.test(column.toLowerCase()) || /Id$/.test(column);
}

/**
 * A small JSON object with the keys real payloads tend to have (for JSON columns and *_json strings),
 * plus every key the project's SQL reads out of JSON text, with a value its use accepts.
 */
export function jsonObject(ctx: ValueContext): Record<string, unknown> {
  const object = baseObject(ctx);
  // Shorter paths first, so a nested key the SQL reads (`a.b`) wins over a flat read of its parent (`a`).
  const keys = [...(ctx.hints?.jsonKeys ?? [])].sort((a, b) => a.path.length - b.path.length);
  for (const key of keys) placeKey(object, key.path, jsonKeyValue(key.hint, key.path.at(-1)!, ctx));
  return object;
}

/** A value for a JSON key the SQL reads, shaped by how it reads it. */
export function jsonKeyValue(hint: JsonKeyHint, key: string, ctx: ValueContext): unknown {
  const { rng } = ctx;
  switch (hint) {
    case 'datetime':
      return new Date(ctx.now - rng.int(0, 86_400_000)).toISOString().replace('T', ' ').slice(0, 19);
    case 'int':
      return rng.int(0, 100);
    case 'float':
      return Math.round(rng.next() * 10_000) / 100;
    case 'bool':
      return rng.next() < 0.5;
    case 'array':
      return [rng.pick(['a', 'b', 'c'])];
    case 'string': {
      // By the key's name, without the JSON hints: a key named like a payload must not nest forever.
      const { hints, ...rest } = ctx;
      return stringFor({
        ...rest,
        column: key,
        ...(hints ? { hints: { ...hints, jsonKeys: [], jsonColumns: new Set(), base64Columns: new Set() } } : {}),
      });
    }
  }
}

/** Sets a nested key, making objects of what lies on the way (what the SQL reads wins over the base object). */
export function placeKey(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let here = target;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      here[key] = value;
      return;
    }
    const next = here[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) here[key] = {};
    here = here[key] as Record<string, unknown>;
  }
}

function baseObject(ctx: ValueContext): Record<string, unknown> {
  const { rng } = ctx;
  return {
    id: `id_${rng.int(1, ids(ctx))}`,
    name: rng.pick(['alpha', 'beta', 'gamma']),
    type: rng.pick(['page_hit', 'click']),
    value: rng.int(0, 100),
    pathname: rng.pick(['/', '/pricing', '/docs', '/blog/hello']),
    href: rng.pick(['https://example.com/', 'https://example.com/pricing']),
    location: { country: rng.pick(['US', 'ES', 'DE']), city: rng.pick(['Madrid', 'Berlin', 'Austin']) },
    tags: [rng.pick(['a', 'b', 'c'])],
  };
}
