import type { Readable, Writable } from 'node:stream';

/** Where the CLI reads and writes; the bin script passes the process's streams. */
export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  version: string;
}

/** One subcommand: how the top-level help lists it, its own help, and what it does. */
export interface Command {
  /** The word after `cipherx`. */
  name: string;
  /** Its arguments as the top-level help shows them, e.g. `expand [options] [--] <cipher-string>`. */
  usage: string;
  /** What it tells, in a few words. */
  summary: string;
  /** Its whole help text (`cipherx help NAME`, `cipherx NAME --help`). */
  help(): string;
  /** Runs it with the arguments after its name; resolves to the exit status. */
  run(args: string[], io: Io): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;
