import { UserError } from '../diagnostics/user-error.js';

export type StoreErrorCode = 'MK5003' | 'MK5004' | 'MK5005' | 'MK5006';

/** HTTP status per code: unknown datasource 404, schema conflict 409, failed view 422 (as Tinybird's Events API), bad format 400. */
const STATUS: Record<StoreErrorCode, number> = { MK5003: 404, MK5004: 409, MK5005: 422, MK5006: 400 };

/**
 * A store error caused by the request (unknown datasource, failing materialized view …), with its
 * MK5xxx code and the HTTP status the server answers with (src/server/errors.ts reads `status`).
 */
export class StoreError extends UserError {
  readonly status: number;

  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message, [{ code, severity: 'error', message }]);
    this.name = 'StoreError';
    this.status = STATUS[code];
  }
}
