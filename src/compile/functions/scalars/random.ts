import { randomBytes, randomUUID } from 'node:crypto';
import { type ChType, T } from '../../../types/ast.js';
import { scalar } from '../define.js';
import type { EmitContext, EmittedArg, FunctionDef } from '../types.js';
import { udf } from '../udf/registry.js';

/**
 * Random functions with ClickHouse's per-row sharing: identical calls in one SELECT (same name, same
 * arguments) are one expression to ClickHouse, so `if(rand() % 2 = 0, 'page_hit', …)` and a second
 * `rand() % 2 = 0` in the same row agree. The arguments exist only to tell calls apart (`rand(1)`,
 * `rand(2)`). Fixture generators rely on it.
 *
 * SQLite has no such sharing, so every call site asks `ch_random(kind, key, site)`: calls with the same
 * key share the latest draw until a site that already took it asks again, which means a new row has
 * started. Each alias reference compiles to its own site, so an aliased draw read twice agrees too.
 */
type Kind = 'rand' | 'rand64' | 'canonical' | 'uuid';

const DRAWS_KEPT = 10_000;
const draws = new Map<string, { value: unknown; sites: Set<number> }>();

function draw(kind: Kind): unknown {
  switch (kind) {
    case 'rand':
      return Math.floor(Math.random() * 2 ** 32);
    case 'rand64':
      // Any of the 2^64 UInt64 values, in mk's storage encoding (two's complement in an INTEGER).
      return randomBytes(8).readBigInt64LE();
    case 'canonical':
      return Math.random();
    case 'uuid':
      return randomUUID();
  }
}

const RANDOM = udf(
  'ch_random',
  (kind: Kind, key: string, site: number | bigint) => {
    const at = Number(site);
    let d = draws.get(key);
    if (!d || d.sites.has(at)) {
      if (!d && draws.size >= DRAWS_KEPT) draws.clear();
      d = { value: draw(kind), sites: new Set([at]) };
      draws.set(key, d);
    } else d.sites.add(at);
    return d.value;
  },
  { nullPropagating: false, deterministic: false },
);

let nextSite = 0;
let nextScope = 0;
const scopes = new WeakMap<object, number>();

/** One call site: its key groups identical calls of the same SELECT. */
function randomSql(kind: Kind, name: string, args: readonly EmittedArg[], ctx: EmitContext): string {
  let scope = 0;
  if (ctx.scope) {
    scope = scopes.get(ctx.scope) ?? ++nextScope;
    scopes.set(ctx.scope, scope);
  }
  // A literal is bound anew at each call site (its SQL differs): key constants by value.
  const key = `${scope}:${name}(${args.map((a) => (a.constant !== undefined ? JSON.stringify(a.constant) : a.sql)).join(', ')})`;
  return `${RANDOM}('${kind}', ${ctx.bind(key)}, ${ctx.bind(++nextSite)})`;
}

const random = (name: string, kind: Kind, ret: ChType, aliases: string[] = []): FunctionDef =>
  scalar({
    name,
    aliases,
    min: 0,
    max: Infinity,
    nulls: 'custom',
    ret,
    // rand32 and rand are one function to ClickHouse: their calls share a key under the canonical name.
    emit: (args, ctx) => randomSql(kind, name, args as EmittedArg[], ctx),
  });

export const RANDOM_FUNCTIONS: readonly FunctionDef[] = [
  random('rand', 'rand', T.uint32, ['rand32']),
  random('rand64', 'rand64', T.uint64),
  random('randCanonical', 'canonical', T.float64),
  random('generateUUIDv4', 'uuid', T.uuid, ['generateUUIDv7']),
];
