import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { resourceName } from '../../project/project.js';
import type { NodeDef, PipeFile } from '../../syntax/datafile/ast.js';
import { isValidCron } from '../../util/cron.js';

export type PipeKind = 'endpoint' | 'materialized' | 'copy' | 'sink' | 'standard';

const OUTPUT_TYPES = new Set(['endpoint', 'materialized', 'copy', 'sink']);
const STANDARD_TYPES = new Set(['standard', 'default', 'stream']);

/**
 * What a pipe does, from its one non-standard node (a pipe without one is a plain, standard pipe).
 * `byFolder`: a pipe in `endpoints/` with no TYPE on any node is served from its last node, as Tinybird
 * Classic published every pushed pipe (its starter kits have no TYPE lines); Forward wants TYPE endpoint.
 */
export function pipeKind(pipe: PipeFile): { kind: PipeKind; node?: NodeDef; byFolder?: true } {
  const node = pipe.nodes.find((n) => n.type !== undefined && OUTPUT_TYPES.has(n.type));
  if (node) return { kind: node.type as PipeKind, node };
  const last = pipe.nodes[pipe.nodes.length - 1];
  if (last && pipe.nodes.every((n) => n.type === undefined) && /(^|\/)endpoints\//.test(pipe.path))
    return { kind: 'endpoint', node: last, byFolder: true };
  return { kind: 'standard' };
}

/**
 * Per-pipe rules Tinybird enforces on build: at least one node, unique node names, one output node,
 * and the settings each output type needs. `datasourceExists` answers for TARGET/DATASOURCE names.
 */
export function checkPipe(pipe: PipeFile, datasourceExists: (name: string) => boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = pipe.path;
  const name = resourceName(file);
  if (pipe.nodes.length === 0) {
    out.push(diagnostic('MK2010', `Pipe ${name} has no nodes`, { file, range: startOfFile() }));
    return out;
  }
  const seen = new Set<string>();
  for (const node of pipe.nodes) {
    if (seen.has(node.name)) out.push(diagnostic('MK2011', `Node '${node.name}' is defined twice`, { file, range: node.nameRange }));
    seen.add(node.name);
    if (node.name === name) {
      out.push(
        diagnostic('MK2022', `Node '${node.name}' has the same name as its pipe`, { file, range: node.nameRange }, { severity: 'warning' }),
      );
    }
    if (!node.sql || node.sql.text.trim() === '')
      out.push(diagnostic('MK2019', `Node '${node.name}' has no SQL`, { file, range: node.nameRange }));
    if (node.type !== undefined && !OUTPUT_TYPES.has(node.type) && !STANDARD_TYPES.has(node.type)) {
      out.push(
        diagnostic('MK2018', `Unknown TYPE '${node.type}' on node '${node.name}'`, { file, range: node.typeRange ?? node.nameRange }),
      );
    }
    for (const token of node.tokens) checkReadToken(token.permission, file, token.range, out);
  }
  for (const token of pipe.tokens) checkReadToken(token.permission, file, token.range, out);

  const outputs = pipe.nodes.filter((n) => n.type !== undefined && OUTPUT_TYPES.has(n.type));
  for (const extra of outputs.slice(1)) {
    out.push(
      diagnostic('MK2012', 'Multiple non-standard nodes in pipe. There can only be one', {
        file,
        range: extra.typeRange ?? extra.nameRange,
      }),
    );
  }
  const output = outputs[0];
  if (output?.type === 'materialized') checkMaterialized(output, file, datasourceExists, out);
  if (output?.type === 'copy') checkCopy(output, file, datasourceExists, out);
  return out;
}

function checkMaterialized(node: NodeDef, file: string, exists: (n: string) => boolean, out: Diagnostic[]) {
  if (!node.datasource) {
    out.push(diagnostic('MK2013', `Materialized node '${node.name}' needs DATASOURCE`, { file, range: node.typeRange ?? node.nameRange }));
  } else if (!exists(node.datasource.text) && !node.engine) {
    out.push(diagnostic('MK2014', `Datasource '${node.datasource.text}' does not exist`, { file, range: node.datasource.range }));
  }
}

function checkCopy(node: NodeDef, file: string, exists: (n: string) => boolean, out: Diagnostic[]) {
  if (!node.targetDatasource) {
    out.push(diagnostic('MK2015', `Copy node '${node.name}' needs TARGET_DATASOURCE`, { file, range: node.typeRange ?? node.nameRange }));
  } else if (!exists(node.targetDatasource.text)) {
    out.push(
      diagnostic('MK2014', `Datasource '${node.targetDatasource.text}' does not exist`, { file, range: node.targetDatasource.range }),
    );
  }
  const mode = node.copyMode?.text.toLowerCase();
  if (node.copyMode && mode !== 'append' && mode !== 'replace') {
    out.push(diagnostic('MK2016', `COPY_MODE '${node.copyMode.text}' is not append or replace`, { file, range: node.copyMode.range }));
  }
  const schedule = node.copySchedule?.text.trim();
  if (node.copySchedule && schedule !== '@on-demand' && schedule !== '@once' && !isValidCron(schedule ?? '')) {
    out.push(diagnostic('MK2017', `COPY_SCHEDULE '${schedule}' is not a valid cron expression`, { file, range: node.copySchedule.range }));
  }
}

function checkReadToken(permission: string, file: string, range: NodeDef['range'], out: Diagnostic[]) {
  if (permission !== 'READ') {
    out.push(diagnostic('MK2021', `Pipe tokens can only have READ permission, not ${permission}`, { file, range }));
  }
}

function startOfFile() {
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}
