import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** One row of a golden corpus recorded from a real build (see test/fixtures/README.md). */
export interface CorpusRow {
  id: number;
  source: 'curated' | 'random';
  label?: string;
  input: string;
  input_hex?: string;
  ok: boolean;
  error: string | null;
  ciphers: string[];
  seclevel?: number;
  supported?: string[];
}

export function loadCorpus(file: string): CorpusRow[] {
  const path = fileURLToPath(new URL(`../fixtures/corpus/${file}.gz`, import.meta.url));
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusRow);
}

/** The error kind from OpenSSL's error line, in the API's words. */
export function errorKind(error: string | null): string | null {
  if (error === null) return null;
  if (/invalid command/i.test(error) || /INVALID_COMMAND/.test(error)) return 'invalid-command';
  if (/no cipher match/i.test(error) || /NO_CIPHER_MATCH/.test(error)) return 'no-cipher-match';
  return error;
}
