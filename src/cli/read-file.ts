import * as fs from 'node:fs';
import { FileError } from './args.js';

/** The most a command reads of a file given on the command line (a peer file, a list). */
export const MAX_FILE_BYTES = 4 << 20;

const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
};

/**
 * The bytes of a file, read up to `max` whatever kind of file it is (a device such as /dev/zero,
 * a pipe, a FIFO never grows memory past that); a usage error naming `what` when it cannot be
 * read or is larger.
 */
export async function readFileCapped(path: string, what: string, max = MAX_FILE_BYTES): Promise<Buffer> {
  const fail = (e: NodeJS.ErrnoException): never => {
    throw new FileError(`cannot read ${what} ${path}: ${Object.hasOwn(WHY, e.code ?? '') ? WHY[e.code!] : e.message}`);
  };
  // Node loads its promise API on first use (`fs.promises`): with the module, it would cost a
  // command that reads no file about a millisecond of start-up.
  const file = await fs.promises.open(path, 'r').catch(fail);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(Math.min(1 << 16, max + 1 - total));
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null).catch(fail);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) throw new FileError(`${what} ${path} is larger than ${max} bytes; cipherx reads at most that`);
    }
    return Buffer.concat(chunks);
  } finally {
    await file.close();
  }
}
