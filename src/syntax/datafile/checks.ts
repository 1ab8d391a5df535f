import type { DatafileKind } from './ast.js';
import type { Env } from './env.js';
import { ALLOWED_VALUES, allowsMultiline, DEPRECATED, isInstruction } from './keywords.js';
import { tokenRange } from './ranges.js';
import type { Reporter } from './report.js';
import type { Statement } from './statements.js';
import { readValue } from './values.js';

export interface Ctx {
  readonly kind: DatafileKind;
  readonly env: Env;
  readonly report: Reporter;
}

const KIND_NAME: Record<DatafileKind, string> = {
  datasource: 'datasource',
  pipe: 'pipe',
  connection: 'connection',
  include: 'include',
};

/**
 * Per-statement checks Tinybird's own parser makes, whatever the file kind. Returns false for an unknown
 * instruction, which is then left out of the AST.
 */
export function checkStatement(s: Statement, ctx: Ctx): boolean {
  const where = tokenRange(s.keyword);
  const KEY = s.key.toUpperCase();
  if (!isInstruction(ctx.kind, s.key)) {
    if (s.key === 'settings') {
      ctx.report.error('MK1005', 'SETTINGS option is not allowed, use ENGINE_SETTINGS instead.', where);
    } else if (s.key === 'node' && ctx.kind === 'datasource') {
      ctx.report.error('MK1006', 'Datasource files cannot have nodes defined', where);
    } else {
      const hint = suggestion(s.key, ctx.kind);
      ctx.report.error('MK1001', `${KEY} is not a valid option in ${KIND_NAME[ctx.kind]} files.`, where, hint);
    }
    return false;
  }
  if (s.value.kind === 'block' && !allowsMultiline(s.key)) {
    ctx.report.error('MK1003', `${KEY} does not support multiline arguments`, where);
  }
  if (s.key === 'sql' && s.value.kind === 'inline') ctx.report.error('MK1002', 'SQL must be multiline', where);
  const deprecated = DEPRECATED[s.key];
  if (deprecated) ctx.report.warn('MK1012', `${KEY} ${deprecated}`, where);
  const allowed = ALLOWED_VALUES[s.key];
  if (allowed) {
    const value = readValue(s.value, 'text', ctx.env);
    if (!allowed.includes(value.text.toLowerCase())) {
      ctx.report.error('MK1011', `${value.text} is not an allowed value for ${KEY}. Use one of: ${allowed.join(', ')}`, value.range);
    }
  }
  return true;
}

/** "Did you mean NODE?" for a near miss of a known instruction (one edit away). */
function suggestion(word: string, kind: DatafileKind): string | undefined {
  const candidates = ['node', 'sql', 'type', 'description', 'token', 'tags', 'schema', 'engine', 'datasource', 'indexes'];
  const hit = candidates.find((c) => isInstruction(kind, c) && editDistance(word, c) === 1);
  return hit ? `Did you mean ${hit.toUpperCase()}?` : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}
