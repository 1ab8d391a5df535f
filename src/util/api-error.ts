/**
 * An error with an HTTP status, raised below the server (workspace, deploy) and mapped by the server to
 * Tinybird's error body `{"error": message}`. Anything without a status is a 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra fields for the JSON body (Tinybird adds `documentation` on some errors). */
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
