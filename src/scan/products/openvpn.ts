// OpenVPN 2.6 (OpenSSL build): one option per line, `name args...` (the command line's
// `--name` without dashes), `#` / `;` comments, inline files as `<ca> ... </ca>` blocks, `config
// FILE` reading another file. The control channel's context (src/openvpn/ssl.c init_ssl): the
// tls-cert-profile's security level (legacy, level 1, by default), SSL_CTX_set_cipher_list with
// tls-cipher - IANA names translated to OpenSSL's (convert_tls_list_to_openssl) - or OpenVPN's
// default, always; SSL_CTX_set_ciphersuites only with tls-ciphersuites ('-' read as '_'); server
// preference always on; TLS 1.2 at the oldest unless tls-version-min says otherwise.
import { restOfLine, splitLines, type Word } from '../text.js';
import { folderOf } from '../paths.js';
import { versionsBetween } from '../protocols.js';
import { protocolRank, type ProtocolVersion } from '../../supported/protocol.js';
import { convertNames } from '../../convert.js';
import {
  baseName,
  reportUnresolved,
  type ProductReader,
  type ReadContext,
  type ScannedFile,
  type ValueSource,
} from '../product.js';

const WORDS = { comment: '#;', quotes: '"\'', backslash: true } as const;
const VERSIONS: Readonly<Record<string, ProtocolVersion>> = {
  '1.0': 'TLSv1',
  '1.1': 'TLSv1.1',
  '1.2': 'TLSv1.2',
  '1.3': 'TLSv1.3',
};
const PROFILES: Readonly<Record<string, number>> = { insecure: 0, legacy: 1, preferred: 2, suiteb: 3 };

interface Option {
  name: Word;
  args: Word[];
  file: ScannedFile;
}

