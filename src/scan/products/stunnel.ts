// stunnel 5: `option = value` lines; options before the first `[service]` are global and are
// copied into every service (src/options.c, CMD_SET_COPY). Each service is a TLS context of its
// own (src/ctx.c context_init): security level (securityLevel, else raised to 2), then
// SSL_CTX_set_cipher_list and SSL_CTX_set_ciphersuites - always, stunnel's defaults when nothing
// is set -, then `options`, and the `config = Command:value` SSL_CONF commands last.
// `include = DIRECTORY` reads every file of the folder in place.
import { readKeyValues, subWord, type KeyValueLine } from '../syntax/keyvalue.js';
import type { Word } from '../text.js';
import { folderOf } from '../paths.js';
import { atLeast, atMost, protocolNamed, versionsBetween } from '../protocols.js';
import type { ProtocolVersion } from '../../supported/protocol.js';
import {
  baseName,
  reportUnresolved,
  type ProductReader,
  type ReadContext,
  type ScannedFile,
  type ValueSource,
} from '../product.js';

const RULES = { comment: '#;', separator: 'required', name: /[^\s=]+/ } as const;

/** One option as written. */
interface Option {
  key: Word;
  value: Word;
  file: ScannedFile;
}

interface Section {
  name: Word | null;
  file: ScannedFile;
  options: Option[];
}

