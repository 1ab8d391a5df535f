/**
 * The file part of a `multipart/form-data` body, as Tinybird's clients upload local files to
 * `/v0/datasources` (field `csv`, `ndjson` or `file`). The body arrives decoded as UTF-8 text, so
 * text files (CSV, NDJSON) come through; a gzip part does not and is refused by the caller.
 */
export interface FilePart {
  readonly field: string;
  readonly filename?: string;
  readonly text: string;
}

/** Extracts the first file part; undefined when the body has none or the boundary is missing. */
export function filePart(body: string, contentType: string): FilePart | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = `--${boundary?.[1] ?? boundary?.[2] ?? ''}`;
  if (marker === '--') return undefined;
  for (const chunk of body.split(marker).slice(1)) {
    if (chunk.startsWith('--')) break;
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = chunk.slice(0, headerEnd);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const field = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    if (filename === undefined && !['csv', 'ndjson', 'file'].includes(field)) continue;
    // The part's content ends with the CRLF that precedes the next boundary.
    const text = chunk.slice(headerEnd + 4).replace(/\r\n$/, '');
    return { field, ...(filename !== undefined ? { filename } : {}), text };
  }
  return undefined;
}
