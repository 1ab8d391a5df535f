import { parseTemplate, type RenderOptions, renderTemplate, type TemplateParams } from '../../src/template/index.js';

/** Parses (failing loudly on diagnostics) and renders a template. */
export function render(text: string, params: TemplateParams = {}, options: Partial<RenderOptions> = {}) {
  const { ast, diagnostics } = parseTemplate(text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!ast || errors.length > 0) throw new Error(`parse failed: ${errors.map((d) => d.message).join('; ')}`);
  return renderTemplate(ast, params, { mode: 'run', ...options });
}

export const sqlOf = (text: string, params: TemplateParams = {}, options: Partial<RenderOptions> = {}): string =>
  render(text, params, options).sql;

export const analyze = (text: string, params: TemplateParams = {}): string => sqlOf(text, params, { mode: 'analyze' });

/** The TemplateError a render throws (fails the test when it does not throw). */
export function renderError(text: string, params: TemplateParams = {}, options: Partial<RenderOptions> = {}) {
  try {
    render(text, params, options);
  } catch (e) {
    return e as { message: string; status: number; body?: unknown; name: string };
  }
  throw new Error('expected the render to fail');
}
