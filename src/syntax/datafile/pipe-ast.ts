import type { IncludeFile, NodeDef, PipeFile, Setting, TokenDecl, Value } from './ast.js';
import { type Ctx, checkStatement } from './checks.js';
import { settingOf, tagsOf, tokenDecl, versionOf } from './common.js';
import { isNodeOnly } from './keywords.js';
import { buildNode } from './node-ast.js';
import { tokenRange } from './ranges.js';
import type { FileStatements, NodeSection } from './statements.js';
import { readValue } from './values.js';

/** Builds a `.pipe` AST: file-level DESCRIPTION/TOKEN/TAGS/VERSION, then the nodes. */
export function buildPipe(file: FileStatements, path: string, ctx: Ctx): PipeFile {
  let description: Value | undefined;
  let version: Value | undefined;
  const tokens: TokenDecl[] = [];
  const tags: string[] = [];
  const settings: Setting[] = [];
  // After an unknown instruction before any NODE (typically a misspelt NODE), "must come after a NODE"
  // errors would only repeat the same mistake.
  let sawUnknown = false;
  for (const s of file.header) {
    if (!checkStatement(s, ctx)) {
      sawUnknown = true;
      continue;
    }
    if (isNodeOnly(s.key)) {
      if (!sawUnknown) ctx.report.error('MK1004', `${s.key.toUpperCase()} must be called after a NODE command`, tokenRange(s.keyword));
    } else if (s.key === 'description') description = readValue(s.value, 'text');
    else if (s.key === 'token') {
      const t = tokenDecl(s, ctx, ['READ']);
      if (t) tokens.push(t);
    } else if (s.key === 'tags') tags.push(...tagsOf(s));
    else if (s.key === 'version') version = versionOf(s, ctx);
    else settings.push(settingOf(s, ctx));
  }
  const nodes: NodeDef[] = [];
  for (const section of file.nodes) {
    const built = buildNode(section, ctx);
    nodes.push(built.node);
    tokens.push(...built.tokens);
    tags.push(...built.tags);
  }
  return {
    kind: 'pipe',
    path,
    ...(description ? { description } : {}),
    tokens,
    tags,
    nodes,
    ...(version ? { version } : {}),
    settings,
  };
}

/** Builds an `.incl` AST: a fragment, so file-level instructions are kept as plain settings. */
export function buildInclude(file: FileStatements, path: string, ctx: Ctx): IncludeFile {
  const settings = file.header.filter((s) => checkStatement(s, ctx)).map((s) => settingOf(s, ctx));
  // A fragment has no pipe to hold node TOKENs, so they stay on their node.
  const nodes = file.nodes.map((n) => {
    const built = buildNode(n, ctx);
    const kept = built.tags.length > 0 ? [tagsSetting(built.tags, n)] : [];
    return { ...built.node, tokens: built.tokens, settings: [...built.node.settings, ...kept] };
  });
  return { kind: 'include', path, nodes, settings };
}

/** In a fragment, node TAGS stay on their node as a plain setting. */
function tagsSetting(tags: readonly string[], n: NodeSection): Setting {
  const range = tokenRange(n.head.keyword);
  const value = { text: tags.join(', '), range, lines: [range.start], multiline: false };
  return { kind: 'setting', key: 'TAGS', keyRange: range, value };
}
