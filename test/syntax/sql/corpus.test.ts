import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSelect, printQuery } from '../../../src/syntax/sql/index.js';
import { CORPUS } from '../../helpers/shared.js';
import { withoutRanges } from './without-ranges.js';

/**
 * Grammar coverage over the real corpus: every `SQL >` block of every .pipe. Templated nodes (`%`) are
 * rendered crudely (`{{ … }}` → 1, `{% … %}` tags dropped), so their rate is reported apart.
 */

function pipes(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...pipes(p));
    else if (name.endsWith('.pipe')) out.push(p);
  }
  return out;
}

function sqlBlocks(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^SQL\s*>\s*$/.test(lines[i]!)) continue;
    const body: string[] = [];
    for (i++; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.trim() !== '' && !/^\s/.test(l) && !l.startsWith('%')) break;
      body.push(l);
    }
    i--;
    blocks.push(body.join('\n'));
  }
  return blocks;
}

/** Keeps the first branch of each `{% if %}`, drops other tags, and turns `{{ … }}` into `1`. */
function crudeRender(sql: string): string {
  const out: string[] = [];
  const skipping: boolean[] = [];
  const parts = sql
    .replace(/^\s*%\s*$/m, '')
    .replace(/^\s*#.*$/gm, '')
    .split(/(\{%-?[\s\S]*?-?%\})/);
  for (const part of parts) {
    const tag = /^\{%-?\s*(\w+)/.exec(part)?.[1];
    if (!tag) {
      if (!skipping.includes(true)) out.push(part);
      continue;
    }
    if (['if', 'for', 'while', 'try'].includes(tag)) skipping.push(false);
    else if (['else', 'elif', 'except'].includes(tag) && skipping.length) skipping[skipping.length - 1] = true;
    else if (tag === 'end') skipping.pop();
    out.push(' ');
  }
  return out.join('').replace(/\{\{[\s\S]*?\}\}/g, '1');
}

const exists = (() => {
  try {
    return statSync(CORPUS).isDirectory();
  } catch {
    return false;
  }
})();

describe.skipIf(!exists)('corpus grammar coverage', () => {
  it('parses the SQL nodes of every .pipe, and each prints back to the same AST', () => {
    const stats = { plain: 0, plainOk: 0, templated: 0, templatedOk: 0 };
    const failures: string[] = [];
    for (const file of pipes(CORPUS)) {
      for (const block of sqlBlocks(readFileSync(file, 'utf8'))) {
        const templated = block.trimStart().startsWith('%');
        const sql = templated ? crudeRender(block) : block;
        if (sql.trim() === '') continue;
        const parsed = parseSelect(sql);
        const ok = parsed.diagnostics.length === 0;
        // Every parsed node must print back to SQL that parses to the same AST.
        if (parsed.ast) {
          const again = parseSelect(printQuery(parsed.ast));
          expect(
            again.diagnostics.map((d) => d.code),
            `${file}\n${printQuery(parsed.ast)}`,
          ).toEqual(parsed.diagnostics.map((d) => d.code));
          expect(withoutRanges(again.ast)).toEqual(withoutRanges(parsed.ast));
        }
        if (templated) {
          stats.templated++;
          if (ok) stats.templatedOk++;
          else failures.push(`T ${file}: ${parseSelect(sql).diagnostics[0]?.message}`);
        } else {
          stats.plain++;
          if (ok) stats.plainOk++;
          else failures.push(`${file}: ${parseSelect(sql).diagnostics[0]?.message} @${parseSelect(sql).diagnostics[0]?.range?.start.line}`);
        }
      }
    }
    const plainRate = stats.plainOk / stats.plain;
    const templatedRate = stats.templatedOk / stats.templated;
    console.log(`plain SQL nodes: ${stats.plainOk}/${stats.plain} = ${(plainRate * 100).toFixed(1)}%`);
    console.log(`templated nodes (crudely rendered): ${stats.templatedOk}/${stats.templated} = ${(templatedRate * 100).toFixed(1)}%`);
    if (process.env.MK_CORPUS_FAILURES) console.log(failures.join('\n'));
    // Measured when written: 760/767 plain (99.1%), 647/666 templated (97.1%). Raise, never lower.
    expect(plainRate).toBeGreaterThanOrEqual(0.99);
    expect(templatedRate).toBeGreaterThanOrEqual(0.97);
  });
});
