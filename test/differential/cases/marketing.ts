import type { CaseGroup } from './index.js';

/**
 * examples/marketing's three endpoints over its fixture, as their templates render with default
 * parameters (and a few parameter values); by_channel's two nodes become a CTE.
 */
const filtered = (where: string) =>
  `WITH filtered_events AS (SELECT channel, event_type, user_id FROM marketing_events WHERE 1 = 1${where})`;
const byChannel =
  'SELECT channel, count() AS events, uniqExact(user_id) AS users FROM filtered_events GROUP BY channel ORDER BY events DESC, channel';
const byCampaign = (where: string, limit: number) =>
  `SELECT campaign, count() AS events, countIf(event_type = 'click') AS clicks, countIf(event_type = 'purchase') AS purchases, round(if(clicks = 0, 0, purchases / clicks), 4) AS conversion_rate FROM marketing_events${where} GROUP BY campaign ORDER BY events DESC, campaign LIMIT ${limit}`;

export const MARKETING_CASES: CaseGroup = {
  group: 'examples/marketing',
  cases: [
    byCampaign('', 50),
    byCampaign(" WHERE channel = 'email'", 50),
    byCampaign('', 3),
    `${filtered('')} ${byChannel}`,
    `${filtered(" AND event_type = 'click'")} ${byChannel}`,
    `${filtered(" AND event_time >= '2026-09-02 00:00:00' AND event_time < '2026-09-05 00:00:00'")} ${byChannel}`,
    'SELECT count() AS total FROM marketing_events',
    "SELECT count() AS total FROM marketing_events WHERE event_type = 'purchase'",
    'SELECT toStartOfDay(event_time) AS day, count() AS events, uniq(user_id) AS users FROM marketing_events GROUP BY day ORDER BY day',
    'SELECT channel, argMax(campaign, event_time) AS latest, max(event_time) AS at FROM marketing_events GROUP BY channel ORDER BY channel',
    'SELECT event_type, quantile(0.5)(toHour(event_time)) AS median_hour FROM marketing_events GROUP BY event_type ORDER BY event_type',
  ],
};
