import type { DatafileKind } from './ast.js';

const BY_EXTENSION: Readonly<Record<string, DatafileKind>> = {
  '.datasource': 'datasource',
  '.pipe': 'pipe',
  '.connection': 'connection',
  '.incl': 'include',
};

/** The kind of datafile a path names, by extension; `.pipe` when unknown. */
export function kindOfPath(path: string): DatafileKind {
  const dot = path.lastIndexOf('.');
  return (dot >= 0 ? BY_EXTENSION[path.slice(dot).toLowerCase()] : undefined) ?? 'pipe';
}
