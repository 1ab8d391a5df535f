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
  const known = ctx.vocabulary?.get(ctx.column);
  if (known && known.length > 0 && rng.next() < 0.4) return rng.pick(known);
  if (/json|payload|propert|attribute|metadata|extra|context|(^|_)data$|body|params|record/.test(name))
    return JSON.stringify(jsonObject(ctx));
  if (/timestamp|(^|_)(date|time|datetime)$|_at$|_date|_time|^date|^time/.test(name))
    return new Date(ctx.now - rng.int(0, 86_400_000)).toISOString().replace('T', ' ').slice(0, 19);
  if (/uuid|guid/.test(name)) return `00000000-0000-4000-8000-${String(rng.int(1, 10)).padStart(12, '0')}`;
  if (/(^|_)id$|id$|_ids?_|^id_|token|key|session|hash/.test(name) || /Id$/.test(ctx.column)) return `id_${rng.int(1, 10)}`;
  for (const [re, words] of BY_NAME) if (re.test(name)) return rng.pick(words);
  return rng.pick(['alpha', 'beta', 'gamma', 'delta', 'epsilon']);
}

/** A small JSON object with the keys real payloads tend to have (for JSON columns and *_json strings). */
export function jsonObject(ctx: ValueContext): Record<string, unknown> {
  const { rng } = ctx;
  return {
    id: `id_${rng.int(1, 10)}`,
    name: rng.pick(['alpha', 'beta', 'gamma']),
    type: rng.pick(['page_hit', 'click']),
    value: rng.int(0, 100),
    pathname: rng.pick(['/', '/pricing', '/docs', '/blog/hello']),
    href: rng.pick(['https://example.com/', 'https://example.com/pricing']),
    location: { country: rng.pick(['US', 'ES', 'DE']), city: rng.pick(['Madrid', 'Berlin', 'Austin']) },
    tags: [rng.pick(['a', 'b', 'c'])],
  };
}
