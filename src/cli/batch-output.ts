import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { MAX_LINE, type LongLine } from './read-lines.js';

/**
 * Standard output for --batch: text is gathered and written in chunks, each write waits for the
 * stream to drain when it asks to (so a slow reader holds memory at one chunk), and once the
 * reader has gone away (EPIPE) nothing more is written.
 */
export class BatchOutput {
  private text = '';
  /** The reader went away: stop reading input too. */
  closed = false;

  constructor(private readonly stream: Writable) {
    stream.on('error', () => {
      this.closed = true; // EPIPE and the like: nobody reads any more
    });
  }

  /** Adds text; writes it out once 64 KiB have gathered. */
  async write(text: string): Promise<void> {
    this.text += text;
    if (this.text.length > 65536) await this.flush();
  }

  /** Writes what has gathered, and waits while the stream's buffer is full. */
  async flush(): Promise<void> {
    if (this.text === '' || this.closed) return;
    const chunk = this.text;
    this.text = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain').catch(() => undefined);
  }
}

/** Why --batch does not read a line: the message, as JSON carries it (the text form adds `error[line-too-long]: `). */
export function longLineMessage(line: LongLine, number: number): string {
  return `line ${number} has ${line.length} characters; --batch reads lines of at most ${MAX_LINE}`;
}
