/**
 * RFC 4180 CSV, streaming: feed chunks with `push`, get complete records back; `end` flushes the
 * last record. Quoted fields may hold delimiters, newlines and `""`; CRLF and LF both end records.
 * The delimiter is Tinybird's `dialect_delimiter` (default `,`).
 */
export class CsvParser {
  private field = '';
  private record: string[] = [];
  private quoted = false;
  /** True right after a closing quote, until the next delimiter or newline. */
  private afterQuote = false;
  private fieldStarted = false;
  private pendingCr = false;

  constructor(private readonly delimiter = ',') {
    if (delimiter.length !== 1) throw new Error('CSV delimiter must be one character');
  }

  /** Parses a chunk; returns the records it completed. */
  push(chunk: string): string[][] {
    const out: string[][] = [];
    const d = this.delimiter;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (c === '\n') continue;
      }
      if (this.quoted) {
        if (c === '"') {
          if (i + 1 < chunk.length) {
            if (chunk[i + 1] === '"') {
              this.field += '"';
              i++;
            } else {
              this.quoted = false;
              this.afterQuote = true;
            }
          } else {
            // A quote at the chunk's end: decide when the next chunk arrives.
            this.quoted = false;
            this.afterQuote = true;
          }
        } else this.field += c;
        continue;
      }
      if (c === '"' && this.afterQuote) {
        // `""` split across chunks: the quote reopens with a literal quote.
        this.field += '"';
        this.quoted = true;
        this.afterQuote = false;
      } else if (c === '"' && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
      } else if (c === d) this.endField();
      else if (c === '\n' || c === '\r') {
        this.pendingCr = c === '\r';
        this.endRecord(out);
      } else {
        this.field += c;
        this.fieldStarted = true;
        this.afterQuote = false;
      }
    }
    return out;
  }

  /** Flushes the last record (a file need not end with a newline). */
  end(): string[][] {
    const out: string[][] = [];
    if (this.fieldStarted || this.record.length > 0 || this.field !== '') this.endRecord(out);
    return out;
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
    this.fieldStarted = false;
    this.afterQuote = false;
  }

  private endRecord(out: string[][]): void {
    this.endField();
    // A blank line is no record.
    if (!(this.record.length === 1 && this.record[0] === '')) out.push(this.record);
    this.record = [];
  }
}

/** Parses a whole CSV text. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const p = new CsvParser(delimiter);
  return [...p.push(text), ...p.end()];
}
