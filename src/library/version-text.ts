import { libraries, type Library } from './registry.js';

/** A version text read: the library whose line it names, and the release it names. */
export interface VersionTextMatch {
  lib: Library;
  /** The release as the text gives it, e.g. `OpenSSL 3.0.13`. */
  release: string;
}

/**
 * The library a version text names, as `openssl version` prints it (`OpenSSL 3.0.13 30 Jan
 * 2024`, `LibreSSL 3.3.6`, `OpenSSL 1.1.1w  11 Sep 2023`, `AWS-LC 5.5.0`): its product and release
 * line (`major.minor`, or `1.x.y` before 3.0) must be one a record names. Null when the text is
 * no version text; `{ lib: null, line }` when it names a line cipherx does not have.
 */
export function libraryForVersionText(text: string): VersionTextMatch | { lib: null; line: string } | null {
  const m = /^\s*(OpenSSL|LibreSSL|AWS-LC)\s+(\d+)\.(\d+)\.(\d+)([a-z]{0,2})(?:[\s-]|$)/i.exec(text);
  if (!m) return null;
  const product = libraries().find((l) => l.versionLine?.split(' ')[0]!.toLowerCase() === m[1]!.toLowerCase());
  const name = product?.versionLine?.split(' ')[0] ?? m[1]!;
  const major = Number(m[2]);
  // Before 3.0 OpenSSL's line has three numbers (1.1.1); from 3.0 on two (3.0, 3.5).
  const line = name === 'OpenSSL' && major < 3 ? `${m[2]}.${m[3]}.${m[4]}` : `${m[2]}.${m[3]}`;
  const lib = libraries().find((l) => l.versionLine === `${name} ${line}`);
  const release = `${name} ${m[2]}.${m[3]}.${m[4]}${m[5]}`;
  return lib ? { lib, release } : { lib: null, line: `${name} ${line}` };
}
