// Apache httpd 2.4 mod_ssl: directives one to a line (a trailing backslash continues it),
// sections `<Name args>` ... `</Name>`. The main server's settings ("server config") are
// inherited by each <VirtualHost>; a host speaks TLS with `SSLEngine on`. mod_ssl appends
// `:!aNULL:!eNULL:!EXP` to every SSLCipherSuite (and to OpenSSL's SSL_DEFAULT_CIPHER_LIST when
// none is set), sends `SSLCipherSuite TLSv1.3 ...` to SSL_CTX_set_ciphersuites, turns
// SSLProtocol into a min..max range without holes, and applies SSLOpenSSLConfCmd last
// (modules/ssl/ssl_engine_config.c, ssl_engine_init.c). SSLProxy* configure the client side.
import { splitLines, looksUnresolved, type Word, type WordRules } from '../text.js';
import { folderOf } from '../paths.js';
import { protocolNamed, versionsBetween } from '../protocols.js';
import { PROTOCOL_VERSIONS, type ProtocolVersion } from '../../supported/protocol.js';
import {
  baseName,
  reportUnresolved,
  writtenValues,
  type ProductReader,
  type ReadContext,
  type ScannedFile,
  type ValueSource,
} from '../product.js';

const WORDS: WordRules = { comment: '#', quotes: '"\'', backslash: false, joinLines: true };
/** Sections read through as if they were not there (mod_ssl is assumed loaded). */
const CONDITIONAL = new Set(['ifmodule', 'ifdefine', 'ifversion', 'iffile', 'ifdirective', 'ifsection']);
/** mod_ssl's version words (SSLv2 and SSLv3 aside: OpenSSL 3 builds have no SSLv3). */
const VERSIONS: Readonly<Record<string, ProtocolVersion>> = {
  tlsv1: 'TLSv1',
  'tlsv1.1': 'TLSv1.1',
  'tlsv1.2': 'TLSv1.2',
  'tlsv1.3': 'TLSv1.3',
};
const ALL: readonly ProtocolVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const MAX_DEPTH = 200;

/** A directive or a section, with the file it is written in. */
interface Node {
  name: Word;
  /** The name in lower case, without `<` for a section. */
  key: string;
  args: Word[];
  file: ScannedFile;
  body: Node[] | null;
}

/** One side's directives in force at a level (server `SSL...`, client `SSLProxy...`). */
interface Side {
  engine?: Node;
  ciphers?: Node;
  tls13?: Node;
  protocol?: Node;
  honor?: Node;
  /** SSLOpenSSLConfCmd: the main server's, then the host's own (apr_array_append). */
  commands: Node[];
  certificate?: Node;
}

export const apache: ProductReader = {
  id: 'apache',
  recognise(path, text) {
    if (/^(apache2|httpd)\.conf$/.test(baseName(path))) return 'main';
    return /(^|\n)[ \t]*(<VirtualHost[ \t>]|SSL(Engine|CipherSuite|Protocol|ProxyEngine|ProxyCipherSuite|OpenSSLConfCmd)[ \t])/i.test(
      text,
    )
      ? 'part'
      : null;
  },
  read(file, ctx) {
    // ServerRoot: the main file's folder, or the one above conf/ as upstream and RHEL lay it out.
    const folder = folderOf(file.path);
    const root = baseName(file.path) === 'httpd.conf' && baseName(folder) === 'conf' ? folderOf(folder) : folder;
    new ApacheRead(ctx, root).main(file);
  },
};

class ApacheRead {
  private readonly used = new Set<Node>();

  constructor(
    private readonly ctx: ReadContext,
    private readonly root: string,
  ) {}

