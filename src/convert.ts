import { requireLibrary } from './library/registry.js';
import { boringsslTable, opensslTable } from './library/tables.js';
import type { TargetName } from './library/registry.js';

/** A suite name and its counterpart, as `openssl ciphers -convert` pairs them. */
export interface ConvertedName {
  /** The name as given. */
  input: string;
  /** The suite's OpenSSL name; null when the target has no suite of that name. */
  openssl: string | null;
  /** The suite's IANA (RFC) name; null when the target has no suite of that name. */
  iana: string | null;
}

/**
 * Looks each name up among every suite the target's build knows (available or not, TLS 1.3 and
 * signalling values included: what OPENSSL_cipher_name searches) by IANA name, then by OpenSSL
 * name, and gives both names of the suite found. Throws a TypeError for an unknown target.
 */
export function convertNames(names: readonly string[], options: { target?: TargetName } = {}): ConvertedName[] {
  if (!Array.isArray(names)) throw new TypeError('convertNames: names must be an array of strings');
  const lib = requireLibrary(options?.target, 'convertNames');
  const byIana = new Map<string, { openssl: string; iana: string }>();
  const byName = new Map<string, { openssl: string; iana: string }>();
  const add = (openssl: string, iana: string | null) => {
    if (iana === null) return;
    const pair = { openssl, iana };
    if (!byIana.has(iana)) byIana.set(iana, pair);
    if (!byName.has(openssl)) byName.set(openssl, pair);
  };
  if (lib.family === 'boringssl') {
    for (const s of boringsslTable(lib).suites) add(s.data.name, s.data.stdname);
  } else {
    const d = opensslTable(lib).data;
    for (const s of [...d.tls13Suites, ...d.suites, ...d.scsvs]) add(s.name, s.stdname);
  }
  return names.map((input) => {
    if (typeof input !== 'string') throw new TypeError('convertNames: names must be strings');
    const found = byIana.get(input) ?? byName.get(input);
    return { input, openssl: found?.openssl ?? null, iana: found?.iana ?? null };
  });
}
