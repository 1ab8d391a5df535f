import { analyzeProject, type ProjectAnalysis } from '../analysis/project/check-project.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project } from '../project/project.js';
import { checkPipeSql } from '../workspace/check-sql.js';
import { nodeDefinedTargets } from '../workspace/node-targets.js';
import { type PreparedPipe, preparePipe } from '../workspace/pipe.js';

export interface CompileCheck {
  readonly analysis: ProjectAnalysis;
  /** Error messages of each datafile (parse, structure, template, SQL), by path; absent when clean. */
  readonly errors: ReadonlyMap<string, readonly string[]>;
  readonly pipes: ReadonlyMap<string, PreparedPipe>;
}

/**
 * The build-time checks `buildWorkspace` runs, pipe by pipe. The build itself stops checking SQL once
 * any file has an error, so one bad datasource would hide every pipe's result; here each pipe is
 * checked on its own (templates rendered in analyze mode, every node compiled against the schemas).
 */
export function checkProject(project: Project, parseDiagnostics: readonly Diagnostic[]): CompileCheck {
  const errors = new Map<string, string[]>();
  const add = (file: string | undefined, message: string) => {
    if (file === undefined) return;
    const list = errors.get(file) ?? [];
    if (!list.includes(message)) list.push(message);
    errors.set(file, list);
  };
  const addAll = (ds: readonly Diagnostic[], fallback?: string) => {
    for (const d of ds) if (d.severity === 'error') add(d.file ?? fallback, d.message);
  };
  addAll(parseDiagnostics);
  const analysis = analyzeProject(project);
  addAll(analysis.diagnostics);

  const pipes = new Map<string, PreparedPipe>();
  for (const info of analysis.pipes) {
    const file = project.pipes.find((p) => p.path === info.path);
    if (!file) continue;
    const { pipe, diagnostics } = preparePipe(info.name, file, info.kind, info.outputNode);
    addAll(diagnostics, info.path);
    pipes.set(info.name, pipe);
  }
  // Targets that classic materialized nodes define (ENGINE in the node) are tables like any other, as
  // the build creates them; a view whose own SQL fails is then blamed once, by its pipe check below.
  let datasources = analysis.datasources;
  try {
    datasources = [...datasources, ...nodeDefinedTargets(pipes, datasources).datasources];
  } catch {
    // A crash here resurfaces as the failing pipe's own check.
  }
  for (const pipe of pipes.values()) {
    if (errors.has(pipe.file.path)) continue;
    try {
      addAll(checkPipeSql(pipe, datasources, pipes).diagnostics, pipe.file.path);
    } catch (error) {
      add(pipe.file.path, `crash: ${(error as Error).message}`);
    }
  }
  return { analysis, errors, pipes };
}