export const stunnel: ProductReader = {
  id: 'stunnel',
  recognise(path, text) {
    if (/^stunnel.*\.conf$/.test(baseName(path)) || (/(^|\/)stunnel4?\//.test(path) && /\.conf$/.test(path)))
      return 'main';
    return /(^|\n)[ \t]*(accept|connect)[ \t]*=/.test(text) &&
      /(^|\n)[ \t]*\[[^\]\n]+\][ \t]*(\r?\n)/.test(text) &&
      /(^|\n)[ \t]*(cert|client|ciphers|sslVersion\w*)[ \t]*=/i.test(text)
      ? 'main'
      : null;
  },
  read(file, ctx) {
    const global: Option[] = [];
    const services: Section[] = [];
    const visit = (f: ScannedFile) => {
      const { lines, errors } = readKeyValues(f.text, RULES);
      for (const e of errors) ctx.problem(f, e.start, e.end, 'config-syntax', `stunnel: ${e.message}`);
      for (const line of lines) readLine(line, f);
    };
    const readLine = (line: KeyValueLine, f: ScannedFile) => {
      if (line.kind === 'section') services.push({ name: line.name, file: f, options: [] });
      else if (line.kind === 'bare')
        ctx.problem(
          f,
          line.key.start,
          line.rest?.end ?? line.key.end,
          'config-syntax',
          `stunnel: \`${line.key.value}\` without \`= value\``,
        );
      else if (line.key.value.toLowerCase() === 'include' && services.length === 0) {
        // Every file of the folder, in alphabetical order, as if written here (include_config).
        const dir = line.value;
        ctx.include(f, { ...dir, value: `${dir.value.replace(/\/+$/, '')}/*` }, folderOf(f.path), visit);
      } else (services.at(-1)?.options ?? global).push({ key: line.key, value: line.value, file: f });
    };
    visit(file);
    if (services.length === 0) {
      if (global.length > 0) report(ctx, { name: null, file, options: [] }, global);
      return;
    }
    for (const s of services) report(ctx, s, global);
  },
};

function report(ctx: ReadContext, service: Section, global: Option[]): void {
  const d = ctx.defaults;
  // The service's own options after the global ones: the last written wins (for `options` and
  // `config`, which add up, each line counts).
  const all = [...global, ...service.options];
  const last = (name: string) => all.filter((o) => o.key.value.toLowerCase() === name.toLowerCase()).at(-1);
  const tlsOptions = all.filter((o) =>
    /^(ciphers|ciphersuites|sslversion(min|max)?|securitylevel|options|config|client)$/i.test(o.key.value),
  );
  const values = tlsOptions.map((o) => ({ name: o.key.value, file: o.file, word: o.value }));
  if (reportUnresolved(ctx, values, 'is filled in before stunnel reads the file')) return;
  const client = /^yes$/i.test(last('client')?.value.value ?? 'no');
  const fips = /^yes$/i.test(last('fips')?.value.value ?? 'no');
  const written = (o: Option | undefined): ValueSource | undefined =>
    o ? { kind: 'written', file: o.file, word: o.value, directive: o.key.value } : undefined;
  const name = service.name?.value;
  let cipherString: ValueSource = written(last('ciphers')) ?? {
    kind: 'product',
    value: fips ? d.extra.fipsCipherString! : d.cipherString!,
    from: `ciphers not set: stunnel ${d.version}'s default${fips ? ' with fips = yes' : ''}`,
  };
  let ciphersuites: ValueSource = written(last('ciphersuites')) ?? {
    kind: 'product',
    value: d.ciphersuites!,
    from: `ciphersuites not set: stunnel ${d.version}'s default`,
  };

  // Protocols: sslVersion sets both ends; sslVersionMin / sslVersionMax one each; SSLv2 and SSLv3 always off.
  let min: ProtocolVersion | null = null;
  let max: ProtocolVersion | null = null;
  for (const o of all) {
    const k = o.key.value.toLowerCase();
    if (k !== 'sslversion' && k !== 'sslversionmin' && k !== 'sslversionmax') continue;
    const v = version(o.value.value);
    if (v === undefined) {
      ctx.problem(
        o.file,
        o.value.start,
        o.value.end,
        'unknown-protocol',
        `${o.key.value}: stunnel knows no version \`${o.value.value}\` (all, SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3)`,
      );
      continue;
    }
    if (k !== 'sslversionmax') min = v;
    if (k !== 'sslversionmin') max = v;
  }
  // SSL_OP_NO_SSLv2|SSL_OP_NO_SSLv3 are always set (src/ctx.c): TLSv1 at the oldest.
  let protocols: ProtocolVersion[] = atLeast(versionsBetween(min, max), 'TLSv1');
  let serverPreference = false;
  for (const o of all.filter((x) => x.key.value.toLowerCase() === 'options')) {
    const clear = o.value.value.startsWith('-');
    const opt = o.value.value.replace(/^-/, '').toUpperCase();
    if (opt === 'CIPHER_SERVER_PREFERENCE') serverPreference = !clear;
    const no = /^NO_(TLSV1(?:_[123])?|SSLV3)$/.exec(opt);
    if (no && !clear) {
      const v = protocolNamed(no[1]!.replace('TLSV', 'TLSv').replace('SSLV', 'SSLv').replace('_', '.'));
      if (v && v !== 'none') protocols = protocols.filter((x) => x !== v);
    }
  }
  // `config = Command:value`: SSL_CONF_cmd, after everything above (conf_init, src/ctx.c).
  for (const o of all.filter((x) => x.key.value.toLowerCase() === 'config')) {
    const colon = o.value.value.indexOf(':');
    if (colon <= 0) continue;
    const command = o.value.value.slice(0, colon).toLowerCase();
    const word = subWord(o.value, o.value.value.slice(colon + 1), colon + 1);
    if (command === 'cipherstring')
      cipherString = { kind: 'written', file: o.file, word, directive: 'config CipherString' };
    else if (command === 'ciphersuites')
      ciphersuites = { kind: 'written', file: o.file, word, directive: 'config Ciphersuites' };
    else if (command === 'minprotocol' || command === 'maxprotocol') {
      const v = protocolNamed(word.value);
      if (v && v !== 'none') protocols = command === 'minprotocol' ? atLeast(protocols, v) : atMost(protocols, v);
    } else if (command === 'options') {
      for (const flag of word.value.split(','))
        if (flag.trim().replace(/^-/, '') === 'ServerPreference') serverPreference = !flag.trim().startsWith('-');
    }
  }
  const level = last('securityLevel');
  const seclevel = level && /^\d+$/.test(level.value.value) ? Number(level.value.value) : Number(d.extra.securityLevel);
  const own = service.options.find((o) => o.key.value.toLowerCase() === 'ciphers');
  const at = own ?? (service.name ? null : last('ciphers'));
  ctx.setting({
    file: at?.file ?? service.file,
    at: at?.key ?? service.name ?? { value: '', start: 0, end: 0, valueAt: 0 },
    directive: at ? at.key.value : `[${name}]`,
    context: name === undefined ? 'global' : `[${name}]`,
    role: client ? 'client' : 'server',
    cipherString,
    ciphersuites,
    protocols,
    // Unset: stunnel raises the level to 2 when the library's is lower (src/ctx.c); cipherx
    // assumes a library starting at 2 or below, as OpenSSL and the distributions build it.
    seclevel,
    serverPreference: client ? null : serverPreference,
  });
}

/** stunnel's version names (str_to_proto_version, case-insensitive); null for `all`, undefined for an unknown one. */
function version(word: string): ProtocolVersion | null | undefined {
  const w = word.toLowerCase();
  if (w === 'all') return null;
  const names: Record<string, ProtocolVersion> = {
    sslv3: 'SSLv3',
    tlsv1: 'TLSv1',
    'tlsv1.1': 'TLSv1.1',
    'tlsv1.2': 'TLSv1.2',
    'tlsv1.3': 'TLSv1.3',
  };
  return Object.hasOwn(names, w) ? names[w] : undefined;
}