  main(file: ScannedFile): void {
    const items = this.flatten(this.parse(file));
    const server = sideOf(items, 'SSL', emptySide());
    const proxy = sideOf(items, 'SSLProxy', emptySide());
    let reported = false;
    if (isOn(server.engine)) reported = this.report('server config', items, server, 'server', server.engine!);
    if (isOn(proxy.engine)) this.report('server config', items, proxy, 'client', proxy.engine!);
    for (const host of items.filter((n) => n.key === 'virtualhost' && n.body !== null)) {
      const own = this.flatten(host.body!);
      const context = hostName(host, own);
      const mine = sideOf(own, 'SSL', server);
      const implicit =
        mine.engine === undefined && mine.certificate !== undefined && host.args.some((a) => /:443$/.test(a.value));
      if (isOn(mine.engine) || implicit)
        reported =
          this.report(context, own, mine, 'server', own.find((n) => n.key === 'sslengine') ?? host) || reported;
      const client = sideOf(own, 'SSLProxy', proxy);
      if (isOn(client.engine))
        this.report(context, own, client, 'client', own.find((n) => n.key === 'sslproxyengine') ?? host);
    }
    // A cipher suite no TLS host uses (ssl.conf read on its own): still evaluated, where it stands.
    if (!reported && server.ciphers && !this.used.has(server.ciphers))
      this.report('server config (no TLS virtual host read uses it)', items, server, 'server', server.ciphers);
  }

  /** A file's directives and sections, nested; unbalanced sections are problems. */
  private parse(file: ScannedFile): Node[] {
    const root: Node[] = [];
    const stack: Node[] = [];
    for (const line of splitLines(file.text, WORDS)) {
      if (line.unclosedQuote !== null) this.syntax(file, line.unclosedQuote, 'a quote that is not closed');
      const [first, ...rest] = line.words;
      if (!first) continue;
      const body = stack.at(-1)?.body ?? root;
      if (first.value.startsWith('</')) {
        const key = first.value.slice(2).replace(/>$/, '').toLowerCase();
        if (stack.at(-1)?.key === key) stack.pop();
        else this.syntax(file, first.start, `${first.value} without a matching <${key}> section`);
      } else if (first.value.startsWith('<')) {
        const args = rest
          .map((w, i) => (i === rest.length - 1 ? { ...w, value: w.value.replace(/>$/, ''), valueAt: null } : w))
          .filter((w) => w.value !== '');
        const node: Node = {
          name: first,
          key: first.value.slice(1).replace(/>$/, '').toLowerCase(),
          args,
          file,
          body: [],
        };
        body.push(node);
        stack.push(node);
      } else body.push({ name: first, key: first.value.toLowerCase(), args: rest, file, body: null });
    }
    const open = stack.at(-1);
    if (open) this.syntax(file, open.name.start, `<${open.key}> is not closed in this file`);
    return root;
  }

  /** A level's nodes with includes spliced in and conditional sections read through. */
  private flatten(nodes: Node[], depth = 0): Node[] {
    const out: Node[] = [];
    if (depth > MAX_DEPTH) {
      if (nodes[0])
        this.syntax(nodes[0].file, nodes[0].name.start, `sections nested more than ${MAX_DEPTH} deep: not read`);
      return out;
    }
    for (const n of nodes) {
      if ((n.key === 'include' || n.key === 'includeoptional') && n.args[0]) {
        const at = n.args[0];
        if (looksUnresolved(at.value)) {
          this.ctx.problem(
            n.file,
            at.start,
            at.end,
            'unresolved-value',
            `${n.name.value}: \`${looksUnresolved(at.value)}\` is set when httpd starts; cipherx cannot know which files it names`,
          );
          continue;
        }
        this.ctx.include(
          n.file,
          at,
          this.root,
          (inc) => {
            for (const m of this.flatten(this.parse(inc))) out.push(m);
          },
          n.key === 'includeoptional',
        );
      } else if (n.body !== null && CONDITIONAL.has(n.key)) {
        // <IfModule !mod_ssl.c> holds what applies without mod_ssl: not read.
        if (!(n.key === 'ifmodule' && /^!(mod_)?ssl(_module|\.c)?$/.test(n.args[0]?.value ?? '')))
          for (const m of this.flatten(n.body, depth + 1)) out.push(m);
      } else {
        if ((n.key === 'sslciphersuite' || n.key === 'sslproxyciphersuite') && !validSuite(n)) {
          this.syntax(
            n.file,
            n.name.start,
            `${n.name.value} takes a cipher string, or SSL or TLSv1.3 and a cipher string`,
          );
          continue;
        }
        out.push(n);
      }
    }
    return out;
  }

