#!/usr/bin/env node
// Regenerates fixtures/marketing_events.ndjson: deterministic, realistic marketing events.
// Usage: node examples/marketing/generate-fixtures.mjs [rows]
import { writeFileSync } from 'node:fs';

const rows = Number(process.argv[2] ?? 2400);
let seed = 20261127;
const random = () => {
  // mulberry32: small, fast, deterministic.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (weighted) => {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [v, w] of weighted) if ((r -= w) < 0) return v;
  return weighted[weighted.length - 1][0];
};

const channels = [['email', 25], ['social', 30], ['search', 20], ['display', 12], ['direct', 8], ['affiliate', 5]];
const campaignsByChannel = {
  email: ['spring_newsletter', 'welcome_series', 'cart_reminder', 'vip_offers', 'winback_60d', 'product_launch_mail'],
  social: ['summer_sale', 'influencer_push', 'brand_awareness', 'retargeting_q3', 'holiday_teaser'],
  search: ['brand_keywords', 'generic_shoes', 'competitor_terms', 'summer_sale', 'running_gear', 'local_stores'],
  display: ['retargeting_q3', 'brand_awareness', 'black_friday', 'video_preroll', 'news_sites'],
  direct: ['organic', 'black_friday', 'app_push'],
  affiliate: ['partner_blogs', 'coupon_sites', 'cashback_portal'],
};
const eventTypes = [['impression', 55], ['click', 25], ['signup', 8], ['add_to_cart', 8], ['purchase', 4]];
const start = Date.UTC(2026, 8, 1); // 2026-09-01
const span = 8 * 7 * 24 * 3600 * 1000; // eight weeks

const lines = [];
const times = Array.from({ length: rows }, () => start + Math.floor(random() * span / 1000) * 1000).sort((a, b) => a - b);
for (const t of times) {
  const channel = pick(channels);
  const campaigns = campaignsByChannel[channel];
  lines.push(
    JSON.stringify({
      event_time: new Date(t).toISOString().slice(0, 19).replace('T', ' '),
      channel,
      campaign: campaigns[Math.floor(random() * campaigns.length)],
      user_id: `u_${String(Math.floor(random() * 900) + 100).padStart(4, '0')}`,
      event_type: pick(eventTypes),
    }),
  );
}
writeFileSync(new URL('./fixtures/marketing_events.ndjson', import.meta.url), `${lines.join('\n')}\n`);
console.log(`wrote ${lines.length} events`);
