// Dovecot 2.3: `key = value` lines (the rest of the line; a trailing backslash continues it),
// sections `name [arg] {` ... `}`, `!include` / `!include_try` relative to the including file.
// The filter sections `protocol`, `local`, `local_name` and `remote` override the global
// settings for their connections: each is a TLS context of its own. Dovecot always calls
// SSL_CTX_set_cipher_list (ssl_cipher_list has a default), SSL_CTX_set_ciphersuites only when
// ssl_cipher_suites is not empty, and sets ssl_min_protocol as the minimum with no maximum
// (src/lib-ssl-iostream/iostream-openssl-context.c ssl_iostream_context_set).
import { type Word } from '../text.js';
import { folderOf } from '../paths.js';
import { atLeast } from '../protocols.js';
import { PROTOCOL_VERSIONS, type ProtocolVersion } from '../../supported/protocol.js';
import { baseName, type ProductReader, type ReadContext, type ScannedFile, type ValueSource } from '../product.js';

const KEYS = ['ssl', 'ssl_cipher_list', 'ssl_cipher_suites', 'ssl_min_protocol', 'ssl_prefer_server_ciphers'] as const;
type Key = (typeof KEYS)[number];
const FILTERS = new Set(['protocol', 'local', 'local_name', 'remote']);

/** A setting's value and where it is written (null: it cannot be known). */
interface Value {
  word: Word;
  file: ScannedFile;
  key: string;
  /** Where the key is written. */
  keyAt: number;
  known: boolean;
}

/** One filter (or the global settings): its own values, its parent, and where it opens. */
interface Filter {
  label: string;
  parent: Filter | null;
  values: Partial<Record<Key, Value>>;
  at: { file: ScannedFile; word: Word } | null;
}