  private syntax(file: ScannedFile, at: number, message: string): void {
    this.ctx.problem(file, at, at + 1, 'config-syntax', `apache: ${message}`);
  }

  /** Reports one TLS context; false when its string cannot be known. */
  private report(context: string, own: Node[], side: Side, role: 'server' | 'client', at: Node): boolean {
    const d = this.ctx.defaults;
    const prefix = role === 'server' ? 'SSL' : 'SSLProxy';
    const SUFFIX = d.extra.cipherSuffix!;
    let cipherString: ValueSource = {
      kind: 'product',
      value: d.cipherString!,
      from: `${prefix}CipherSuite not set: mod_ssl's SSL_DEFAULT_CIPHER_LIST + "${SUFFIX}"`,
    };
    let ciphersuites: ValueSource = { kind: 'library' };
    let protocols = side.protocol ? this.protocols(side.protocol) : [...ALL];
    let serverPreference = role === 'server' ? (side.honor ? isOn(side.honor) : d.serverPreference) : null;
    if (side.ciphers) {
      this.used.add(side.ciphers);
      const [first, second] = side.ciphers.args;
      const w = second ?? first!;
      cipherString = written(
        side.ciphers,
        { ...w, value: w.value + SUFFIX },
        `${side.ciphers.name.value} (mod_ssl appends "${SUFFIX}")`,
      );
    }
    if (side.tls13) ciphersuites = written(side.tls13, side.tls13.args[1]!, `${side.tls13.name.value} TLSv1.3`);
    // SSLOpenSSLConfCmd: SSL_CONF_cmd on the server context after everything above.
    for (const c of role === 'server' ? side.commands : []) {
      const [name, value] = c.args;
      if (!name || !value) continue;
      const command = name.value.toLowerCase();
      if (command === 'cipherstring') cipherString = written(c, value, `SSLOpenSSLConfCmd CipherString`);
      else if (command === 'ciphersuites') ciphersuites = written(c, value, `SSLOpenSSLConfCmd Ciphersuites`);
      else if (command === 'minprotocol' || command === 'maxprotocol' || command === 'protocol')
        protocols = confProtocols(command, value.value, protocols);
      else if (command === 'options') {
        for (const o of value.value.split(/[\s,]+/))
          if (/^-?ServerPreference$/i.test(o)) serverPreference = !o.startsWith('-');
      }
    }
    if (
      reportUnresolved(
        this.ctx,
        writtenValues([cipherString, ciphersuites]),
        'is set when httpd starts (Define or the environment)',
      )
    )
      return false;
    const place = side.ciphers && own.includes(side.ciphers) ? side.ciphers : at;
    this.ctx.setting({
      file: place.file,
      at: place.name,
      directive: place.name.value,
      context,
      role,
      cipherString,
      ciphersuites,
      protocols,
      seclevel: null,
      serverPreference,
    });
    return true;
  }

  /** SSLProtocol / SSLProxyProtocol: words from the empty set, then max and the versions below it without a hole. */
  private protocols(n: Node): ProtocolVersion[] {
    const set = new Set<ProtocolVersion>();
    for (const w of n.args) {
      const action = /^[+-]/.test(w.value) ? w.value[0]! : '';
      const word = w.value.slice(action.length).toLowerCase();
      let these: readonly ProtocolVersion[];
      if (word === 'all') these = ALL;
      else if (Object.hasOwn(VERSIONS, word)) these = [VERSIONS[word]!];
      else if (word === 'sslv2' || word === 'sslv3') {
        if (action !== '-')
          this.ctx.problem(
            n.file,
            w.start,
            w.end,
            'unknown-protocol',
            `${n.name.value}: ${word === 'sslv2' ? 'SSLv2' : 'SSLv3'} is not supported (httpd refuses to start)`,
          );
        continue;
      } else {
        this.ctx.problem(n.file, w.start, w.end, 'unknown-protocol', `${n.name.value}: Illegal protocol '${w.value}'`);
        continue;
      }
      if (action === '') set.clear();
      for (const v of these) action === '-' ? set.delete(v) : set.add(v);
    }
    return withoutHoles(set);
  }
}

