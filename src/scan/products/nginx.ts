// nginx: blocks of directives; TLS settings inherit from http (mail, stream) to server to
// location, the innermost written value winning. A server speaks TLS when one of its `listen`
// directives has `ssl` (or it says `ssl on`, or a mail server `starttls`); a proxy speaks TLS to
// an https:// (grpcs://, suwsgi://) upstream, or in stream with `proxy_ssl on`.
import { readBlocks, type BlockStatement } from '../syntax/blocks.js';
import type { Word } from '../text.js';
import { folderOf } from '../paths.js';
import { protocolNamed, atLeast, atMost } from '../protocols.js';
import {
  baseName,
  hasDirective,
  reportByteOrderMark,
  reportUnresolved,
  writtenValues,
  type FoundSetting,
  type ProductReader,
  type ReadContext,
  type ScannedFile,
  type ValueSource,
} from '../product.js';
import type { ProtocolVersion } from '../../supported/protocol.js';

/** A statement with the file it is written in. */
interface Placed {
  s: BlockStatement;
  file: ScannedFile;
}

/** The TLS directives of one side (server `ssl_`, client `proxy_ssl_`, ...) in force at a block. */
interface Side {
  ciphers?: Placed;
  protocols?: Placed;
  prefer?: Placed;
  dhparam?: Placed;
  /** ssl_conf_command: inherited as a whole, only when a level has none. */
  commands?: Placed[];
  enabled?: Placed;
}

type Scope = Record<string, Side>;

const PREFIXES = ['ssl_', 'proxy_ssl_', 'grpc_ssl_', 'uwsgi_ssl_'] as const;
const BLOCKS_WITH_SERVERS = new Set(['http', 'mail', 'stream']);
/** What only a main file holds at its top. */
const TOP_LEVEL = new Set(['http', 'mail', 'stream', 'events']);
const UPSTREAM_SCHEMES: ReadonlyArray<[string, string]> = [
  ['proxy_pass', 'https://'],
  ['grpc_pass', 'grpcs://'],
  ['uwsgi_pass', 'suwsgi://'],
];