export const openvpn: ProductReader = {
  id: 'openvpn',
  recognise(path, text) {
    if (/\.ovpn$/.test(path)) return 'main';
    const looks =
      /(^|\n)[ \t]*dev[ \t]+(tun|tap)\w*/.test(text) &&
      /(^|\n)[ \t]*(client|server|tls-server|tls-client|remote|ca|secret|tls-auth)\b/.test(text);
    if (/(^|\/)openvpn\//.test(path) && /\.conf$/.test(path))
      return looks || /(^|\n)[ \t]*tls-(cipher|version-min|ciphersuites)\b/.test(text) ? 'main' : null;
    return looks ? 'main' : null;
  },
  read(file, ctx) {
    const options: Option[] = [];
    const visit = (f: ScannedFile) => {
      let inline: string | null = null;
      for (const line of splitLines(f.text, WORDS)) {
        const [name, ...args] = line.words;
        if (!name) continue;
        if (inline !== null) {
          if (name.value === `</${inline}>`) inline = null;
          continue;
        }
        const open = /^<([\w-]+)>$/.exec(name.value);
        if (open) {
          inline = open[1]!;
          continue;
        }
        if (line.unclosedQuote !== null)
          ctx.problem(f, line.unclosedQuote, line.end, 'config-syntax', 'openvpn: a quote that is not closed');
        const option = { name: { ...name, value: name.value.replace(/^--/, '') }, args, file: f };
        if (option.name.value === 'config' && args[0]) ctx.include(f, args[0], folderOf(f.path), visit);
        else options.push(option);
      }
      if (inline !== null)
        ctx.problem(f, f.text.length, f.text.length, 'config-syntax', `openvpn: <${inline}> is not closed`);
    };
    visit(file);
    report(ctx, file, options);
  },
};

function report(ctx: ReadContext, file: ScannedFile, options: Option[]): void {
  const d = ctx.defaults;
  const last = (n: string) => options.filter((o) => o.name.value === n).at(-1);
  const roleAt = options.filter((o) => ['tls-server', 'server', 'tls-client', 'client'].includes(o.name.value)).at(-1);
  const tls = options.filter((o) =>
    /^tls-(cipher|ciphersuites|version-min|version-max|cert-profile)$/.test(o.name.value),
  );
  if (!roleAt && tls.length === 0) return;
  const role = roleAt && /server$/.test(roleAt.name.value) ? 'server' : 'client';
  const values = tls.map((o) => {
    const word = restOfLine(o.args, 0);
    return word ? { name: o.name.value, file: o.file, word } : null;
  });
  if (reportUnresolved(ctx, values, 'is filled in before OpenVPN reads the file')) return;
  const cipher = last('tls-cipher');
  let cipherString: ValueSource = {
    kind: 'product',
    value: d.cipherString!,
    from: `tls-cipher not set: OpenVPN ${d.version}'s default`,
  };
  if (cipher?.args[0]) {
    const w = cipher.args[0];
    const translated = w.value.split(':').map(translate).join(':');
    cipherString =
      translated === w.value
        ? { kind: 'written', file: cipher.file, word: w, directive: 'tls-cipher' }
        : {
            kind: 'product',
            value: translated,
            from: `tls-cipher \`${w.value}\` with its IANA names translated to OpenSSL's by OpenVPN (convert_tls_list_to_openssl)`,
          };
  }
  const suites = last('tls-ciphersuites');
  let ciphersuites: ValueSource = { kind: 'library' };
  if (suites?.args[0]) {
    const w = suites.args[0];
    const converted = w.value.replace(/-/g, '_');
    ciphersuites =
      converted === w.value
        ? { kind: 'written', file: suites.file, word: w, directive: 'tls-ciphersuites' }
        : {
            kind: 'product',
            value: converted,
            from: `tls-ciphersuites \`${w.value}\` with '-' read as '_' by OpenVPN (convert_tls13_list_to_openssl)`,
          };
  }
  // tls-version-min 1.2 by default; when only tls-version-max is below that, min = max (options.c).
  const minAt = last('tls-version-min');
  const maxAt = last('tls-version-max');
  const max = maxAt ? versionOf(ctx, maxAt) : null;
  let min = minAt ? versionOf(ctx, minAt) : 'TLSv1.2';
  if (!minAt && max && protocolRank(max) < protocolRank('TLSv1.2')) min = max;
  const profile = last('tls-cert-profile');
  const p = profile?.args[0]?.value;
  let seclevel = Number(d.extra.securityLevel);
  if (p !== undefined) {
    if (Object.hasOwn(PROFILES, p)) seclevel = PROFILES[p]!;
    else
      ctx.problem(
        profile!.file,
        profile!.args[0]!.start,
        profile!.args[0]!.end,
        'config-syntax',
        `tls-cert-profile: OpenVPN knows no profile \`${p}\` (insecure, legacy, preferred, suiteb)`,
      );
  }
  const at = cipher ?? roleAt ?? tls[0]!;
  ctx.setting({
    file: at.file,
    at: at.name,
    directive: at.name.value,
    context: roleAt
      ? `${baseName(file.path)} (${roleAt.name.value})`
      : `${baseName(file.path)} (no tls-server or tls-client: read as a client)`,
    role,
    cipherString,
    ciphersuites,
    protocols: versionsBetween(min, max),
    seclevel,
    serverPreference: role === 'server' ? true : null,
  });
}

function versionOf(ctx: ReadContext, o: Option): ProtocolVersion | null {
  const w = o.args[0];
  const v = w && Object.hasOwn(VERSIONS, w.value) ? VERSIONS[w.value]! : null;
  if (!v && w)
    ctx.problem(
      o.file,
      w.start,
      w.end,
      'unknown-protocol',
      `${o.name.value}: OpenVPN knows no version \`${w.value}\` (1.0, 1.1, 1.2, 1.3)`,
    );
  return v;
}

/** One element of tls-cipher: an IANA name written with '-' becomes the suite's OpenSSL name. */
function translate(element: string): string {
  if (!/^TLS-/.test(element)) return element;
  const [found] = convertNames([element.replace(/-/g, '_')]);
  return found?.openssl ?? element;
}
