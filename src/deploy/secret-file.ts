import { chmodSync, writeFileSync } from 'node:fs';

/** Writes a file only its owner can read (mode 0600): tokens and credentials. */
export function writeSecretFile(path: string, content: string): void {
  writeFileSync(path, content.endsWith('\n') ? content : `${content}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}
