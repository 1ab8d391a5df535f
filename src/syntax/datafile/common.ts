import type { Range } from '../../diagnostics/diagnostic.js';
import type { EngineDef, Setting, TokenDecl, Value } from './ast.js';
import type { Ctx } from './checks.js';
import { LEGACY_ENGINE_KEYS, substitutesEnv } from './keywords.js';
import { tokenRange } from './ranges.js';
import { unquote } from './shlex.js';
import type { Statement } from './statements.js';
import { blockValue, inlineValue, readValue } from './values.js';

/** The value of a generic instruction: blocks dedented and stripped, `$VAR` substituted where Tinybird does. */
export function plainValue(s: Statement, ctx: Ctx): Value {
  return readValue(s.value, 'text', substitutesEnv(s.key) ? ctx.env : undefined);
}

/** `TOKEN name PERMISSION`, checked for arity and permission. */
export function tokenDecl(s: Statement, ctx: Ctx, permissions: readonly string[]): TokenDecl | undefined {
  const where = tokenRange(s.keyword);
  if (s.value.kind !== 'inline') return undefined;
  const [name, permission, extra] = s.value.words;
  if (!name || !permission) {
    ctx.report.error('MK1007', 'TOKEN takes two params: token name and permission e.g TOKEN "read api token" READ', where);
    return undefined;
  }
  if (extra) {
    const count = s.value.words.length;
    ctx.report.error(
      'MK1007',
      `Invalid number of arguments for TOKEN command: ${count}. Expected 2 arguments: token name and permission`,
      tokenRange(extra),
    );
  }
  const perm = permission.image.toUpperCase();
  if (perm === 'CREATE') {
    ctx.report.warn('MK1008', 'Permission CREATE is a Classic leftover; use APPEND', tokenRange(permission));
  } else if (!permissions.includes(perm)) {
    const allowed = permissions.join(' and ');
    ctx.report.error(
      'MK1008',
      `Invalid permission: ${permission.image}. Only ${allowed} ${permissions.length > 1 ? 'are' : 'is'} supported`,
      tokenRange(permission),
    );
  }
  return { kind: 'token', name: unquote(name.image), permission: perm, range: tokenRange(s.keyword, permission) };
}

/** `TAGS "a, b, k=v"`: comma-separated entries, trimmed; empty entries dropped. */
export function tagsOf(s: Statement): string[] {
  const text = s.value.kind === 'inline' ? inlineValue(s.value).text : blockValue(s.value, 'text', { unquote: true }).text;
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** `VERSION n`: Classic's integer version; Forward ignores it. */
export function versionOf(s: Statement, ctx: Ctx): Value {
  const value = plainValue(s, ctx);
  if (!/^\s*\d+\s*$/.test(value.text)) {
    ctx.report.warn('MK1009', 'version must be a positive integer e.g VERSION 2', value.range);
  }
  return value;
}

export function isEngineKey(key: string): boolean {
  return key === 'engine' || key.startsWith('engine_') || (LEGACY_ENGINE_KEYS as readonly string[]).includes(key);
}

/** ENGINE and its settings while a file or node is read. */
export interface EngineBuilder {
  type?: string;
  typeRange?: Range;
  readonly params: Record<string, Value>;
  readonly paramKeyRanges: Record<string, Range>;
}

export function newEngine(): EngineBuilder {
  return { params: {}, paramKeyRanges: {} };
}

/** Applies ENGINE, ENGINE_<param> or a legacy key (PARTITION_KEY …). */
export function applyEngine(engine: EngineBuilder, s: Statement, ctx: Ctx): void {
  const value = s.value.kind === 'inline' ? inlineValue(s.value, ctx.env) : blockValue(s.value, 'text', { env: ctx.env, unquote: true });
  if (s.key === 'engine') {
    engine.type = value.text;
    engine.typeRange = value.range;
    return;
  }
  const param = s.key.startsWith('engine_') ? s.key.slice('engine_'.length) : s.key;
  // Forward drops an empty ENGINE_TTL.
  if (param === 'ttl' && value.text === '') return;
  engine.params[param] = value;
  engine.paramKeyRanges[param] = tokenRange(s.keyword);
}

export function finishEngine(engine: EngineBuilder): EngineDef {
  return {
    type: engine.type ?? 'MergeTree',
    ...(engine.typeRange ? { typeRange: engine.typeRange } : {}),
    params: engine.params,
    paramKeyRanges: engine.paramKeyRanges,
  };
}

/** Any other instruction, kept as written, with the value checks Tinybird makes. */
export function settingOf(s: Statement, ctx: Ctx): Setting {
  const value = plainValue(s, ctx);
  const KEY = s.key.toUpperCase();
  if (s.key === 'shared_with' && !value.text.split(/[\n,]/).some((w) => w.trim() !== '')) {
    ctx.report.error('MK1013', 'SHARED_WITH requires at least one workspace name', tokenRange(s.keyword));
  }
  if (s.key === 'include' && value.text === '') {
    ctx.report.error('MK1010', 'INCLUDE needs the path of the file to include', tokenRange(s.keyword));
  }
  if (s.key === 'gcs_service_account_credentials_json' && !value.text.includes('{{') && !isJson(value.text)) {
    ctx.report.error('MK1018', `${KEY} is not valid JSON`, value.range);
  }
  return { kind: 'setting', key: KEY, keyRange: tokenRange(s.keyword), value };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
