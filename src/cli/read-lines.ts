import type { Readable } from 'node:stream';

/**
 * The lines of a stream, as --batch reads them: a line ends at `\n`, one `\r` right before it is
 * dropped (files written on Windows), any other `\r` belongs to the string.
 */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  for await (const batch of readLineBatches(input)) yield* batch;
}

/** The same lines, grouped by the chunk they arrived in, so a caller can flush between chunks. */
export async function* readLineBatches(input: Readable): AsyncGenerator<string[]> {
  let pending = '';
  input.setEncoding('utf8');
  const strip = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
  for await (const chunk of input as AsyncIterable<string>) {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    if (lines.length > 0) yield lines.map(strip);
  }
  if (pending !== '') yield [strip(pending)];
}
