import { UserError } from '../diagnostics/user-error.js';

/** A store error caused by the request (unknown datasource, failing materialized view …), with its MK5xxx code. */
export class StoreError extends UserError {
  constructor(
    readonly code: 'MK5003' | 'MK5004' | 'MK5005' | 'MK5006',
    message: string,
  ) {
    super(message, [{ code, severity: 'error', message }]);
    this.name = 'StoreError';
  }
}
