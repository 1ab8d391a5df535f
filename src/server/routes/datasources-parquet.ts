import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { FastifyRequest, preParsingAsyncHookHandler } from 'fastify';
import { ParquetReadError, parquetRows } from '../../ingest/parquet.js';
import type { IngestColumn } from '../../ingest/types.js';
import { ApiError } from '../../util/api-error.js';
import { BODY_LIMIT } from '../body.js';
import { filePart } from './datasources-multipart.js';

/**
 * Parquet uploads to `/v0/datasources` (`format=parquet`, raw body or multipart). The app decodes
 * every body as UTF-8 text, which cannot carry binary, so this route keeps the raw bytes aside in a
 * preParsing hook (only for bodies that may be Parquet) and reads them from there.
 */
const RAW = Symbol('rawBody');

type WithRaw = FastifyRequest & { [RAW]?: Buffer };

/** Keeps the request's raw bytes when the body may be Parquet; the stream goes on unchanged. */
export const keepRawBody: preParsingAsyncHookHandler = async (request, _reply, payload) => {
  const query = request.query as Record<string, string | undefined>;
  const type = String(request.headers['content-type'] ?? '');
  if (query.format !== 'parquet' && !/octet-stream|parquet|multipart\//.test(type)) return payload;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    // Past the limit, pass the bytes on so the body parser answers 413 as for any other body.
    if (size > BODY_LIMIT) return Readable.from(chunks.concat(chunk as Buffer));
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks);
  (request as WithRaw)[RAW] = raw;
  const out = Readable.from([raw]) as Readable & { receivedEncodedLength?: number };
  out.receivedEncodedLength = raw.length;
  return out;
};

/** True when the upload is a `.parquet` file part or a Parquet content type (format not given). */
export function looksLikeParquet(request: FastifyRequest, filename: string | undefined): boolean {
  return /\.parquet(\.gz)?$/i.test(filename ?? '') || /parquet/.test(String(request.headers['content-type'] ?? ''));
}

/** The Parquet file's rows as objects for `store.append`, columns matched by name. */
export async function parquetUpload(request: FastifyRequest, columns: readonly IngestColumn[]): Promise<Record<string, unknown>[]> {
  let bytes = (request as WithRaw)[RAW];
  if (!bytes) throw new ApiError(400, 'The Parquet body is missing: send it as the raw body or as a multipart file part');
  if (request.headers['content-encoding'] === 'gzip') bytes = gunzip(bytes);
  const type = String(request.headers['content-type'] ?? '');
  if (type.startsWith('multipart/')) {
    // latin1 maps bytes to characters one to one, so the file part's bytes come back intact.
    const part = filePart(bytes.toString('latin1'), type);
    if (!part) throw new ApiError(400, 'The multipart body has no file part: send the file with a filename, or as field "file"');
    bytes = Buffer.from(part.text, 'latin1');
    if (part.filename?.endsWith('.gz')) bytes = gunzip(bytes);
  }
  try {
    return await parquetRows(bytes, columns);
  } catch (error) {
    if (error instanceof ParquetReadError) throw new ApiError(400, error.message);
    throw error;
  }
}

function gunzip(bytes: Buffer): Buffer {
  try {
    const out = gunzipSync(bytes, { maxOutputLength: BODY_LIMIT + 1 });
    if (out.length > BODY_LIMIT) throw new ApiError(413, 'Request body too large: the limit is 10 MB');
    return out;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ApiError(413, 'Request body too large: the limit is 10 MB');
    throw new ApiError(400, 'The body is not valid gzip');
  }
}
