import type { ColumnDef, DatasourceFile, IndexDef, Setting, TokenDecl, Value } from './ast.js';
import { type BlockText, blockText } from './block-text.js';
import { type Ctx, checkStatement } from './checks.js';
import { applyEngine, finishEngine, isEngineKey, newEngine, settingOf, tagsOf, tokenDecl, versionOf } from './common.js';
import { parseIndexes } from './indexes.js';
import { tokenEnd, tokenRange } from './ranges.js';
import { parseSchema } from './schema-to-ast.js';
import type { FileStatements, Statement } from './statements.js';
import type { RawValue } from './values.js';
import { readValue } from './values.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Builds a `.datasource` AST. A NODE here is an error; what follows it is still read as datasource input. */
export function buildDatasource(file: FileStatements, path: string, ctx: Ctx): DatasourceFile {
  const statements: Statement[] = [...file.header];
  for (const n of file.nodes) statements.push(n.head, ...n.body);
  const ds: Mutable<Omit<DatasourceFile, 'engine'>> = {
    kind: 'datasource',
    path,
    tokens: [] as TokenDecl[],
    tags: [] as string[],
    schema: [] as ColumnDef[],
    indexes: [] as IndexDef[],
    settings: [] as Setting[],
  };
  const engine = newEngine();
  for (const s of statements) {
    if (!checkStatement(s, ctx)) continue;
    if (isEngineKey(s.key)) applyEngine(engine, s, ctx);
    else apply(ds, s, ctx);
  }
  if (!ds.schemaRange) {
    const start = { line: 1, column: 1, offset: 0 };
    ctx.report.error('MK1014', 'SCHEMA is mandatory', { start, end: start });
  }
  return { ...ds, engine: finishEngine(engine) };
}

function apply(ds: Mutable<Omit<DatasourceFile, 'engine'>>, s: Statement, ctx: Ctx): void {
  switch (s.key) {
    case 'description':
      ds.description = readValue(s.value, 'text');
      return;
    case 'token': {
      const t = tokenDecl(s, ctx, ['READ', 'APPEND']);
      if (t) ds.tokens = [...ds.tokens, t];
      return;
    }
    case 'tags':
      ds.tags = [...ds.tags, ...tagsOf(s)];
      return;
    case 'schema':
      ds.schemaRange = tokenRange(s.keyword);
      ds.schema = parseSchema(blockOf(s.value), ctx.report);
      return;
    case 'indexes':
      ds.indexes = parseIndexes(blockOf(s.value), ctx.report);
      return;
    case 'forward_query':
      ds.forwardQuery = readValue(s.value, 'sql') satisfies Value;
      return;
    case 'version':
      ds.version = versionOf(s, ctx);
      return;
    default:
      ds.settings = [...ds.settings, settingOf(s, ctx)];
  }
}

/** The text a sub-grammar reads: a block's raw lines, or an inline value's words. */
function blockOf(raw: RawValue): BlockText {
  if (raw.kind === 'block') return blockText(raw.lines, tokenEnd(raw.open));
  const [first] = raw.words;
  if (!first) return blockText([], tokenEnd(raw.keyword));
  const line = { ...first, image: raw.words.map((w) => w.image).join(' ') };
  return blockText([line], tokenEnd(raw.keyword));
}
