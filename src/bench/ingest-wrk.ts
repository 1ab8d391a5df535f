import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa, execaSync } from 'execa';

/**
 * Single-event load from wrk (Debian's `wrk`), when it is installed. A load generator in C costs the
 * server's machine a fraction of what a Node client does: on these 2-core machines the Node client
 * took CPU the server needed (10.5k rows/s measured against the same server that served wrk 14–15k).
 */
export function wrkAvailable(): boolean {
  const probe = execaSync('wrk', ['-v'], { reject: false });
  return !probe.failed || /wrk/.test(`${probe.stdout}${probe.stderr}`);
}

export interface WrkResult {
  readonly requests: number;
  readonly seconds: number;
  readonly non2xx: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/**
 * `connections` keep-alive connections, one request at a time each, for `seconds`. Asynchronous:
 * the server under test shares this process's event loop.
 */
export async function runWrk(dir: string, url: string, token: string, connections: number, seconds: number): Promise<WrkResult> {
  const script = join(dir, 'events.lua');
  writeFileSync(script, luaScript(token));
  const run = await execa(
    'wrk',
    ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, `${url}/v0/events?name=marketing_events`],
    { reject: false },
  );
  if (run.exitCode !== 0) throw new Error(`wrk failed: ${run.stderr || run.stdout}`);
  const out = run.stdout;
  const total = /(\d+) requests in ([\d.]+)(m?s)/.exec(out);
  if (!total) throw new Error(`wrk printed no request count:\n${out}`);
  return {
    requests: Number(total[1]),
    seconds: Number(total[2]) / (total[3] === 'ms' ? 1000 : 1),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    p50Ms: latencyMs(out, '50%'),
    p99Ms: latencyMs(out, '99%'),
  };
}

function latencyMs(out: string, percentile: string): number {
  const m = new RegExp(`${percentile}\\s+([\\d.]+)(us|ms|s)`).exec(out);
  if (!m) return Number.NaN;
  const unit = { us: 0.001, ms: 1, s: 1000 }[m[2] as 'us' | 'ms' | 's'];
  return Number(m[1]) * unit;
}

/**
 * 2,000 distinct events, made in `init` (wrk.format needs the Host header it sets there) and sent
 * in turn, so wrk's own CPU stays low while the server sees varied rows: identical rows insert at
 * one spot of the sorting-key index and measured 20% faster than varied ones.
 */
function luaScript(token: string): string {
  return `
local channels = { "email", "social", "search", "display", "referral" }
local types = { "impression", "click", "signup", "purchase" }
local start = 1714521600
local requests = {}
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer ${token}"
wrk.headers["Content-Type"] = "application/x-ndjson"
init = function(args)
  for i = 1, 2000 do
    local channel = channels[math.random(#channels)]
    local body = string.format(
      '{"event_time":"%s","channel":"%s","campaign":"%s_%d","user_id":"u%d","event_type":"%s"}',
      os.date("!%Y-%m-%d %H:%M:%S", start + math.random(0, 2592000)), channel, channel, math.random(1, 8),
      math.random(1, 50000), types[math.random(#types)])
    requests[i] = wrk.format(nil, nil, nil, body)
  end
end
local sent = 0
request = function()
  sent = sent + 1
  return requests[(sent % #requests) + 1]
end
`;
}
