/**
 * A template failed to render for a reason the caller should see (bad parameter, `error()`, missing value).
 * The server maps it to HTTP `status` with `{"error": message}`, or `body` when `custom_error` set one.
 */
export class TemplateError extends Error {
  readonly status: number;
  readonly body?: unknown;
  /** Set for "Required parameter is not defined", so the renderer can name the missing parameters. */
  readonly requiredParam: boolean;

  constructor(message: string, opts: { status?: number; body?: unknown; requiredParam?: boolean } = {}) {
    super(message);
    this.name = 'TemplateError';
    this.status = opts.status ?? 400;
    if (opts.body !== undefined) this.body = opts.body;
    this.requiredParam = opts.requiredParam ?? false;
  }
}

/** Tinybird's `SQLTemplateException`: the message gets the "Template Syntax Error: " prefix. */
export function templateSyntaxError(message: string): TemplateError {
  return new TemplateError(`Template Syntax Error: ${message}`);
}

export const REQUIRED_PARAM_NOT_DEFINED = 'Required parameter is not defined';
