import type { CstNode } from 'chevrotain';
import type { ConnectionFile, Datafile, DatafileKind, Setting, Value } from './ast.js';
import { type Ctx, checkStatement } from './checks.js';
import { plainValue, settingOf } from './common.js';
import { buildDatasource } from './datasource-ast.js';
import { buildInclude, buildPipe } from './pipe-ast.js';
import { type FileStatements, readStatements } from './statements.js';
import { readValue } from './values.js';

type Builder = (file: FileStatements, path: string, ctx: Ctx) => Datafile;

const BUILDERS: Record<DatafileKind, Builder> = {
  datasource: buildDatasource,
  pipe: buildPipe,
  connection: buildConnection,
  include: buildInclude,
};

/** Converts the instruction CST into the typed AST for this kind of file, reporting per-file errors. */
export function toAst(cst: CstNode, kind: DatafileKind, path: string, ctx: Ctx): Datafile {
  return BUILDERS[kind](readStatements(cst), path, ctx);
}

function buildConnection(file: FileStatements, path: string, ctx: Ctx): ConnectionFile {
  let description: Value | undefined;
  let type: Value | undefined;
  const settings: Setting[] = [];
  const statements = [...file.header, ...file.nodes.flatMap((n) => [n.head, ...n.body])];
  for (const s of statements) {
    if (!checkStatement(s, ctx)) continue;
    if (s.key === 'description') description = readValue(s.value, 'text');
    else if (s.key === 'type') type = plainValue(s, ctx);
    else settings.push(settingOf(s, ctx));
  }
  return { kind: 'connection', path, ...(description ? { description } : {}), ...(type ? { type } : {}), settings };
}
