import type { PipeKind } from '../analysis/project/check-pipe.js';
import type { NodeSql } from '../analysis/sql/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { NodeDef, PipeFile } from '../syntax/datafile/ast.js';
import {
  discoverParameters,
  isTemplated,
  type ParamInfo,
  parseTemplate,
  renderTemplate,
  type Template,
  type TemplateParams,
  templateErrorFromDiagnostics,
} from '../template/index.js';
import { valuePositionMapper } from './positions.js';

/** A node ready to render: its template parsed once, or its SQL as is. */
export interface PreparedNode {
  readonly name: string;
  readonly def: NodeDef;
  readonly template?: Template;
  /** Set when the template failed to parse: every render answers with this error. */
  readonly brokenTemplate?: Diagnostic[];
}

export type RenderMode = 'run' | 'analyze';

/**
 * A pipe with its templates parsed, its parameters discovered, and a `render` that turns request
 * parameters into the SQL of each node up to the output node.
 */
export class PreparedPipe {
  readonly params: readonly ParamInfo[];

  constructor(
    readonly name: string,
    readonly file: PipeFile,
    readonly kind: PipeKind,
    readonly outputNode: string,
    readonly nodes: readonly PreparedNode[],
  ) {
    this.params = mergeParams(nodes);
  }

  /** Renders each node up to the output node. Throws TemplateError (HTTP 400) for bad parameters. */
  render(params: TemplateParams, mode: RenderMode, secrets?: Readonly<Record<string, string>>): NodeSql[] {
    const out: NodeSql[] = [];
    for (const node of this.nodes) {
      if (node.brokenTemplate) throw templateErrorFromDiagnostics(node.brokenTemplate);
      const source = node.def.sql;
      const sql = node.template
        ? renderTemplate(node.template, params, { mode, ...(secrets ? { secrets } : {}) }).sql
        : (source?.text ?? '');
      out.push({
        name: node.name,
        sql,
        file: this.file.path,
        ...(!node.template && source ? { mapPosition: valuePositionMapper(source) } : {}),
      });
      if (node.name === this.outputNode) break;
    }
    return out;
  }

  get templated(): boolean {
    return this.nodes.some((n) => n.template !== undefined);
  }
}

/** Parses the templates of a pipe's nodes; returns the prepared pipe and template diagnostics. */
export function preparePipe(
  name: string,
  file: PipeFile,
  kind: PipeKind,
  outputNode: string,
): { pipe: PreparedPipe; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const nodes: PreparedNode[] = file.nodes.map((def) => {
    const text = def.sql?.text ?? '';
    if (!def.sql || !isTemplated(text)) return { name: def.name, def };
    const parsed = parseTemplate(text, { mapPosition: valuePositionMapper(def.sql), file: file.path });
    diagnostics.push(...parsed.diagnostics);
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    if (!parsed.ast || errors.length > 0) return { name: def.name, def, brokenTemplate: errors };
    return { name: def.name, def, template: parsed.ast };
  });
  return { pipe: new PreparedPipe(name, file, kind, outputNode, nodes), diagnostics };
}

function mergeParams(nodes: readonly PreparedNode[]): ParamInfo[] {
  const byName = new Map<string, ParamInfo>();
  for (const node of nodes) {
    if (!node.template) continue;
    for (const p of discoverParameters(node.template)) {
      const prev = byName.get(p.name);
      // A typed declaration beats a bare use (`defined(x)`); later descriptions and defaults win.
      if (!prev || (prev.usedIn && !p.usedIn)) byName.set(p.name, p);
      else if (!p.usedIn) byName.set(p.name, { ...prev, ...p });
    }
  }
  return [...byName.values()];
}
