import type { Readable } from 'node:stream';

/** The longest line --batch reads (in UTF-16 code units); a longer one is skipped with an error. */
export const MAX_LINE = 1 << 20;

/** A line longer than MAX_LINE: its text is not kept, only its length so far. */
export interface LongLine {
  tooLong: true;
  /** How many code units it had (counted up to the end of the line). */
  length: number;
}

/** One line of standard input as --batch sees it: its text, or the note that it was too long. */
export type BatchLine = string | LongLine;

/**
 * The lines of a stream, grouped by the chunk they arrived in so a caller can answer (and flush)
 * between chunks. A line ends at `\n`, and one `\r` right before that `\n` is dropped (files
 * written on Windows); any other `\r`, the last byte of the input included, belongs to the
 * string, as it would for OpenSSL. Each chunk is scanned once, so time is linear in the input,
 * and memory stays below MAX_LINE however long a line is.
 */
export async function* readLineBatches(input: Readable): AsyncGenerator<BatchLine[]> {
  input.setEncoding('utf8');
  let parts: string[] = [];
  let pending = 0;
  let long: LongLine | null = null;
  /** Adds text to the line being read: kept up to MAX_LINE, past that only counted. */
  const keep = (piece: string) => {
    if (long) long.length += piece.length;
    else if (pending + piece.length > MAX_LINE) {
      long = { tooLong: true, length: pending + piece.length };
      parts = [];
    } else if (piece !== '') {
      parts.push(piece);
      pending += piece.length;
    }
  };
  /** The line read so far, as a whole; the next one starts empty. */
  const take = (): BatchLine => {
    const line: BatchLine = long ?? (parts.length === 1 ? parts[0]! : parts.join(''));
    parts = [];
    pending = 0;
    long = null;
    return line;
  };
  for await (const chunk of input as AsyncIterable<string>) {
    const lines: BatchLine[] = [];
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', from)) {
      keep(chunk.slice(from, nl));
      const line = take();
      lines.push(typeof line === 'string' && line.endsWith('\r') ? line.slice(0, -1) : line);
      from = nl + 1;
    }
    keep(chunk.slice(from));
    if (lines.length > 0) yield lines;
  }
  // The last line has no `\n`: a `\r` at its end is part of it.
  if (long || pending > 0) yield [take()];
}

/** The lines of a stream, one by one (see readLineBatches). */
export async function* readLines(input: Readable): AsyncGenerator<BatchLine> {
  for await (const batch of readLineBatches(input)) yield* batch;
}
