import type { Project } from '../project/project.js';

const EQUALS = /[`"]?(\w+)[`"]?\s*(?:=|==|!=|<>)\s*'([^'{}%]*)'/g;
const IN_LIST = /[`"]?(\w+)[`"]?\s+(?:NOT\s+)?IN\s*[([]([^)\]]*)[)\]]/gi;
const LIKE = /[`"]?(\w+)[`"]?\s+(?:NOT\s+)?I?LIKE\s+'([^'{}]*)'/gi;

/**
 * String literals the project's pipes compare columns with (`level = 'ERROR'`, `type IN ('a', 'b')`,
 * `path LIKE '/blog/%'`), by column name. The generator draws from them so filters keep some rows.
 */
export function literalVocabulary(project: Project): Map<string, string[]> {
  const vocabulary = new Map<string, Set<string>>();
  const add = (column: string, value: string) => {
    const set = vocabulary.get(column) ?? new Set<string>();
    if (set.size < 20) set.add(value);
    vocabulary.set(column, set);
  };
  for (const pipe of project.pipes) {
    for (const node of pipe.nodes) {
      const sql = node.sql?.text ?? '';
      for (const m of sql.matchAll(EQUALS)) add(m[1]!, m[2]!);
      for (const m of sql.matchAll(IN_LIST)) for (const q of m[2]!.matchAll(/'([^'{}%]*)'/g)) add(m[1]!, q[1]!);
      for (const m of sql.matchAll(LIKE)) add(m[1]!, m[2]!.replace(/[%_]/g, ''));
    }
  }
  return new Map([...vocabulary].map(([k, v]) => [k, [...v]]));
}

const NUMBER_EQUALS = /[`"]?(\w+)[`"]?\s*(?:=|==|!=|<>)\s*(-?\d+(?:\.\d+)?)\b(?!\s*[-+*/%])/g;
const NUMBER_IN = /[`"]?(\w+)[`"]?\s+(?:NOT\s+)?IN\s*[([]\s*(-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)*)\s*[)\]]/gi;

/**
 * Numeric literals the pipes compare columns with (`bot = 0`, `status IN (200, 404)`), by column name:
 * a small Int8 column filtered on one value would otherwise almost never hold it.
 */
export function numberVocabulary(project: Project): Map<string, number[]> {
  const vocabulary = new Map<string, Set<number>>();
  const add = (column: string, value: string) => {
    const set = vocabulary.get(column) ?? new Set<number>();
    if (set.size < 20) set.add(Number(value));
    vocabulary.set(column, set);
  };
  for (const pipe of project.pipes) {
    for (const node of pipe.nodes) {
      const sql = node.sql?.text ?? '';
      for (const m of sql.matchAll(NUMBER_EQUALS)) add(m[1]!, m[2]!);
      for (const m of sql.matchAll(NUMBER_IN)) for (const n of m[2]!.split(',')) add(m[1]!, n.trim());
    }
  }
  return new Map([...vocabulary].map(([k, v]) => [k, [...v]]));
}