/** The highest version enabled and those below it down to the first one missing (ssl_init_ctx_protocol). */
function withoutHoles(set: ReadonlySet<ProtocolVersion>): ProtocolVersion[] {
  const out: ProtocolVersion[] = [];
  for (const v of [...PROTOCOL_VERSIONS].reverse()) {
    if (set.has(v)) out.unshift(v);
    else if (out.length > 0) break;
  }
  return out;
}

/** SSL_CONF_cmd MinProtocol / MaxProtocol / Protocol applied to the versions enabled. */
export function confProtocols(command: string, value: string, current: readonly ProtocolVersion[]): ProtocolVersion[] {
  if (command === 'protocol') {
    // SSL_OP_NO_* options: they take versions out, and give back only what min..max allows.
    const range = current.length > 0 ? versionsBetween(current[0]!, current.at(-1)!) : [];
    const set = new Set(current);
    for (const item of value.split(/[\s,]+/).filter(Boolean)) {
      const off = item.startsWith('-');
      const name = item.replace(/^[+-]/, '');
      const these =
        name.toUpperCase() === 'ALL'
          ? PROTOCOL_VERSIONS
          : [protocolNamed(name)].filter((v): v is ProtocolVersion => v !== null && v !== 'none');
      for (const v of these) off ? set.delete(v) : range.includes(v) && set.add(v);
    }
    return PROTOCOL_VERSIONS.filter((v) => set.has(v));
  }
  const v = value.toLowerCase() === 'none' ? null : protocolNamed(value);
  if (v === 'none') return [...current];
  const lo = current[0] ?? null;
  const hi = current.at(-1) ?? null;
  return command === 'minprotocol' ? versionsBetween(v, hi) : versionsBetween(lo, v);
}

/** `SSLCipherSuite [SSL|TLSv1.3] string`: mod_ssl refuses any other first word. */
function validSuite(n: Node): boolean {
  return n.args.length === 1 || (n.args.length === 2 && (n.args[0]!.value === 'SSL' || n.args[0]!.value === 'TLSv1.3'));
}

function emptySide(): Side {
  return { commands: [] };
}

/** A level's own directives of one side over those inherited from `outer`. */
function sideOf(items: Node[], prefix: 'SSL' | 'SSLProxy', outer: Side): Side {
  const p = prefix.toLowerCase();
  const last = (name: string, test: (n: Node) => boolean = () => true) =>
    items.filter((n) => n.body === null && n.key === p + name && test(n)).at(-1);
  const suiteOf = (n: Node) => (n.args.length === 2 ? n.args[0]!.value : 'SSL');
  return {
    engine: last('engine') ?? outer.engine,
    ciphers: last('ciphersuite', (n) => n.args.length > 0 && suiteOf(n) === 'SSL') ?? outer.ciphers,
    tls13: last('ciphersuite', (n) => n.args.length === 2 && suiteOf(n) === 'TLSv1.3') ?? outer.tls13,
    protocol: last('protocol') ?? outer.protocol,
    honor: prefix === 'SSL' ? (last('honorcipherorder') ?? outer.honor) : undefined,
    commands:
      prefix === 'SSL'
        ? [...outer.commands, ...items.filter((n) => n.body === null && n.key === 'sslopensslconfcmd')]
        : [],
    certificate: prefix === 'SSL' ? (last('certificatefile') ?? outer.certificate) : undefined,
  };
}

function isOn(n: Node | undefined): boolean {
  return n?.args[0]?.value.toLowerCase() === 'on';
}

function written(n: Node, word: Word, directive: string): ValueSource {
  return { kind: 'written', file: n.file, word, directive };
}

/** `VirtualHost *:443 example.org`: the section's addresses and its ServerName. */
function hostName(host: Node, own: Node[]): string {
  const name = own.filter((n) => n.key === 'servername').at(-1)?.args[0]?.value;
  return ['VirtualHost', ...host.args.map((a) => a.value), ...(name ? [name] : [])].join(' ');
}
