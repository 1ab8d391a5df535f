import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { type Project, resourceName } from '../../project/project.js';
import { resolveDatasource } from './check-datasource.js';
import { checkPipe, type PipeKind, pipeKind } from './check-pipe.js';
import type { ResolvedDatasource } from './resolved.js';

export interface AnalyzedPipe {
  readonly name: string;
  readonly path: string;
  readonly kind: PipeKind;
  /** The node whose result the pipe serves or writes (its TYPE node, else the last node). */
  readonly outputNode: string;
}

export interface ProjectAnalysis {
  readonly datasources: readonly ResolvedDatasource[];
  readonly pipes: readonly AnalyzedPipe[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Checks a project's structure: types, engines, names, references between resources. No SQL yet. */
export function analyzeProject(project: Project): ProjectAnalysis {
  const diagnostics: Diagnostic[] = [];
  const datasources: ResolvedDatasource[] = [];
  const owners = new Map<string, string>();
  const claim = (name: string, path: string) => {
    const other = owners.get(name);
    if (other !== undefined) {
      diagnostics.push(diagnostic('MK2001', `'${name}' is defined by both ${other} and ${path}`, { file: path, range: startOfFile() }));
    }
    owners.set(name, path);
  };

  for (const file of project.datasources) {
    claim(resourceName(file.path), file.path);
    const { datasource, diagnostics: found } = resolveDatasource(file);
    datasources.push(datasource);
    diagnostics.push(...found);
  }
  const dsNames = new Set(datasources.map((d) => d.name));
  const pipes: AnalyzedPipe[] = [];
  for (const file of project.pipes) {
    const name = resourceName(file.path);
    claim(name, file.path);
    diagnostics.push(...checkPipe(file, (n) => dsNames.has(n)));
    const { kind, node, byFolder } = pipeKind(file);
    if (byFolder && node) {
      diagnostics.push(
        diagnostic(
          'MK2024',
          `Pipe ${name} has no TYPE: served as an endpoint from its last node '${node.name}', as Tinybird Classic published it`,
          { file: file.path, range: node.nameRange },
          { severity: 'warning' },
        ),
      );
    }
    const outputNode = node?.name ?? file.nodes[file.nodes.length - 1]?.name ?? '';
    pipes.push({ name, path: file.path, kind, outputNode });
  }
  for (const fixture of project.fixtures) {
    if (!dsNames.has(fixture.datasource)) {
      diagnostics.push(
        diagnostic(
          'MK2020',
          `Fixture ${fixture.path} has no datasource named '${fixture.datasource}'`,
          { file: fixture.path },
          { severity: 'warning' },
        ),
      );
    }
  }
  return { datasources, pipes, diagnostics };
}

function startOfFile() {
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}
