// MySQL 8.0 and MariaDB 10.11 option files (my.cnf): `[group]` sections of `name = value` or
// bare `name` lines, `#` / `;` comments, `!include FILE` and `!includedir DIR` (its `*.cnf`
// files). The server reads the groups [mysqld], [server] (and [mysqld-8.0]; MariaDB also
// [mariadb], [mariadbd], [mariadb-10.11]); `-` and `_` are the same in names, `loose-` is a
// prefix to leave out, and the last value wins. The server's context differs:
// - MySQL (vio/viosslfactories.cc new_VioSSLFd): SSL_CTX_set_ciphersuites(tls_ciphersuites or
//   its default), SSL_CTX_set_cipher_list(its blocked list, then ssl_cipher or its default),
//   server preference, versions from tls_version; TLS is on unless `ssl=OFF` / `skip-ssl`.
// - MariaDB (vio/viosslfactories.c new_VioSSLFd): ssl_cipher, when set, to both
//   SSL_CTX_set_ciphersuites and SSL_CTX_set_cipher_list; no call otherwise; TLS only when a
//   certificate, key or cipher is configured.
import { readKeyValues, type KeyValueLine } from '../syntax/keyvalue.js';
import type { Word } from '../text.js';
import { folderOf, joinPath } from '../paths.js';
import { protocolRank, type ProtocolVersion } from '../../supported/protocol.js';
import { versionsBetween } from '../protocols.js';
import {
  baseName,
  reportUnresolved,
  type ProductReader,
  type ReadContext,
  type ScannedFile,
  type ValueSource,
} from '../product.js';

const RULES = {
  comment: '#;',
  inlineComment: '#',
  separator: 'required',
  quotes: '"\'',
  backslash: true,
  name: /[^\s=]+/,
} as const;
const VERSIONS: Readonly<Record<string, ProtocolVersion>> = {
  'tlsv1.0': 'TLSv1',
  tlsv1: 'TLSv1',
  'tlsv1.1': 'TLSv1.1',
  'tlsv1.2': 'TLSv1.2',
  'tlsv1.3': 'TLSv1.3',
};
const SERVER_GROUP = /^(mysqld|server|mysqld-[\d.]+|mariadb|mariadbd|mariadb-[\d.]+)$/;
const TLS_ON = new Set([
  'ssl_cert',
  'ssl_key',
  'ssl_ca',
  'ssl_capath',
  'ssl_cipher',
  'ssl',
  'tls_version',
  'ssl_crl',
  'require_secure_transport',
]);

interface Option {
  key: Word;
  name: string;
  value: Word | null;
  file: ScannedFile;
  group: string;
}

