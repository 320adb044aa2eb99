// HAProxy: sections (global, defaults, frontend, backend, listen) of keyword lines. A `bind`
// with `ssl` is a TLS server, a `server` (or `default-server`) with `ssl` a TLS client; their
// `ciphers` / `ciphersuites` / version options fall back to global ssl-default-bind-* and
// ssl-default-server-*. Without any cipher setting HAProxy makes no call. A crt-list file gives
// per-certificate settings, each a TLS context of its own.
import { splitLines, type Line, type Word } from '../text.js';
import { folderOf } from '../paths.js';
import { versionsBetween } from '../protocols.js';
import { PROTOCOL_VERSIONS, protocolRank, type ProtocolVersion } from '../../supported/protocol.js';
import {
  baseName,
  reportByteOrderMark,
  type FoundSetting,
  type ProductReader,
  type ReadContext,
  type ScannedFile,
  type ValueSource,
} from '../product.js';

const WORDS = { comment: '#', quotes: '"\'', backslash: true } as const;
const SECTIONS = new Set([
  'global',
  'defaults',
  'frontend',
  'backend',
  'listen',
  'userlist',
  'peers',
  'resolvers',
  'mailers',
  'program',
  'http-errors',
  'ring',
  'cache',
]);
/** HAProxy's version names (ssl-min-ver, ssl-max-ver, no-*, force-*). */
const VERSIONS: Readonly<Record<string, ProtocolVersion>> = {
  SSLv3: 'SSLv3',
  'TLSv1.0': 'TLSv1',
  'TLSv1.1': 'TLSv1.1',
  'TLSv1.2': 'TLSv1.2',
  'TLSv1.3': 'TLSv1.3',
};
const OPTION_VERSIONS: Readonly<Record<string, ProtocolVersion>> = {
  sslv3: 'SSLv3',
  tlsv10: 'TLSv1',
  tlsv11: 'TLSv1.1',
  tlsv12: 'TLSv1.2',
  tlsv13: 'TLSv1.3',
};

/** A written value and the file it is in. */
interface Written {
  word: Word;
  file: ScannedFile;
  directive: string;
}

/** What a bind or server line (or the global defaults) says about TLS. */
interface TlsParams {
  ciphers?: Written;
  ciphersuites?: Written;
  min?: ProtocolVersion;
  max?: ProtocolVersion;
  no: Set<ProtocolVersion>;
  preferClient?: boolean;
  /** A minimum or maximum was set (ssl-min-ver, ssl-max-ver, force-*): HAProxy then ignores no-* (with a warning). */
  ranged?: boolean;
  /** `ssl` / `no-ssl` on a server or default-server line. */
  ssl?: boolean;
}

export const haproxy: ProductReader = {
  id: 'haproxy',
  recognise(path, text) {
    if (baseName(path) === 'haproxy.cfg' || /(^|\/)haproxy\/.*\.cfg$/.test(path)) return 'main';
    return /(^|\n)\s*(frontend|backend|listen)\s+\S/.test(text) && /(^|\n)\s*(bind|server)\s/.test(text)
      ? 'main'
      : null;
  },
  read(file, ctx) {
    reportByteOrderMark(ctx, file, 'HAProxy');
    const global = { bind: params(), server: params(), dhe: false };
    let section = '';
    let defaultServer = params();
    for (const line of splitLines(file.text, WORDS)) {
      if (line.unclosedQuote !== null)
        ctx.problem(file, line.unclosedQuote, line.end, 'config-syntax', 'haproxy: a quote that is not closed');
      const [key, ...args] = line.words;
      if (!key) continue;
      if (SECTIONS.has(key.value)) {
        section = [key.value, args[0]?.value].filter(Boolean).join(' ');
        if (key.value !== 'global') defaultServer = params();
        continue;
      }
      if (section === 'global') {
        readGlobal(key, args, file, global, ctx);
        // DH parameters only when the configuration asks (ssl_sock_load_dh_params of 2.6): a
        // file, or a default size above 1024 bits (1024 is below any level from 2).
        if (key.value === 'ssl-dh-param-file' && args[0]) global.dhe = true;
        if (key.value === 'tune.ssl.default-dh-param' && Number(args[0]?.value) > 1024) global.dhe = true;
      } else if (key.value === 'default-server') defaultServer = readParams(args, 0, file, ctx, params());
      else if (key.value === 'bind' && has(args, 'ssl')) bindSetting(line, file, section, global.bind, global.dhe, ctx);
      else if (key.value === 'server') {
        // A server line takes default-server's settings, its own on top (`no-ssl` included).
        const own = readParams(args, 2, file, ctx, { ...defaultServer, no: new Set(defaultServer.no) });
        if (own.ssl)
          report(
            ctx,
            file,
            key,
            `${section} server ${args[0]?.value ?? ''}`.trim(),
            'client',
            merge(global.server, own),
            null,
          );
      }
    }
  },
};

function params(): TlsParams {
  return { no: new Set() };
}

function has(args: readonly Word[], word: string, from = 1): boolean {
  return args.slice(from).some((a) => a.value === word);
}

