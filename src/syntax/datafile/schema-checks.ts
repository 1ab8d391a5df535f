import type { CstNode, IToken } from 'chevrotain';
import type { Range } from '../../diagnostics/diagnostic.js';
import type { BlockText } from './block-text.js';
import { allTokens } from './cst.js';
import type { Reporter } from './report.js';

/** Characters Tinybird accepts in a column name written without backticks. */
const BARE_NAME_CHAR = /[A-Za-z0-9._`*<>+\-']/;

/** Tinybird's checks on a bare column name: valid characters, and no INDEX definitions. */
export function checkColumnName(name: string, block: BlockText, offset: number, report: Reporter): void {
  if (name === 'INDEX') {
    report.error('MK1106', 'Forbidden INDEX definition', block.rangeOf(offset, offset + name.length));
    return;
  }
  const bad = [...name].findIndex((c) => !BARE_NAME_CHAR.test(c));
  if (bad >= 0) {
    const c = name.charAt(bad);
    report.error('MK1107', `Column name contains invalid character '${c}'`, block.rangeOf(offset + bad, offset + bad + 1));
  }
}

/** Tinybird's type rejections, plus the tell-tale of a missing comma (a type that runs onto the next line). */
export function checkType(type: string, tokens: readonly IToken[], block: BlockText, range: Range, report: Reporter): void {
  const lower = type.toLowerCase();
  if (lower.includes('boolean')) report.error('MK1101', 'Boolean type is not supported', range);
  if (lower.includes('datetime64') && !lower.includes('datetime64(')) {
    report.error('MK1102', 'DateTime64 type without precision is not supported', range);
  }
  if (type === 'Int' || type === 'UInt') {
    const hint = `use one of ${[8, 16, 32, 64, 128, 256].map((n) => `${type}${n}`).join(', ')}`;
    report.error('MK1103', `Precision is mandatory for ${type} types`, range, hint);
  }
  let depth = 0;
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    const t = tokens[i];
    if (!prev || !t) continue;
    depth += /[([]/.test(prev.image) ? 1 : /[)\]]/.test(prev.image) ? -1 : 0;
    const gap = block.text.slice((prev.endOffset ?? prev.startOffset) + 1, t.startOffset);
    if (depth === 0 && gap.includes('\n')) {
      report.error('MK1110', `Missing comma before '${t.image}'`, block.rangeOf(t.startOffset, t.startOffset + t.image.length));
      return;
    }
  }
}

const UNSUPPORTED: Record<string, { code: 'MK1104' | 'MK1105'; message: string; hint?: string }> = {
  NULL: { code: 'MK1104', message: 'NULL column syntax not supported', hint: 'use Nullable(...)' },
  NOT: { code: 'MK1104', message: 'NOT NULL column syntax not supported', hint: 'Columns are not nullable by default' },
  MATERIALIZED: { code: 'MK1105', message: 'MATERIALIZED columns are not supported' },
  ALIAS: { code: 'MK1105', message: 'ALIAS columns are not supported' },
  TTL: { code: 'MK1105', message: 'column TTL is not supported' },
};

/** NULL, NOT NULL, MATERIALIZED, ALIAS and per-column TTL: parsed, then rejected by name. */
export function checkUnsupported(node: CstNode, block: BlockText, report: Reporter): void {
  const tokens = allTokens(node);
  const first = tokens[0];
  if (!first) return;
  const rule = UNSUPPORTED[first.image.toUpperCase()];
  if (!rule) return;
  const last = tokens[tokens.length - 1] ?? first;
  report.error(rule.code, rule.message, block.rangeOf(first.startOffset, (last.endOffset ?? last.startOffset) + 1), rule.hint);
}