export const dovecot: ProductReader = {
  id: 'dovecot',
  recognise(path, text) {
    if (baseName(path) === 'dovecot.conf') return 'main';
    // Not `ssl = on` (PostgreSQL) nor ssl_min_protocol_version: Dovecot's own names and values.
    return /(^|\n)[ \t]*(ssl_(cipher_list|cipher_suites|min_protocol|prefer_server_ciphers)[ \t]*=|ssl[ \t]*=[ \t]*(yes|no|required)[ \t]*(#.*)?(\n|$)|!include(_try)?[ \t])/.test(
      text,
    )
      ? 'part'
      : null;
  },
  read(file, ctx) {
    const global: Filter = { label: 'global', parent: null, values: {}, at: null };
    const filters = new Map<string, Filter>();
    readFile(file, ctx, [{ filter: global, section: null }], filters);
    if (baseName(file.path) === 'dovecot.conf' || Object.keys(global.values).length > 0 || filters.size > 0) {
      report(ctx, global, { file, word: { value: '', start: 0, end: 0, valueAt: 0 } });
    }
    for (const f of filters.values()) {
      const own = Object.keys(f.values).some((k) => k !== 'ssl');
      const turnsOn =
        f.values.ssl !== undefined && f.parent !== null && lookup(f.parent, 'ssl')?.word.value.toLowerCase() === 'no';
      if (own || turnsOn) report(ctx, f, f.at!);
    }
  },
};

/** An open section: the filter it is in, and its name unless it is a filter. */
interface Open {
  filter: Filter;
  section: string | null;
}

function readFile(file: ScannedFile, ctx: ReadContext, stack: Open[], filters: Map<string, Filter>): void {
  const text = file.text;
  const depth = stack.length;
  let at = 0;
  let carried: { start: number; parts: string[] } | null = null;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const lineStart = at;
    at = end + 1;
    const raw = stripComment(text.slice(lineStart, end));
    const body = raw.trim();
    if (body === '' && carried === null) continue;
    if (body.endsWith('\\')) {
      carried ??= { start: lineStart + raw.indexOf(body[0] ?? ''), parts: [] };
      carried.parts.push(body.slice(0, -1).trim());
      continue;
    }
    const offset = carried ? carried.start : lineStart + raw.indexOf(body[0] ?? '');
    const line = carried ? [...carried.parts, body].filter(Boolean).join(' ') : body;
    const joined = carried !== null;
    carried = null;
    if (line === '') continue;
    const top = stack.at(-1)!;
    const m = /^(\S+?)\s*(=|\s|$)\s*(.*)$/.exec(line)!;
    const key = m[1]!;
    const rest = m[3]!;
    const restAt = joined ? offset : offset + line.length - rest.length;
    const word = (value: string): Word => ({
      value,
      start: restAt,
      end: restAt + rest.length,
      valueAt: joined ? null : restAt + (rest.length > value.length && /^["']/.test(rest) ? 1 : 0),
    });
    if (key === '!include' || key === '!include_try') {
      const path = rest.replace(/^(["'])(.*)\1$/, '$2');
      ctx.include(
        file,
        word(path),
        folderOf(file.path),
        (inc) => readFile(inc, ctx, stack, filters),
        key === '!include_try',
      );
    } else if (m[2] === '=') {
      if (top.section !== null || !(KEYS as readonly string[]).includes(key)) continue;
      const quoted = /^(["']).*\1$/.test(rest) && rest.length >= 2;
      const known = quoted || !(rest.startsWith('<') || /(^|\s)\$/.test(rest));
      top.filter.values[key as Key] = {
        word: word(quoted ? unescape(rest.slice(1, -1)) : rest),
        file,
        key,
        keyAt: offset,
        known,
      };
    } else if (key === '}' && rest === '') {
      if (stack.length <= depth)
        ctx.problem(file, offset, offset + 1, 'config-syntax', 'dovecot: a `}` that closes no section');
      else stack.pop();
    } else if (/^(("[^"]*"|\S+)\s*)?\{$/.test(rest)) {
      const arg = rest.replace(/\s*\{$/, '').replace(/^"(.*)"$/, '$1');
      if (FILTERS.has(key) && top.section === null) {
        const label = top.filter.parent ? `${top.filter.label} > ${key} ${arg}` : `${key} ${arg}`;
        const filter = filters.get(label) ?? {
          label,
          parent: top.filter,
          values: {},
          at: { file, word: { value: key, start: offset, end: offset + key.length, valueAt: offset } },
        };
        filters.set(label, filter);
        stack.push({ filter, section: null });
      } else stack.push({ filter: top.filter, section: key });
    } else
      ctx.problem(
        file,
        offset,
        offset + line.length,
        'config-syntax',
        `dovecot: \`${line}\` is neither \`key = value\`, a section nor \`}\``,
      );
  }
  if (stack.length > depth)
    ctx.problem(
      file,
      text.length,
      text.length,
      'config-syntax',
      'dovecot: a section that is not closed at the end of the file',
    );
  stack.length = Math.min(stack.length, depth);
}

/** The line without its comment: `#` outside quotes (config-parser.c). */
function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"' || c === "'") {
      for (i++; i < line.length && line[i] !== c; i++) if (line[i] === '\\') i++;
    } else if (c === '#') return line.slice(0, i);
  }
  return line;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** A setting's value in force at a filter: its own, or its parents'. */
function lookup(f: Filter, key: Key): Value | undefined {
  for (let x: Filter | null = f; x; x = x.parent) if (x.values[key]) return x.values[key];
  return undefined;
}

function report(ctx: ReadContext, f: Filter, at: { file: ScannedFile; word: Word }): void {
  const d = ctx.defaults;
  const ssl = lookup(f, 'ssl');
  if (ssl?.word.value.toLowerCase() === 'no') return;
  for (const key of KEYS) {
    const v = lookup(f, key);
    if (v && !v.known) {
      ctx.problem(
        v.file,
        v.word.start,
        v.word.end,
        'unresolved-value',
        `${key}: \`${v.word.value}\` is read from a file or another setting when Dovecot starts; cipherx cannot know it`,
      );
      return;
    }
  }
  const list = lookup(f, 'ssl_cipher_list');
  const suites = lookup(f, 'ssl_cipher_suites');
  const min = lookup(f, 'ssl_min_protocol');
  const prefer = lookup(f, 'ssl_prefer_server_ciphers');
  const cipherString: ValueSource = list
    ? { kind: 'written', file: list.file, word: list.word, directive: 'ssl_cipher_list' }
    : { kind: 'product', value: d.cipherString!, from: `ssl_cipher_list not set: Dovecot ${d.version}'s default` };
  // An empty ssl_cipher_suites is no call (p_strdup_empty).
  const ciphersuites: ValueSource =
    suites && suites.word.value !== ''
      ? { kind: 'written', file: suites.file, word: suites.word, directive: 'ssl_cipher_suites' }
      : { kind: 'library' };
  let protocols: ProtocolVersion[] | null = d.protocols;
  if (min) {
    const name = min.word.value;
    const lower = name.toLowerCase();
    // LATEST is TLS_MAX_VERSION: TLSv1.3 with OpenSSL 3 (iostream-openssl-common.c).
    const v =
      lower === 'any'
        ? 'any'
        : lower === 'latest'
          ? 'TLSv1.3'
          : PROTOCOL_VERSIONS.find((p) => p.toLowerCase() === lower);
    if (v === undefined) {
      ctx.problem(
        min.file,
        min.word.start,
        min.word.end,
        'unknown-protocol',
        `ssl_min_protocol: Dovecot knows no \`${name}\` (ANY, SSLv3, TLSv1 ... TLSv1.3, LATEST); it refuses to start`,
      );
      return;
    }
    protocols = v === 'any' ? null : atLeast(null, v);
  }
  // Reported at its own ssl_cipher_list, else its own `ssl`, else where the filter opens (the main file's start).
  const mark = f.values.ssl_cipher_list ?? f.values.ssl;
  const place = mark
    ? {
        file: mark.file,
        word: { value: mark.key, start: mark.keyAt, end: mark.keyAt + mark.key.length, valueAt: mark.keyAt },
      }
    : at;
  ctx.setting({
    file: place.file,
    at: place.word,
    directive: place.word.value || 'ssl_cipher_list',
    context: f.label,
    role: 'server',
    cipherString,
    ciphersuites,
    protocols,
    seclevel: null,
    serverPreference: prefer ? /^(yes|y|1|true)$/i.test(prefer.word.value) : d.serverPreference,
  });
}