function readGlobal(
  key: Word,
  args: Word[],
  file: ScannedFile,
  global: { bind: TlsParams; server: TlsParams },
  ctx: ReadContext,
): void {
  const m = /^ssl-default-(bind|server)-(ciphers|ciphersuites|options)$/.exec(key.value);
  if (!m || !args[0]) return;
  const side = global[m[1] as 'bind' | 'server'];
  if (m[2] === 'options') readParams(args, 0, file, ctx, side);
  else side[m[2] as 'ciphers' | 'ciphersuites'] = { word: args[0], file, directive: key.value };
}

/** Reads `keyword value` and flag options of a bind or server line from `args[from]` on, into `into`. */
function readParams(args: Word[], from: number, file: ScannedFile, ctx: ReadContext, into: TlsParams): TlsParams {
  for (let i = from; i < args.length; i++) {
    const a = args[i]!.value;
    const next = args[i + 1];
    if ((a === 'ciphers' || a === 'ciphersuites') && next) {
      into[a] = { word: next, file, directive: a };
      i++;
    } else if ((a === 'ssl-min-ver' || a === 'ssl-max-ver') && next) {
      const v = Object.hasOwn(VERSIONS, next.value) ? VERSIONS[next.value] : undefined;
      if (!v)
        ctx.problem(
          file,
          next.start,
          next.end,
          'unknown-protocol',
          `${a}: HAProxy knows no version \`${next.value}\` (SSLv3, TLSv1.0 ... TLSv1.3)`,
        );
      else if (a === 'ssl-min-ver') into.min = v;
      else into.max = v;
      if (v) into.ranged = true;
      i++;
    } else if (/^no-(sslv3|tlsv1[0-3])$/.test(a)) into.no.add(OPTION_VERSIONS[a.slice(3)]!);
    else if (/^force-(sslv3|tlsv1[0-3])$/.test(a)) {
      into.min = into.max = OPTION_VERSIONS[a.slice(6)]!;
      into.ranged = true;
    } else if (a === 'prefer-client-ciphers') into.preferClient = true;
    else if (a === 'ssl') into.ssl = true;
    else if (a === 'no-ssl') into.ssl = false;
  }
  return into;
}

function merge(global: TlsParams, own: TlsParams): TlsParams {
  return {
    ciphers: own.ciphers ?? global.ciphers,
    ciphersuites: own.ciphersuites ?? global.ciphersuites,
    min: own.min ?? global.min,
    max: own.max ?? global.max,
    no: new Set([...global.no, ...own.no]),
    preferClient: own.preferClient ?? global.preferClient,
    ssl: own.ssl,
    ranged: own.ranged ?? global.ranged,
  };
}

function bindSetting(
  line: Line,
  file: ScannedFile,
  section: string,
  global: TlsParams,
  dhe: boolean,
  ctx: ReadContext,
): void {
  const [key, ...args] = line.words;
  const own = readParams(args, 1, file, ctx, params());
  const bind = merge(global, own);
  report(ctx, file, key!, section, 'server', bind, args[0]?.value ?? null, dhe);
  // Each crt-list line with settings of its own is a context of its own.
  const at = args.findIndex((a) => a.value === 'crt-list');
  const list = at >= 0 ? args[at + 1] : undefined;
  if (!list) return;
  ctx.include(file, list, folderOf(file.path), (crt) => {
    for (const entry of splitLines(crt.text, WORDS)) {
      const [cert, ...rest] = entry.words;
      if (!cert) continue;
      const open = rest.findIndex((w) => w.value.startsWith('['));
      if (open < 0) continue;
      const close = rest.findIndex((w) => w.value.endsWith(']'));
      const inner = rest
        .slice(open, close < 0 ? rest.length : close + 1)
        .map((w) => ({ ...w, value: w.value.replace(/^\[|\]$/g, '') }));
      const mine = readParams(
        inner.filter((w) => w.value !== ''),
        0,
        crt,
        ctx,
        params(),
      );
      if (!mine.ciphers && !mine.ciphersuites && !mine.min && !mine.max) continue;
      report(ctx, crt, cert, `${section} crt-list ${cert.value}`, 'server', merge(bind, mine), null, dhe);
    }
  });
}

function report(
  ctx: ReadContext,
  file: ScannedFile,
  at: Word,
  section: string,
  role: 'server' | 'client',
  p: TlsParams,
  address: string | null,
  dhe = false,
): void {
  const source = (w: Written | undefined): ValueSource =>
    w ? { kind: 'written', file: w.file, word: w.word, directive: w.directive } : { kind: 'library' };
  // bind: at least TLSv1.2 unless said otherwise (and at most what ssl-max-ver allows); server: the library's range.
  const min =
    p.min ?? (role === 'server' ? (p.max && protocolRank(p.max) < protocolRank('TLSv1.2') ? p.max : 'TLSv1.2') : null);
  const range = versionsBetween(min ?? null, p.max ?? null).filter((v) => p.ranged || !p.no.has(v));
  // HAProxy warns about holes and uses the range from the lowest to the highest version left.
  const protocols = range.length === 0 ? [] : versionsBetween(range[0]!, range.at(-1)!);
  const found: FoundSetting = {
    file,
    at,
    directive: at.value,
    context: address ? `${section} bind ${address}` : section,
    role,
    cipherString: source(p.ciphers),
    ciphersuites: source(p.ciphersuites),
    protocols: protocols.length === PROTOCOL_VERSIONS.length ? null : protocols,
    seclevel: null,
    serverPreference: role === 'server' ? !p.preferClient : null,
    dhe,
  };
  ctx.setting(found);
}
