import { isTemplated, parseTemplate, renderTemplate, type TemplateParams, templateErrorFromDiagnostics } from '../template/index.js';
import { ApiError } from '../util/api-error.js';

/**
 * `/v0/sql` queries that start with `%` are templates, as in Tinybird: rendered with the request's
 * parameters (values bound or escaped by the template engine, never spliced) before compiling.
 * Anything else is plain SQL, `{{` included.
 */
export function renderQueryTemplate(q: string, params: TemplateParams, secrets?: Readonly<Record<string, string>>): string {
  if (!isTemplated(q)) return q;
  const parsed = parseTemplate(q);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.ast || errors.length > 0) {
    throw templateErrorFromDiagnostics(errors) ?? new ApiError(400, 'The query template could not be parsed');
  }
  return renderTemplate(parsed.ast, params, { mode: 'run', ...(secrets ? { secrets } : {}) }).sql;
}
