import type { NodeDef, Setting, TokenDecl, Value } from './ast.js';
import { type Ctx, checkStatement } from './checks.js';
import {
  applyEngine,
  type EngineBuilder,
  finishEngine,
  isEngineKey,
  newEngine,
  plainValue,
  settingOf,
  tagsOf,
  tokenDecl,
} from './common.js';
import { spanOf, tokenRange } from './ranges.js';
import type { NodeSection, Statement } from './statements.js';
import { readValue } from './values.js';

/** What a NODE collects; `tokens` and `tags` go to the file (Tinybird attaches them to the pipe). */
export interface NodeResult {
  readonly node: NodeDef;
  readonly tokens: readonly TokenDecl[];
  readonly tags: readonly string[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Builds a NodeDef from `NODE name` and the statements under it. */
export function buildNode(section: NodeSection, ctx: Ctx): NodeResult {
  const { head, body } = section;
  if (head.value.kind === 'block') ctx.report.error('MK1003', 'NODE does not support multiline arguments', tokenRange(head.keyword));
  const name = plainValue(head, ctx);
  if (name.text === '') ctx.report.error('MK1010', 'Missing node name', tokenRange(head.keyword), 'Write NODE <name>.');
  const node: Mutable<Omit<NodeDef, 'engine' | 'settings' | 'tokens'>> = {
    kind: 'node',
    name: name.text,
    nameRange: name.range,
    range: spanOf(tokenRange(head.keyword), name.range),
  };
  const settings: Setting[] = [];
  const tokens: TokenDecl[] = [];
  const tags: string[] = [];
  let engine: EngineBuilder | undefined;
  for (const s of body) {
    if (!checkStatement(s, ctx)) continue;
    node.range = spanOf(node.range, statementRange(s));
    if (isEngineKey(s.key)) {
      engine ??= newEngine();
      applyEngine(engine, s, ctx);
    } else if (s.key === 'token') {
      const t = tokenDecl(s, ctx, ['READ']);
      if (t) tokens.push(t);
    } else if (s.key === 'tags') {
      tags.push(...tagsOf(s));
    } else {
      applyNodeField(node, settings, s, ctx);
    }
  }
  return { node: { ...node, ...(engine ? { engine: finishEngine(engine) } : {}), tokens: [], settings }, tokens, tags };
}

type NodeFields = Mutable<Omit<NodeDef, 'engine' | 'settings' | 'tokens'>>;

const FIELDS: Record<string, (node: NodeFields, value: Value) => void> = {
  description: (n, v) => (n.description = v),
  datasource: (n, v) => (n.datasource = v),
  target_datasource: (n, v) => (n.targetDatasource = v),
  copy_schedule: (n, v) => (n.copySchedule = v),
  copy_mode: (n, v) => (n.copyMode = v),
  mode: (n, v) => (n.copyMode = v),
  type: (n, v) => {
    n.type = v.text.toLowerCase();
    n.typeRange = v.range;
  },
};

function applyNodeField(node: NodeFields, settings: Setting[], s: Statement, ctx: Ctx): void {
  if (s.key === 'sql') {
    const sql = readValue(s.value, 'sql');
    if (s.value.kind === 'block' && sql.text === '') ctx.report.error('MK1015', 'SQL block is empty', tokenRange(s.keyword));
    node.sql = sql;
    return;
  }
  const field = FIELDS[s.key];
  if (field) field(node, s.key === 'description' ? readValue(s.value, 'text') : plainValue(s, ctx));
  else settings.push(settingOf(s, ctx));
}

/** From the keyword to the end of its value. */
export function statementRange(s: Statement): ReturnType<typeof tokenRange> {
  const v = s.value;
  const last = v.kind === 'block' ? (v.lines[v.lines.length - 1] ?? v.open) : (v.words[v.words.length - 1] ?? s.keyword);
  return tokenRange(s.keyword, last);
}
