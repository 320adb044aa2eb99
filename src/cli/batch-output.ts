import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { MAX_LINE, type LongLine } from './read-lines.js';

/**
 * Standard output for --batch: text is gathered and written in chunks, each write waits for the
 * stream to drain when it asks to (so a slow reader holds memory at one chunk), and once the
 * reader has gone away (EPIPE) nothing more is written. Pieces may be text or UTF-8 bytes: an
 * answer kept in memory (batch-cache.ts) is encoded once, then only copied.
 */
export class BatchOutput {
  private pieces: Array<string | Uint8Array> = [];
  private size = 0;
  /** The reader went away: stop reading input too. */
  closed = false;

  constructor(private readonly stream: Writable) {
    stream.on('error', () => {
      this.closed = true; // EPIPE and the like: nobody reads any more
    });
  }

  /** Adds a piece; true once 64 KiB have gathered (`full`), when the caller should `await flush()`. */
  add(piece: string | Uint8Array): boolean {
    if (piece.length > 0) {
      this.pieces.push(piece);
      this.size += piece.length;
    }
    return this.full;
  }

  /** Whether 64 KiB have gathered. */
  get full(): boolean {
    return this.size > 65536;
  }

  /** Adds text; writes it out once 64 KiB have gathered. */
  async write(text: string | Uint8Array): Promise<void> {
    if (this.add(text)) await this.flush();
  }

  /** Writes what has gathered, and waits while the stream's buffer is full. */
  async flush(): Promise<void> {
    if (this.size === 0 || this.closed) return;
    const pieces = this.pieces;
    this.pieces = [];
    this.size = 0;
    const chunk =
      pieces.length === 1 && typeof pieces[0] === 'string'
        ? pieces[0]
        : Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    if (!this.stream.write(chunk)) await once(this.stream, 'drain').catch(() => undefined);
  }
}

/** Why --batch does not read a line: the message, as JSON carries it (the text form adds `error[line-too-long]: `). */
export function longLineMessage(line: LongLine, number: number): string {
  return `line ${number} has ${line.length} characters; --batch reads lines of at most ${MAX_LINE}`;
}
