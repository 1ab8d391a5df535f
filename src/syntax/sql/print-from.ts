import type * as A from './ast.js';
import { ident, printExpr, printQuery } from './print.js';

const JOIN_WORDS: Record<A.JoinKind, string> = { inner: 'INNER', left: 'LEFT', right: 'RIGHT', full: 'FULL', cross: 'CROSS', comma: '' };

/** Prints a FROM clause's table expression (joins left-deep, as parsed). */
export function printTable(t: A.TableExpr): string {
  switch (t.kind) {
    case 'table':
      return t.parts.map(ident).join('.') + modifiers(t);
    case 'subqueryTable':
      return `(${printQuery(t.query)})${modifiers(t)}`;
    case 'tableFunction':
      return `${ident(t.name)}(${t.args.map(printExpr).join(', ')})${modifiers(t)}`;
    case 'arrayJoin':
      return `${printTable(t.left)} ${t.leftJoin ? 'LEFT ' : ''}ARRAY JOIN ${t.items.map(printExpr).join(', ')}`;
    case 'join': {
      if (t.joinKind === 'comma') return `${printTable(t.left)}, ${printTable(t.right)}`;
      const words = [t.global ? 'GLOBAL' : '', JOIN_WORDS[t.joinKind], t.strictness?.toUpperCase() ?? '', 'JOIN'].filter(Boolean).join(' ');
      const on = t.on ? ` ON ${printExpr(t.on)}` : t.using ? ` USING (${t.using.map(ident).join(', ')})` : '';
      return `${printTable(t.left)} ${words} ${printTable(t.right)}${on}`;
    }
  }
}

function modifiers(t: A.TableModifiers): string {
  let s = '';
  if (t.alias !== undefined) s += ` AS ${ident(t.alias)}`;
  if (t.final) s += ' FINAL';
  if (t.sample) s += ` SAMPLE ${printExpr(t.sample.ratio)}${t.sample.offset ? ` OFFSET ${printExpr(t.sample.offset)}` : ''}`;
  return s;
}
