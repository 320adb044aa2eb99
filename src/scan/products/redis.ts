// Redis 7 (and Valkey, which keeps the directives): redis.conf lines `name args...`, names
// case-insensitive, quoted arguments, `#` comments, `include PATH` (a glob) read in place; the
// last value wins. TLS is set up (src/tls.c tlsConfigure) when tls-port is not 0, or for
// replication or cluster links (tls-replication / tls-cluster yes, where Redis is the client):
// one context with SSL_CTX_set_cipher_list / SSL_CTX_set_ciphersuites only when tls-ciphers /
// tls-ciphersuites are set, SSL_OP_NO_* for the versions tls-protocols leaves out (TLSv1.2 and
// TLSv1.3 by default), and server preference with tls-prefer-server-ciphers yes.
import { splitLines, type Word } from '../text.js';
import { folderOf } from '../paths.js';
import type { ProtocolVersion } from '../../supported/protocol.js';
import {
  baseName,
  reportUnresolved,
  type FoundSetting,
  type ProductReader,
  type ReadContext,
  type ScannedFile,
  type ValueSource,
} from '../product.js';

const WORDS = { comment: '#', quotes: '"\'', backslash: true } as const;
const VERSIONS: Readonly<Record<string, ProtocolVersion>> = {
  tlsv1: 'TLSv1',
  'tlsv1.1': 'TLSv1.1',
  'tlsv1.2': 'TLSv1.2',
  'tlsv1.3': 'TLSv1.3',
};

interface Option {
  name: Word;
  args: Word[];
  file: ScannedFile;
}

export const redis: ProductReader = {
  id: 'redis',
  recognise(path, text) {
    const name = baseName(path);
    if (/^(redis|valkey)(-[\w.-]+)?\.conf$/.test(name)) return 'main';
    if (/(^|\/)(redis|valkey)\//.test(path) && /\.conf$/.test(name))
      return /(^|\n)[ \t]*(port|tls-\w+|bind|save|appendonly|requirepass)[ \t]/.test(text) ? 'main' : null;
    return /(^|\n)[ \t]*tls-(port|cert-file|key-file|ciphers|ciphersuites|protocols|replication|cluster)[ \t]+\S/.test(
      text,
    ) && !/[;{}=]/.test(text.replace(/#.*$/gm, '').replace(/"[^"\n]*"|'[^'\n]*'/g, ''))
      ? 'main'
      : null;
  },
  read(file, ctx) {
    const options = new Map<string, Option>();
    const visit = (f: ScannedFile) => {
      for (const line of splitLines(f.text, WORDS)) {
        if (line.unclosedQuote !== null)
          ctx.problem(f, line.unclosedQuote, line.end, 'config-syntax', 'redis: a quote that is not closed');
        const [name, ...args] = line.words;
        if (!name) continue;
        const key = name.value.toLowerCase();
        if (key === 'include' && args[0]) ctx.include(f, args[0], folderOf(f.path), visit);
        else options.set(key, { name, args, file: f });
      }
    };
    visit(file);
    report(ctx, options);
  },
};

function report(ctx: ReadContext, options: Map<string, Option>): void {
  const d = ctx.defaults;
  const get = (n: string) => options.get(n);
  const yes = (n: string) => /^yes$/i.test(get(n)?.args[0]?.value ?? 'no');
  const tlsPort = get('tls-port');
  const serves = tlsPort !== undefined && tlsPort.args[0] !== undefined && tlsPort.args[0].value !== '0';
  const clientLinks = ['tls-replication', 'tls-cluster'].filter(yes);
  if (!serves && clientLinks.length === 0) return;
  for (const n of ['tls-ciphers', 'tls-ciphersuites', 'tls-protocols', 'tls-port']) {
    const o = get(n);
    const value = o?.args[0] ? { name: o.name.value, file: o.file, word: o.args[0] } : null;
    if (reportUnresolved(ctx, [value], 'is filled in before Redis reads the file')) return;
  }
  const written = (n: string): ValueSource => {
    const o = get(n);
    return o?.args[0] && o.args[0].value !== ''
      ? { kind: 'written', file: o.file, word: o.args[0], directive: o.name.value }
      : { kind: 'library' };
  };
  const protocols = versions(ctx, get('tls-protocols')) ?? d.protocols;
  const ciphers = get('tls-ciphers');
  const base = {
    cipherString: written('tls-ciphers'),
    ciphersuites: written('tls-ciphersuites'),
    protocols,
    seclevel: null,
  };
  if (serves) {
    const at = ciphers ?? tlsPort!;
    const s: FoundSetting = {
      ...base,
      file: at.file,
      at: at.name,
      directive: at.name.value,
      context: `tls-port ${tlsPort!.args[0]!.value}`,
      role: 'server',
      serverPreference: yes('tls-prefer-server-ciphers'),
    };
    ctx.setting(s);
  }
  if (clientLinks.length > 0) {
    // Outgoing links use the client context (tls-client-cert-file) or the same context: same lists either way.
    const link = get(clientLinks[0]!)!;
    const at = !serves && ciphers ? ciphers : link;
    ctx.setting({
      ...base,
      file: at.file,
      at: at.name,
      directive: at.name.value,
      context: `${clientLinks.join(', ')} (outgoing links)`,
      role: 'client',
      serverPreference: null,
    });
  }
}

/** tls-protocols: versions separated by blanks (one quoted argument or several); null when not set. */
function versions(ctx: ReadContext, o: Option | undefined): ProtocolVersion[] | null {
  if (!o || o.args.length === 0 || o.args.every((a) => a.value.trim() === '')) return null;
  const out: ProtocolVersion[] = [];
  for (const a of o.args) {
    for (const t of a.value.split(/\s+/).filter(Boolean)) {
      const k = t.toLowerCase();
      if (Object.hasOwn(VERSIONS, k)) out.push(VERSIONS[k]!);
      else
        ctx.problem(
          o.file,
          a.start,
          a.end,
          'unknown-protocol',
          `tls-protocols: Redis knows no version \`${t}\` (TLSv1, TLSv1.1, TLSv1.2, TLSv1.3); it refuses to start TLS`,
        );
    }
  }
  return out;
}