export const nginx: ProductReader = {
  id: 'nginx',
  recognise(path, text) {
    if (baseName(path) === 'nginx.conf') return 'main';
    if (/(^|\n)\s*(http|stream|mail)\s*\{/.test(text)) return 'main';
    if (
      /(^|\/)nginx\//.test(path) ||
      hasDirective(text, ['ssl_ciphers', 'ssl_protocols', 'server_name', 'proxy_pass', 'listen'])
    ) {
      return /;\s*(#.*)?$/m.test(text) ? 'part' : null;
    }
    return null;
  },
  read(file, ctx) {
    new NginxRead(ctx, folderOf(file.path)).file(file);
  },
};

class NginxRead {
  private readonly used = new Set<BlockStatement>();
  /** http servers with TLS, until every server of their address is known (see resolveVirtualHosts). */
  private readonly pending: VirtualHost[] = [];
  private readonly written: Placed[] = [];

  constructor(
    private readonly ctx: ReadContext,
    private readonly prefix: string,
  ) {}

  /**
   * Reads a file as nginx reads its main file. A file of server blocks alone (sites-enabled/*,
   * conf.d/*.conf read on their own) is read as the http block that includes it.
   */
  file(file: ScannedFile): void {
    reportByteOrderMark(this.ctx, file, 'nginx');
    const { statements, errors } = readBlocks(file.text);
    for (const e of errors) this.ctx.problem(file, e.at, e.at + 1, 'config-syntax', `nginx: ${e.message}`);
    const items = this.flatten(statements, file);
    const part = !items.some((p) => TOP_LEVEL.has(p.s.name.value)) && items.some((p) => p.s.name.value === 'server');
    this.block(items, part ? ['http'] : [], {}, part ? ['http'] : []);
    this.resolveVirtualHosts();
    this.leftovers();
  }

  /**
   * Name-based http servers share an address: OpenSSL chooses the version and the TLS 1.3 suites
   * with the default server's context (copied when the connection starts), and only then does
   * nginx switch to the server the client named (SNI), whose cipher list and server order apply
   * to TLS 1.2 and below. Checked on nginx 1.22 with OpenSSL 3.0.
   */
  private resolveVirtualHosts(): void {
    const defaults = new Map<string, VirtualHost>();
    for (const v of this.pending) if (v.isDefault) for (const k of v.keys) if (!defaults.has(k)) defaults.set(k, v);
    for (const v of this.pending) for (const k of v.keys) if (!defaults.has(k)) defaults.set(k, v);
    for (const v of this.pending) {
      const d = v.keys.length > 0 ? defaults.get(v.keys[0]!)! : v;
      if (d !== v) {
        const where = `${d.found.file.path}:${d.found.context}`;
        for (const [own, what] of [
          [v.ownProtocols, 'ssl_protocols'],
          [v.ownSuites, 'the TLS 1.3 list (ssl_conf_command Ciphersuites)'],
        ] as const) {
          if (!own) continue;
          this.ctx.problem(
            own.file,
            own.s.name.start,
            own.s.name.end,
            'vhost-setting-ignored',
            `${what} of a name-based server does not apply: the version and the TLS 1.3 suites are chosen with the default server of ${v.keys[0]} (${where}) before the client's server name switches servers`,
          );
        }
        v.found.protocols = d.found.protocols;
        v.found.ciphersuites = d.found.ciphersuites;
      }
      this.ctx.setting(v.found);
    }
  }

  /** The statements of a block with its includes spliced in, as nginx reads them. */
  private flatten(statements: BlockStatement[], file: ScannedFile): Placed[] {
    const out: Placed[] = [];
    for (const s of statements) {
      if (s.name.value === 'include' && s.body === null && s.args[0]) {
        this.ctx.include(file, s.args[0], this.prefix, (inc) => {
          reportByteOrderMark(this.ctx, inc, 'nginx');
          const { statements: inner, errors } = readBlocks(inc.text);
          for (const e of errors) this.ctx.problem(inc, e.at, e.at + 1, 'config-syntax', `nginx: ${e.message}`);
          for (const p of this.flatten(inner, inc)) out.push(p);
        });
      } else out.push({ s, file });
    }
    return out;
  }

  private block(items: Placed[], path: string[], outer: Scope, where: string[]): void {
    const scope = this.scopeOf(items, outer);
    const name = path.at(-1);
    const top = path[0];
    if (name === 'server' && top !== undefined && BLOCKS_WITH_SERVERS.has(top) && path.length === 2) {
      const enabled = scope['ssl_']?.enabled;
      const tls = items.find((p) => isTlsListen(p.s, top)) ?? (isOn(enabled) ? enabled : undefined);
      if (tls) this.report('ssl_', scope, items, where, tls, 'server', top === 'http' ? virtualHost(items) : undefined);
      if (top === 'stream' && isOn(scope['proxy_ssl_']?.enabled))
        this.report('proxy_ssl_', scope, items, where, scope['proxy_ssl_']!.enabled!, 'client');
    }
    if (top === 'http') {
      for (const [directive, scheme] of UPSTREAM_SCHEMES) {
        const pass = items.find((p) => p.s.name.value === directive && p.s.args[0]?.value.startsWith(scheme));
        if (pass) this.report(`${directive.split('_')[0]}_ssl_`, scope, items, where, pass, 'client');
      }
    }
    for (const p of items) {
      if (p.s.body !== null)
        this.block(this.flatten(p.s.body, p.file), [...path, blockName(p.s)], scope, [...where, blockLabel(p.s)]);
    }
  }

  /** The scope at a block: the outer one, with this block's own TLS directives in place. */
  private scopeOf(items: Placed[], outer: Scope): Scope {
    const scope: Scope = Object.create(null);
    for (const prefix of PREFIXES) {
      const own = (suffix: string) => items.filter((p) => p.s.body === null && p.s.name.value === prefix + suffix);
      const last = (suffix: string) => own(suffix).at(-1);
      const o = outer[prefix] ?? {};
      const commands = own('conf_command');
      const named = (n: string) => items.filter((p) => p.s.body === null && p.s.name.value === n).at(-1);
      const enabled =
        prefix === 'ssl_'
          ? (named('ssl') ?? named('starttls'))
          : prefix === 'proxy_ssl_'
            ? named('proxy_ssl')
            : undefined;
      scope[prefix] = {
        ciphers: last('ciphers') ?? o.ciphers,
        protocols: last('protocols') ?? o.protocols,
        prefer: last('prefer_server_ciphers') ?? o.prefer,
        dhparam: last('dhparam') ?? o.dhparam,
        commands: commands.length > 0 ? commands : o.commands,
        enabled: enabled ?? o.enabled,
      };
      for (const p of [...own('ciphers'), ...commands]) if (!this.written.includes(p)) this.written.push(p);
    }
    return scope;
  }

  private report(
    prefix: string,
    scope: Scope,
    items: Placed[],
    path: string[],
    at: Placed,
    role: 'server' | 'client',
    vhost?: { keys: string[]; isDefault: boolean },
  ): void {
    const side = scope[prefix] ?? {};
    const d = this.ctx.defaults;
    const ownCiphers = side.ciphers && items.includes(side.ciphers) ? side.ciphers : undefined;
    const place = ownCiphers ?? at;
    let cipherString: ValueSource = side.ciphers
      ? this.value(side.ciphers)
      : {
          kind: 'product',
          value: role === 'server' ? d.cipherString! : d.extra.clientCipherString!,
          from: `${prefix}ciphers not set: nginx ${d.version}'s default`,
        };
    let ciphersuites: ValueSource = { kind: 'library' };
    let protocols: ProtocolVersion[] | null = side.protocols ? this.protocols(side.protocols) : d.protocols;
    // ssl_dhparam (or the DHParameters command) gives DH parameters; nginx has none of its own.
    let dhe = side.dhparam !== undefined;
    let prioritizeChaCha = d.prioritizeChaCha;
    for (const c of side.commands ?? []) {
      const [name, value] = c.s.args;
      if (!name || !value) continue;
      this.used.add(c.s);
      const command = name.value.toLowerCase();
      if (command === 'ciphersuites') ciphersuites = this.value(c, value);
      else if (command === 'cipherstring') cipherString = this.value(c, value);
      else if (command === 'dhparameters') dhe = true;
      else if (command === 'options') {
        for (const o of value.value.split(',')) {
          if (o.trim().toLowerCase() === 'prioritizechacha') prioritizeChaCha = true;
          if (o.trim().toLowerCase() === '-prioritizechacha') prioritizeChaCha = false;
        }
      } else if (command === 'minprotocol' || command === 'maxprotocol') {
        const v = protocolNamed(value.value);
        if (v && v !== 'none') protocols = command === 'minprotocol' ? atLeast(protocols, v) : atMost(protocols, v);
      }
    }
    if (side.ciphers) this.used.add(side.ciphers.s);
    const why =
      'is no cipher string: nginx does not fill in variables here (a template tool must replace it before nginx reads the file, or OpenSSL gets it as written and nginx fails to start)';
    if (reportUnresolved(this.ctx, writtenValues([cipherString, ciphersuites]), why)) return;
    const found: FoundSetting = {
      file: place.file,
      at: place.s.name,
      directive: place.s.name.value,
      context: contextName(path, items),
      role,
      cipherString,
      ciphersuites,
      protocols,
      seclevel: null,
      serverPreference: role === 'server' ? (side.prefer ? isOn(side.prefer) : d.serverPreference) : null,
      dhe,
      prioritizeChaCha,
    };
    if (vhost) {
      const ownSuites = (side.commands ?? []).find(
        (c) => items.includes(c) && c.s.args[0]?.value.toLowerCase() === 'ciphersuites',
      );
      const ownProtocols = side.protocols && items.includes(side.protocols) ? side.protocols : undefined;
      this.pending.push({ ...vhost, found, ownProtocols, ownSuites });
    } else this.ctx.setting(found);
  }

  /** Cipher directives no TLS server or proxy uses: reported where they stand, still evaluated. */
  private leftovers(): void {
    for (const p of this.written) {
      if (this.used.has(p.s)) continue;
      const prefix = PREFIXES.find((x) => p.s.name.value.startsWith(x))!;
      if (p.s.name.value.endsWith('conf_command')) continue;
      this.used.add(p.s);
      this.ctx.setting({
        file: p.file,
        at: p.s.name,
        directive: p.s.name.value,
        context: 'no TLS server or proxy uses it',
        role: prefix === 'ssl_' ? 'server' : 'client',
        cipherString: this.value(p),
        ciphersuites: { kind: 'library' },
        protocols: this.ctx.defaults.protocols,
        seclevel: null,
        serverPreference: null,
      });
    }
  }

  private value(p: Placed, word: Word | undefined = p.s.args[0]): ValueSource {
    const w = word ?? { value: '', start: p.s.name.end, end: p.s.name.end, valueAt: p.s.name.end };
    return { kind: 'written', file: p.file, word: w, directive: p.s.name.value };
  }

  private protocols(p: Placed): ProtocolVersion[] {
    const out: ProtocolVersion[] = [];
    for (const w of p.s.args) {
      const v = protocolNamed(w.value);
      if (v === null)
        this.ctx.problem(
          p.file,
          w.start,
          w.end,
          'unknown-protocol',
          `${p.s.name.value}: nginx knows no protocol \`${w.value}\``,
        );
      else if (v !== 'none') out.push(v);
    }
    return out;
  }
}

/** An http server with TLS: its addresses, whether it is their default, what it sets itself. */
interface VirtualHost {
  keys: string[];
  isDefault: boolean;
  found: FoundSetting;
  ownProtocols: Placed | undefined;
  ownSuites: Placed | undefined;
}

/** The addresses a server listens on with TLS (`443` is `*:443`), and whether it is their default. */
function virtualHost(items: Placed[]): { keys: string[]; isDefault: boolean } {
  const listens = items.filter((p) => p.s.body === null && p.s.name.value === 'listen');
  const tls = listens.filter((p) => isTlsListen(p.s, 'http'));
  const chosen = tls.length > 0 ? tls : listens;
  const key = (a: string) => (/^\d+$/.test(a) ? `*:${a}` : a.replace(/^0\.0\.0\.0:/, '*:'));
  return {
    keys: chosen.map((p) => key(p.s.args[0]?.value ?? '')),
    isDefault: chosen.some((p) => p.s.args.some((a) => a.value === 'default_server' || a.value === 'default')),
  };
}

function isTlsListen(s: BlockStatement, top: string): boolean {
  return (
    s.body === null &&
    s.name.value === 'listen' &&
    s.args.slice(1).some((a) => a.value === 'ssl' || (top === 'http' && a.value === 'quic'))
  );
}

function isOn(p: Placed | undefined): boolean {
  const v = p?.s.args[0]?.value;
  return v === 'on' || v === 'only';
}

function blockName(s: BlockStatement): string {
  return s.name.value;
}

/** `location /api`, `server`: a block's name and its arguments. */
function blockLabel(s: BlockStatement): string {
  return [s.name.value, ...s.args.map((a) => a.value)].join(' ');
}

/** `http > server example.org 443`, `http > server > location /api`... */
function contextName(where: string[], items: Placed[]): string {
  const name = items.find((p) => p.s.name.value === 'server_name')?.s.args[0]?.value;
  const listen = items.find((p) => p.s.name.value === 'listen')?.s.args[0]?.value;
  const last =
    where.at(-1) === 'server' ? [`server ${[name, listen].filter(Boolean).join(' ')}`.trim()] : [where.at(-1) ?? ''];
  return [...where.slice(0, -1), ...last].join(' > ');
}
