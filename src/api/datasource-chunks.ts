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
  /** Bytes not yet emitted; always starts at a record boundary. */
  private pending: Buffer = Buffer.alloc(0);

  constructor(
    private readonly format: 'ndjson' | 'csv',
    private readonly chunkBytes: number,
  ) {}

  /** Adds bytes; returns the chunks completed (each ends on a record boundary). */
  push(buf: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? buf : Buffer.concat([this.pending, buf]);
    const out: Buffer[] = [];
    while (this.pending.length >= this.chunkBytes) {
      const cut = this.cut();
      if (cut <= 0) break;
      out.push(this.pending.subarray(0, cut));
      // A copy, so the emitted chunk's memory is not kept alive by what remains.
      this.pending = Buffer.from(this.pending.subarray(cut));
    }
    return out;
  }

  /** The last, possibly partial, chunk. */
  end(): Buffer | undefined {
    const last = this.pending;
    this.pending = Buffer.alloc(0);
    return last.length > 0 ? last : undefined;
  }

  /** Where to cut: after the last boundary within chunkBytes, else after the first one beyond; 0 if none. */
  private cut(): number {
    const p = this.pending;
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
