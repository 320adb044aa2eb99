import { formatBoringssl } from '../family/boringssl/format.js';
import { requireLibrary } from '../library/registry.js';
import { boringsslTable, opensslTable } from '../library/tables.js';
import type { Layout } from '../family/openssl/target.js';
import type { Cipher } from '../core/types.js';
import type { TargetName } from '../library/registry.js';

/**
 * The output modes of `openssl ciphers`: plain (`a:b:c`), `-v`, `-V`, `-stdname`, `-V -stdname`.
 * For boringssl, `plain`, `stdname` and `openssl-name` are the layouts of `bssl ciphers` (one
 * name per line, groups in brackets) and `v` its description lines.
 */
export type OutputFormat = 'plain' | 'v' | 'V' | 'stdname' | 'V+stdname' | 'openssl-name';

const FORMATS: readonly string[] = ['plain', 'v', 'V', 'stdname', 'V+stdname', 'openssl-name'];

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** SSL_CIPHER_description(): one `-v` line, without the newline (a width of 0 prints unpadded). */
function description(c: Cipher, l: Layout): string {
  return (
    `${pad(c.name, l.name)} ${pad(c.protocol ?? '', l.protocol)} Kx=${pad(c.kx, l.kx)} ` +
    `Au=${pad(c.au, l.au)} Enc=${pad(c.enc, l.enc)} Mac=${pad(c.mac, l.mac)}`
  );
}

/**
 * The text `openssl ciphers [-v|-V|-stdname]` prints for these suites on the target's release,
 * byte for byte, including the final newline.
 */
export function formatCiphers(ciphers: readonly Cipher[], format: OutputFormat, target?: TargetName): string {
  const lib = requireLibrary(target, 'formatCiphers');
  if (!Array.isArray(ciphers))
    throw new TypeError("formatCiphers: ciphers must be an array (an expand() result's ciphers)");
  if (!FORMATS.includes(format)) {
    throw new TypeError(`formatCiphers: unknown format ${JSON.stringify(format)}; one of ${FORMATS.join(', ')}`);
  }
  if (lib.family === 'boringssl') {
    if (format === 'V' || format === 'V+stdname') throw new TypeError(`formatCiphers: ${lib.tool} has no -V output`);
    const withGroups = ciphers.map((c) => ({ ...c, inGroupWithNext: c.inGroupWithNext ?? false }));
    return formatBoringssl(withGroups, format, boringsslTable(lib).data.descriptionLayout);
  }
  if (format === 'openssl-name') throw new TypeError('formatCiphers: openssl-name is a bssl ciphers layout');
  const l = opensslTable(lib).data.layout;
  if (format === 'plain') return ciphers.map((c) => c.name).join(':') + '\n';
  const ids = format === 'V' || format === 'V+stdname';
  const stdname = format === 'stdname' || format === 'V+stdname';
  if (stdname && l.stdname === null) {
    throw new TypeError(`formatCiphers: the openssl tool of ${lib.name} has no -stdname output`);
  }
  let out = '';
  for (const c of ciphers) {
    if (ids) out += `          ${c.id} - `;
    if (stdname) out += `${pad(c.stdname ?? 'UNKNOWN', l.stdname ?? 0)} - `;
    out += description(c, l) + '\n';
  }
  return out;
}
