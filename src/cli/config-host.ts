// The file system as `scan` reads it: files up to MAX_FILE_BYTES whatever their kind, folders
// listed; each failure a reason in words, never an exception.
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import type { ConfigHost } from '../scan/types.js';
import { MAX_FILE_BYTES } from './read-file.js';

const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  ELOOP: 'too many symbolic links',
  EAGAIN: 'nothing to read (a device that waits for input)',
};

/** Reads and lists through node:fs; `texts` keeps every text read (for carets in the output). */
export function fileSystemHost(texts: Map<string, string>): ConfigHost {
  return {
    readFile(path) {
      let fd: number;
      try {
        // Not blocking: opening a FIFO no one writes to would wait for ever.
        fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
      } catch (e) {
        return { error: why(e) };
      }
      try {
        const chunks: Buffer[] = [];
        let total = 0;
        // A regular file is read in one piece of its size (and one byte more, to see it end);
        // anything else (a device, a pipe) in pieces, up to the cap.
        const stat = fstatSync(fd);
        if (stat.isFIFO() || stat.isSocket()) return { error: 'a pipe or a socket, not a file' };
        const first = stat.isFile() ? Math.min(stat.size + 1, MAX_FILE_BYTES + 1) : 1 << 16;
        for (;;) {
          const buffer = Buffer.allocUnsafe(
            chunks.length === 0 ? first : Math.min(1 << 16, MAX_FILE_BYTES + 1 - total),
          );
          const n = readSync(fd, buffer, 0, buffer.length, null);
          if (n === 0) break;
          chunks.push(buffer.subarray(0, n));
          total += n;
          if (total > MAX_FILE_BYTES)
            return { error: `larger than ${MAX_FILE_BYTES} bytes; cipherx reads at most that` };
        }
        const bytes = Buffer.concat(chunks);
        if (bytes.includes(0)) return { error: 'a binary file (it holds NUL bytes)' };
        const text = bytes.toString('utf8');
        texts.set(path, text);
        return { text };
      } catch (e) {
        return { error: why(e) };
      } finally {
        closeSync(fd);
      }
    },
    directoryId(path) {
      try {
        const stat = statSync(path);
        return `${stat.dev}:${stat.ino}`;
      } catch {
        return null;
      }
    },
    listDirectory(path) {
      try {
        if (!statSync(path).isDirectory()) return null;
        return readdirSync(path);
      } catch {
        return null;
      }
    },
  };
}

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return Object.hasOwn(WHY, code) ? WHY[code]! : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
}
