/**
 * Cuts a stream of file bytes into request-sized chunks on record boundaries, so a multi-GB file is
 * sent as a series of ordinary appends with constant memory. NDJSON records end at `\n`; CSV records
 * end at a `\n` outside double quotes (a quoted field may hold newlines). Bytes are scanned, not
 * decoded: `\n` and `"` never occur inside a UTF-8 multi-byte sequence. A chunk is at most
 * `chunkBytes` unless one record alone is longer.
 */
const NL = 0x0a;
const QUOTE = 0x22;

export class ChunkSplitter {
  /** Bytes not yet emitted, in arrival order; they start at a record boundary. */
  private parts: Buffer[] = [];
  private size = 0;

  constructor(
    private readonly format: 'ndjson' | 'csv',
    private readonly chunkBytes: number,
  ) {}

  /** Adds bytes; returns the chunks completed (each ends on a record boundary). */
  push(buf: Buffer): Buffer[] {
    this.parts.push(buf);
    this.size += buf.length;
    // Concatenated only once a chunk's worth has arrived: one allocation per chunk, not per read.
    if (this.size < this.chunkBytes) return [];
    let pending = Buffer.concat(this.parts, this.size);
    const out: Buffer[] = [];
    while (pending.length >= this.chunkBytes) {
      const cut = this.cut(pending);
      if (cut <= 0) break;
      out.push(pending.subarray(0, cut));
      pending = pending.subarray(cut);
    }
    // A copy of the remainder, so the emitted chunks' memory is not kept alive by it.
    this.parts = pending.length > 0 ? [Buffer.from(pending)] : [];
    this.size = pending.length;
    return out;
  }

  /** The last, possibly partial, chunk. */
  end(): Buffer | undefined {
    const last = Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    return last.length > 0 ? last : undefined;
  }

  /** Where to cut: after the last boundary within chunkBytes, else after the first one beyond; 0 if none. */
  private cut(p: Buffer): number {
    if (this.format === 'ndjson') {
      const before = p.lastIndexOf(NL, this.chunkBytes - 1);
      return before >= 0 ? before + 1 : p.indexOf(NL, this.chunkBytes) + 1;
    }
    let quoted = false;
    let last = -1;
    for (let i = 0; i < p.length; i++) {
      const b = p[i];
      if (b === QUOTE) quoted = !quoted;
      else if (b === NL && !quoted) {
        if (i >= this.chunkBytes) return last >= 0 ? last + 1 : i + 1;
        last = i;
      }
    }
    return last + 1;
  }
}

/** The first record of a CSV text (its header, when it has one). */
export function firstRecord(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) return text.slice(0, i + 1);
  }
  return text;
}
