import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Deterministic marketing events, as examples/marketing/generate-fixtures.mjs makes them (same
 * channels, campaigns, weights and eight-week span), written as NDJSON without holding the file in memory.
 */
const CHANNELS: [string, number][] = [
  ['email', 25],
  ['social', 30],
  ['search', 20],
  ['display', 12],
  ['direct', 8],
  ['affiliate', 5],
];
const CAMPAIGNS: Record<string, string[]> = {
  email: ['spring_newsletter', 'welcome_series', 'cart_reminder', 'vip_offers', 'winback_60d', 'product_launch_mail'],
  social: ['summer_sale', 'influencer_push', 'brand_awareness', 'retargeting_q3', 'holiday_teaser'],
  search: ['brand_keywords', 'generic_shoes', 'competitor_terms', 'summer_sale', 'running_gear', 'local_stores'],
  display: ['retargeting_q3', 'brand_awareness', 'black_friday', 'video_preroll', 'news_sites'],
  direct: ['organic', 'black_friday', 'app_push'],
  affiliate: ['partner_blogs', 'coupon_sites', 'cashback_portal'],
};
const EVENT_TYPES: [string, number][] = [
  ['impression', 55],
  ['click', 25],
  ['signup', 8],
  ['add_to_cart', 8],
  ['purchase', 4],
];
const START = Date.UTC(2026, 8, 1);
const SPAN_S = 8 * 7 * 24 * 3600;

export function eventGenerator(seed = 20261127): () => string {
  let s = seed;
  const random = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (weighted: [string, number][]) => {
    const total = weighted.reduce((sum, [, w]) => sum + w, 0);
    let r = random() * total;
    for (const [v, w] of weighted) {
      r -= w;
      if (r < 0) return v;
    }
    return weighted[weighted.length - 1]![0];
  };
  return () => {
    const t = START + Math.floor(random() * SPAN_S) * 1000;
    const channel = pick(CHANNELS);
    const campaigns = CAMPAIGNS[channel]!;
    return JSON.stringify({
      event_time: new Date(t).toISOString().slice(0, 19).replace('T', ' '),
      channel,
      campaign: campaigns[Math.floor(random() * campaigns.length)],
      user_id: `u_${String(Math.floor(random() * 900) + 100).padStart(4, '0')}`,
      event_type: pick(EVENT_TYPES),
    });
  };
}

/** Writes `rows` events (or until `bytes` is reached) to `path` as NDJSON; returns the rows written. */
export function writeEvents(path: string, limit: { rows?: number; bytes?: number }): number {
  const next = eventGenerator();
  const fd = openSync(path, 'w');
  let rows = 0;
  let bytes = 0;
  try {
    while ((limit.rows === undefined || rows < limit.rows) && (limit.bytes === undefined || bytes < limit.bytes)) {
      const lines: string[] = [];
      for (let i = 0; i < 10_000 && (limit.rows === undefined || rows < limit.rows); i++, rows++) lines.push(next());
      const text = `${lines.join('\n')}\n`;
      bytes += writeSync(fd, text);
    }
  } finally {
    closeSync(fd);
  }
  return rows;
}

/** Splits an NDJSON text into bodies of `size` lines. */
export function batches(text: string, size: number): string[] {
  const lines = text.split('\n').filter((l) => l !== '');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += size) out.push(lines.slice(i, i + size).join('\n'));
  return out;
}
