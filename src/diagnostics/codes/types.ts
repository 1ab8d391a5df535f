export interface CodeInfo {
  /** Short title, shown in docs/errors.md. */
  readonly title: string;
  /** Default hint when the diagnostic does not carry a more specific one. */
  readonly hint?: string;
}
