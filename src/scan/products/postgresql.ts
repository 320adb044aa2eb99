// PostgreSQL: postgresql.conf lines `name = value` (the `=` may be left out), `#` comments,
// values quoted with '...' ('' for a quote); names are case-insensitive and the last setting
// wins; `include`, `include_if_exists` and `include_dir` (its `*.conf` files in name order)
// read other files in place, relative to the including file's folder; postgresql.auto.conf
// (ALTER SYSTEM) is read after. With `ssl = on` the server context (be_tls_init) gets
// SSL_CTX_set_cipher_list(ssl_ciphers) always, the minimum version always, the maximum only when
// set, server preference by ssl_prefer_server_ciphers; PostgreSQL 15 makes no TLS 1.3 call, and
// 18 hands ssl_tls13_ciphers to SSL_CTX_set_ciphersuites.
import { readKeyValues, type KeyValueLine } from '../syntax/keyvalue.js';
import type { Word } from '../text.js';
import { folderOf, joinPath } from '../paths.js';
import { versionsBetween } from '../protocols.js';
import type { ProtocolVersion } from '../../supported/protocol.js';
import {
  baseName,
  reportUnresolved,
  type ProductReader,
  type ReadContext,
  type ScannedFile,
  type ValueSource,
} from '../product.js';

const RULES = {
  comment: '#',
  inlineComment: '#',
  separator: 'optional',
  quotes: "'",
  doubledQuote: true,
  name: /[A-Za-z_][\w.]*/,
} as const;
const VERSIONS: Readonly<Record<string, ProtocolVersion>> = {
  tlsv1: 'TLSv1',
  'tlsv1.1': 'TLSv1.1',
  'tlsv1.2': 'TLSv1.2',
  'tlsv1.3': 'TLSv1.3',
};

interface Param {
  key: Word;
  value: Word;
  file: ScannedFile;
}

export const postgresql: ProductReader = {
  id: 'postgresql',
  recognise(path, text) {
    const name = baseName(path);
    if (name === 'postgresql.conf') return 'main';
    if (name === 'postgresql.auto.conf') return 'part';
    if (
      /(^|\/)postgresql\//.test(path) &&
      /\.conf$/.test(name) &&
      /(^|\n)[ \t]*(ssl\w*|shared_buffers|max_connections|listen_addresses)[ \t]*=/.test(text)
    )
      return 'part';
    return /(^|\n)[ \t]*(ssl_min_protocol_version|ssl_prefer_server_ciphers|ssl_ecdh_curve|ssl_tls13_ciphers)[ \t]*=?[ \t]*'?\w/.test(
      text,
    )
      ? 'part'
      : null;
  },
  read(file, ctx) {
    const params = new Map<string, Param>();
    const visit = (f: ScannedFile) => {
      const { lines, errors } = readKeyValues(f.text, RULES);
      for (const e of errors) ctx.problem(f, e.start, e.end, 'config-syntax', `postgresql: ${e.message}`);
      for (const line of lines) readLine(line, f);
    };
    const readLine = (line: KeyValueLine, f: ScannedFile) => {
      if (line.kind === 'section') {
        ctx.problem(
          f,
          line.name.start,
          line.name.end,
          'config-syntax',
          'postgresql: a line that is not `name = value`',
        );
        return;
      }
      if (line.kind === 'bare') {
        ctx.problem(
          f,
          line.key.start,
          line.key.end,
          'config-syntax',
          `postgresql: \`${line.key.value}\` without a value`,
        );
        return;
      }
      const name = line.key.value.toLowerCase();
      const base = folderOf(f.path);
      if (name === 'include' || name === 'include_if_exists')
        ctx.include(f, line.value, base, visit, name === 'include_if_exists');
      else if (name === 'include_dir')
        ctx.include(f, { ...line.value, value: joinPath(line.value.value, '*.conf') }, base, visit, true);
      else params.set(name, { key: line.key, value: line.value, file: f });
    };
    visit(file);
    if (baseName(file.path) === 'postgresql.conf') {
      const auto = { value: 'postgresql.auto.conf', start: 0, end: 0, valueAt: null };
      ctx.include(file, auto, folderOf(file.path), visit, true);
    }
    report(ctx, file, params);
  },
};

function report(ctx: ReadContext, file: ScannedFile, params: Map<string, Param>): void {
  const d = ctx.defaults;
  const ssl = params.get('ssl');
  if (!ssl || !isOn(ssl.value.value)) return;
  for (const name of [
    'ssl_ciphers',
    'ssl_tls13_ciphers',
    'ssl_min_protocol_version',
    'ssl_max_protocol_version',
    'ssl_prefer_server_ciphers',
  ]) {
    const p = params.get(name);
    const value = p ? { name: p.key.value, file: p.file, word: p.value } : null;
    if (reportUnresolved(ctx, [value], 'is filled in before PostgreSQL reads the file')) return;
  }
  const ciphers = params.get('ssl_ciphers');
  const cipherString: ValueSource = ciphers
    ? { kind: 'written', file: ciphers.file, word: ciphers.value, directive: ciphers.key.value }
    : { kind: 'product', value: d.cipherString!, from: `ssl_ciphers not set: PostgreSQL ${d.version}'s default` };
  // PostgreSQL 18: ssl_tls13_ciphers; empty means no call (the library's list).
  const tls13 = params.get('ssl_tls13_ciphers');
  const ciphersuites: ValueSource =
    tls13 && tls13.value.value !== ''
      ? { kind: 'written', file: tls13.file, word: tls13.value, directive: tls13.key.value }
      : { kind: 'library' };
  const min = version(ctx, params.get('ssl_min_protocol_version')) ?? 'TLSv1.2';
  const max = version(ctx, params.get('ssl_max_protocol_version'));
  const prefer = params.get('ssl_prefer_server_ciphers');
  const at = ciphers ?? ssl;
  ctx.setting({
    file: at.file,
    at: at.key,
    directive: at.key.value,
    context: baseName(file.path),
    role: 'server',
    cipherString,
    ciphersuites,
    protocols: versionsBetween(min, max),
    seclevel: null,
    serverPreference: prefer ? isOn(prefer.value.value) : d.serverPreference,
  });
}

function version(ctx: ReadContext, p: Param | undefined): ProtocolVersion | null {
  if (!p || p.value.value === '') return null;
  const k = p.value.value.toLowerCase();
  const v = Object.hasOwn(VERSIONS, k) ? VERSIONS[k] : undefined;
  if (!v)
    ctx.problem(
      p.file,
      p.value.start,
      p.value.end,
      'unknown-protocol',
      `${p.key.value}: PostgreSQL knows no version \`${p.value.value}\` (TLSv1, TLSv1.1, TLSv1.2, TLSv1.3)`,
    );
  return v ?? null;
}

/** PostgreSQL's booleans: on, true, yes, 1 and their unambiguous prefixes. */
function isOn(value: string): boolean {
  const v = value.toLowerCase();
  return v === '1' || v === 'on' || (v.length > 0 && ('true'.startsWith(v) || 'yes'.startsWith(v)));
}