export const mysql: ProductReader = {
  id: 'mysql',
  recognise(path, text) {
    const name = baseName(path);
    if (name === 'my.cnf' || name === 'mariadb.cnf') return 'main';
    if (/(^|\/)(mysql|mariadb)(\.conf\.d|\.cnf)?\//.test(path) && /\.cnf$/.test(name)) return 'part';
    return /(^|\n)[ \t]*\[(mysqld|mariadb|mariadbd|mysqld_safe|client-server)\][ \t]*(\r?\n|$)/.test(text)
      ? 'part'
      : null;
  },
  read(file, ctx) {
    const options: Option[] = [];
    let mariadb = /mariadb/i.test(file.path);
    let group = '';
    const visit = (f: ScannedFile) => {
      if (/mariadb/i.test(f.path)) mariadb = true;
      const { lines, errors } = readKeyValues(f.text, RULES);
      for (const e of errors) ctx.problem(f, e.start, e.end, 'config-syntax', `mysql: ${e.message}`);
      for (const line of lines) readLine(line, f);
    };
    const readLine = (line: KeyValueLine, f: ScannedFile) => {
      if (line.kind === 'section') {
        group = line.name.value.toLowerCase();
        if (/^mariadb/.test(group)) mariadb = true;
        return;
      }
      const key = line.key.value;
      if (key === '!include' || key === '!includedir') {
        const target = line.kind === 'bare' ? line.rest : null;
        if (!target) ctx.problem(f, line.key.start, line.key.end, 'config-syntax', `mysql: ${key} without a path`);
        else
          ctx.include(
            f,
            key === '!include' ? target : { ...target, value: joinPath(target.value, '*.cnf') },
            folderOf(f.path),
            visit,
            key === '!includedir',
          );
        return;
      }
      if (!SERVER_GROUP.test(group)) return;
      const name = key
        .toLowerCase()
        .replace(/-/g, '_')
        .replace(/^loose_/, '');
      options.push({ key: line.key, name, value: line.kind === 'pair' ? line.value : null, file: f, group });
    };
    visit(file);
    report(ctx, file, options, mariadb);
  },
};

function report(ctx: ReadContext, file: ScannedFile, options: Option[], mariadb: boolean): void {
  const d = ctx.defaults;
  const last = (n: string) => options.filter((o) => o.name === n).at(-1);
  const off = (o: Option | undefined) => o !== undefined && o.value !== null && /^(0|off|false)$/i.test(o.value.value);
  const disabled = off(last('ssl')) || last('skip_ssl') !== undefined;
  const tlsOptions = options.filter((o) => TLS_ON.has(o.name));
  if (disabled || options.length === 0 || (mariadb && tlsOptions.length === 0)) return;
  const values = tlsOptions.map((o) => (o.value ? { name: o.key.value, file: o.file, word: o.value } : null));
  if (reportUnresolved(ctx, values, 'is filled in before the server reads the file')) return;
  const cipher = last('ssl_cipher');
  const cipherWord = cipher?.value ?? null;
  const written = (o: Option | undefined): ValueSource | null =>
    o?.value ? { kind: 'written', file: o.file, word: o.value, directive: o.key.value } : null;
  let cipherString: ValueSource;
  let ciphersuites: ValueSource;
  if (mariadb) {
    cipherString = written(cipher) ?? { kind: 'library' };
    // The same string goes to SSL_CTX_set_ciphersuites; with no TLS 1.3 name in it that call
    // fails and the library's TLS 1.3 list stays (the server only fails when both calls do).
    ciphersuites = cipherWord && /(^|:)TLS_/.test(cipherWord.value) ? written(cipher)! : { kind: 'library' };
    if (last('tls_ciphersuites')) {
      const t = last('tls_ciphersuites')!;
      ctx.problem(
        t.file,
        t.key.start,
        t.key.end,
        'config-syntax',
        `mysql: MariaDB ${d.extra.mariadbVersion} has no tls_ciphersuites (it hands ssl_cipher to both calls)`,
      );
    }
  } else {
    const list = cipherWord ? cipherWord.value : d.extra.defaultCiphers!;
    cipherString = {
      kind: 'product',
      value: `${d.extra.blockedCiphers}:${list}`,
      from: `MySQL ${d.version} puts its blocked list before ${cipherWord ? `ssl_cipher \`${cipherWord.value}\`` : 'its default list (ssl_cipher not set)'} (vio/viosslfactories.cc)`,
    };
    ciphersuites = written(last('tls_ciphersuites')) ?? {
      kind: 'product',
      value: d.ciphersuites!,
      from: `tls_ciphersuites not set: MySQL ${d.version}'s default`,
    };
  }
  const versionAt = last('tls_version');
  let protocols: ProtocolVersion[] = mariadb ? listed(d.extra.mariadbProtocols!) : (d.protocols ?? []);
  if (versionAt?.value) {
    const named: ProtocolVersion[] = [];
    for (const part of versionAt.value.value.split(',')) {
      const t = part.trim().toLowerCase();
      if (t === '') continue;
      if (Object.hasOwn(VERSIONS, t)) named.push(VERSIONS[t]!);
      else
        ctx.problem(
          versionAt.file,
          versionAt.value.start,
          versionAt.value.end,
          'unknown-protocol',
          `tls_version: no version \`${part.trim()}\` (TLSv1.2, TLSv1.3${mariadb ? ', TLSv1.0, TLSv1.1' : ''})`,
        );
    }
    if (named.length === 0 && !mariadb && versionAt.value.value.trim() === '') return; // tls_version='' turns TLS off (MySQL)
    if (mariadb) protocols = named;
    else {
      // MySQL sets the oldest and newest version named: the range between them.
      const sorted = named
        .filter((v) => protocolRank(v) >= protocolRank('TLSv1.2'))
        .sort((a, b) => protocolRank(a) - protocolRank(b));
      protocols = sorted.length ? versionsBetween(sorted[0]!, sorted.at(-1)!) : [];
    }
  }
  const at = cipher ?? tlsOptions[0] ?? options[0]!;
  ctx.setting({
    file: at.file,
    at: at.key,
    directive: at.key.value,
    context: `${mariadb ? 'MariaDB' : 'MySQL'} [${at.group}]${at.file === file ? '' : ` (${baseName(at.file.path)})`}`,
    role: 'server',
    cipherString,
    ciphersuites,
    protocols,
    seclevel: null,
    serverPreference: mariadb ? false : d.serverPreference,
  });
}

function listed(value: string): ProtocolVersion[] {
  return value.split(',').flatMap((t) => {
    const k = t.trim().toLowerCase();
    return Object.hasOwn(VERSIONS, k) ? [VERSIONS[k]!] : [];
  });
}
