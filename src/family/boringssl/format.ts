import type { BoringsslData } from './table.js';
import type { BoringsslCipher } from './types.js';

/**
 * Output layouts for a BoringSSL result, each reproducing what a real BoringSSL program prints:
 * - `plain`: `bssl ciphers <string>` (tool/ciphers.cc): one IANA name per line; the members of
 *   an equal-preference group between a `[` line and a `]` line, indented by two spaces;
 * - `openssl-name`: `bssl ciphers -openssl-name <string>`: the same with OpenSSL names;
 * - `stdname`: the same as `plain` (the IANA name is already `bssl ciphers`' default);
 * - `v`: one SSL_CIPHER_description() line per suite, newline included, as a program printing
 *   the descriptions of SSL_CTX_get_ciphers gets them (no protocol column, no groups);
 * - `colon`: the OpenSSL names joined by `:` and a newline, as `openssl ciphers` lays out a
 *   list (groups are not shown).
 * Note that `bssl ciphers` itself evaluates its argument in strict mode.
 */
export type BoringsslFormat = 'plain' | 'openssl-name' | 'stdname' | 'v' | 'colon';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/**
 * SSL_CIPHER_description(): `%-23s Kx=%-8s Au=%-4s Enc=%-9s Mac=%-4s\n`. Every column is padded to
 * its width, the last one too; no MAC name of this build is shorter than 4, so no line ends in a
 * space (the recorded table's right-trimmed descriptions are the whole lines).
 */
function description(c: BoringsslCipher, l: BoringsslData['descriptionLayout']): string {
  return `${pad(c.name, l.name)} Kx=${pad(c.kx, l.kx)} Au=${pad(c.au, l.au)} Enc=${pad(c.enc, l.enc)} Mac=${pad(c.mac, l.mac)}\n`;
}

/** The text of `format` for these suites, byte for byte, including the final newline. */
export function formatBoringssl(
  ciphers: readonly BoringsslCipher[],
  format: BoringsslFormat,
  layout: BoringsslData['descriptionLayout'],
): string {
  switch (format) {
    case 'colon':
      return ciphers.map((c) => c.name).join(':') + '\n';
    case 'v':
      return ciphers.map((c) => description(c, layout)).join('');
    case 'plain':
    case 'stdname':
    case 'openssl-name':
      return bsslCiphers(ciphers, format === 'openssl-name');
    default:
      throw new TypeError(`formatBoringssl: unknown format ${JSON.stringify(format)}`);
  }
}

/** tool/ciphers.cc: `[` before the first member of a group, `]` after its last, members indented. */
function bsslCiphers(ciphers: readonly BoringsslCipher[], opensslName: boolean): string {
  let out = '';
  let lastInGroup = false;
  for (const c of ciphers) {
    const inGroup = c.inGroupWithNext;
    if (inGroup && !lastInGroup) out += '[\n  ';
    else if (lastInGroup) out += '  ';
    out += (opensslName ? c.name : (c.stdname ?? c.name)) + '\n';
    if (!inGroup && lastInGroup) out += ']\n';
    lastInGroup = inGroup;
  }
  return out;
}
