import type { Readable } from 'node:stream';

/**
 * The lines of a stream, as --batch reads them: a line ends at `\n`, one `\r` right before it is
 * dropped (files written on Windows), any other `\r` belongs to the string.
 */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  let pending = '';
  input.setEncoding('utf8');
  for await (const chunk of input as AsyncIterable<string>) {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) !== -1) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
    }
  }
  if (pending !== '') yield pending.endsWith('\r') ? pending.slice(0, -1) : pending;
}
