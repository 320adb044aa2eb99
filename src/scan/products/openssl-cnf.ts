// OpenSSL's own configuration (openssl.cnf, config(5)): `[ section ]` headers, `name = value`,
// `#` comments, `$name` / `${section::name}` references, `.include FILE`. The chain
// `openssl_conf = A` (default section) -> [A] `ssl_conf = B` -> [B] `system_default = C` ->
// [C] names the SSL_CONF commands that SSL_CTX_new applies to every context of every program on
// the host that loads the file (ssl/ssl_mcnf.c ssl_do_config with "system_default"): CipherString,
// Ciphersuites, MinProtocol, MaxProtocol, Options. A product's own calls come after and win.
import { readKeyValues, type KeyValueLine } from '../syntax/keyvalue.js';
import { looksUnresolved, type Word } from '../text.js';
import { folderOf } from '../paths.js';
import { atLeast, atMost, protocolNamed } from '../protocols.js';
import type { ProtocolVersion } from '../../supported/protocol.js';
import { baseName, type ProductReader, type ReadContext, type ScannedFile, type ValueSource } from '../product.js';

const RULES = {
  comment: '#',
  inlineComment: '#',
  separator: 'optional',
  quotes: '"\'',
  backslash: true,
  name: /[\w.:;-]+/,
} as const;

interface Value {
  key: Word;
  value: Word;
  file: ScannedFile;
}

/** Sections by name, each its values by name (the last one written wins), in the order written. */
type Sections = Map<string, { header: Word | null; file: ScannedFile; values: Map<string, Value> }>;

export const opensslCnf: ProductReader = {
  id: 'openssl-cnf',
  recognise(path, text) {
    const name = baseName(path);
    if (name === 'openssl.cnf' || name === 'openssl.cfg') return 'main';
    if (/(^|\n)[ \t]*openssl_conf[ \t]*=/.test(text)) return 'main';
    return /(^|\n)[ \t]*\[[ \t]*[\w.]+[ \t]*\]/.test(text) &&
      /(^|\n)[ \t]*(CipherString|Ciphersuites|MinProtocol)[ \t]*=/.test(text)
      ? 'part'
      : null;
  },
  read(file, ctx) {
    const found = systemDefault(ctx, file, 'openssl_conf');
    if (!found) return;
    const at = found.at;
    ctx.setting({
      file: at.file,
      at: at.word,
      directive: at.directive,
      context: `[${found.section}] (system_default: every program's SSL_CTX_new${file === at.file ? '' : `, ${baseName(file.path)}`})`,
      // The section applies to servers and clients alike; it is reported once, as a server's.
      role: 'server',
      cipherString: found.cipherString,
      ciphersuites: found.ciphersuites,
      protocols: found.protocols,
      seclevel: null,
      serverPreference: found.serverPreference ?? ctx.defaults.serverPreference,
    });
  },
};

/** What a configuration's system_default section sets (see ssl/ssl_mcnf.c). */
export interface SystemDefault {
  /** The section's name. */
  section: string;
  /** Where to report it: its CipherString, else its header. */
  at: { file: ScannedFile; word: Word; directive: string };
  cipherString: ValueSource;
  ciphersuites: ValueSource;
  /** MinProtocol / MaxProtocol; null when neither is set. */
  protocols: ProtocolVersion[] | null;
  /** Options ServerPreference / -ServerPreference; null when not set. */
  serverPreference: boolean | null;
}

/**
 * Reads an OpenSSL configuration file (and its .include files) and follows `appName` (as
 * CONF_modules_load_file does: the application's name, `openssl_conf` for the default one) ->
 * ssl_conf -> system_default; null when the chain ends before (problems reported on the way).
 */
export function systemDefault(ctx: ReadContext, file: ScannedFile, appName: string): SystemDefault | null {
  const sections: Sections = new Map([['default', { header: null, file, values: new Map() }]]);
  let current = 'default';
  const visit = (f: ScannedFile) => {
    const { lines, errors } = readKeyValues(f.text, RULES);
    for (const e of errors) ctx.problem(f, e.start, e.end, 'config-syntax', `openssl.cnf: ${e.message}`);
    for (const line of lines) readLine(line, f);
  };
  const readLine = (line: KeyValueLine, f: ScannedFile) => {
    if (line.kind === 'section') {
      current = line.name.value;
      if (!sections.has(current)) sections.set(current, { header: line.name, file: f, values: new Map() });
      return;
    }
    const key = line.key.value;
    if (key === '.include') {
      const target = line.kind === 'pair' ? line.value : line.rest;
      if (target) ctx.include(f, target, folderOf(f.path), visit);
      return;
    }
    if (key === '.pragma') return;
    if (line.kind === 'bare') {
      ctx.problem(
        f,
        line.key.start,
        line.rest?.end ?? line.key.end,
        'config-syntax',
        `openssl.cnf: \`${key}\` without \`=\``,
      );
      return;
    }
    sections.get(current)!.values.set(key, { key: line.key, value: line.value, file: f });
  };
  visit(file);
  return follow(ctx, sections, appName);
}

/** Follows the application's section -> ssl_conf -> system_default, and reads what that section sets. */
function follow(ctx: ReadContext, sections: Sections, appName: string): SystemDefault | null {
  const step = (section: string, name: string): { name: string; from: Value } | null => {
    const v = sections.get(section)?.values.get(name);
    if (!v) return null;
    const target = resolve(ctx, sections, section, v);
    if (target === null) return null;
    if (!sections.has(target)) {
      ctx.problem(
        v.file,
        v.value.start,
        v.value.end,
        'config-syntax',
        `openssl.cnf: ${name} names a section [${target}] that is not in the file; OpenSSL fails to load the configuration`,
      );
      return null;
    }
    return { name: target, from: v };
  };
  // CONF_modules_load_file: the application's own name, else openssl_conf.
  const init = step('default', appName) ?? (appName === 'openssl_conf' ? null : step('default', 'openssl_conf'));
  const ssl = init && step(init.name, 'ssl_conf');
  const system = ssl && step(ssl.name, 'system_default');
  if (!system) return null;
  const { values, header, file: sectionFile } = sections.get(system.name)!;
  const command = (n: string) =>
    [...values.values()].filter((v) => v.key.value.toLowerCase() === n.toLowerCase()).at(-1);
  const source = (n: string): ValueSource => {
    const v = command(n);
    if (!v) return { kind: 'library' };
    const resolved = resolve(ctx, sections, system.name, v);
    if (resolved === null) return { kind: 'library' };
    return resolved === v.value.value
      ? { kind: 'written', file: v.file, word: v.value, directive: v.key.value }
      : {
          kind: 'product',
          value: resolved,
          from: `${v.key.value} = ${v.value.value} in [${system.name}], references filled in`,
        };
  };
  for (const n of ['CipherString', 'Ciphersuites', 'MinProtocol', 'MaxProtocol', 'Options']) {
    const v = command(n);
    if (v && resolve(ctx, sections, system.name, v) === null) return null;
  }
  let protocols: ProtocolVersion[] | null = null;
  for (const n of ['MinProtocol', 'MaxProtocol']) {
    const v = command(n);
    if (!v || /^none$/i.test(v.value.value)) continue;
    const p = protocolNamed(v.value.value);
    if (p === null || p === 'none')
      ctx.problem(
        v.file,
        v.value.start,
        v.value.end,
        'unknown-protocol',
        `${v.key.value}: OpenSSL knows no version \`${v.value.value}\``,
      );
    else protocols = n === 'MinProtocol' ? atLeast(protocols, p) : atMost(protocols, p);
  }
  let serverPreference: boolean | null = null;
  for (const flag of (command('Options')?.value.value ?? '').split(',')) {
    const f = flag.trim();
    if (f.replace(/^-/, '') === 'ServerPreference') serverPreference = !f.startsWith('-');
  }
  const at = command('CipherString') ?? null;
  return {
    section: system.name,
    at: at
      ? { file: at.file, word: at.key, directive: at.key.value }
      : { file: sectionFile, word: header ?? system.from.value, directive: `[${system.name}]` },
    cipherString: source('CipherString'),
    ciphersuites: source('Ciphersuites'),
    protocols,
    serverPreference,
  };
}

/**
 * A value with its `$name`, `${name}`, `$section::name` references filled in; null (and a
 * problem) when one names the environment (`ENV::`) or nothing known.
 */
function resolve(ctx: ReadContext, sections: Sections, section: string, v: Value, depth = 0): string | null {
  let unknown: string | null = null;
  const out = v.value.value.replace(
    /\$(?:\{([^}]*)\}|\(([^)]*)\)|([\w]+(?:::[\w]+)?))/g,
    (whole, a?: string, b?: string, c?: string) => {
      const ref = (a ?? b ?? c)!;
      const [sec, name] = ref.includes('::') ? (ref.split('::') as [string, string]) : [section, ref];
      const found =
        sec === 'ENV' ? undefined : (sections.get(sec)?.values.get(name) ?? sections.get('default')?.values.get(name));
      if (!found || depth > 10) {
        unknown ??= whole;
        return whole;
      }
      return resolve(ctx, sections, sec, found, depth + 1) ?? whole;
    },
  );
  const bad = unknown ?? (depth === 0 ? looksUnresolved(out) : null);
  if (bad) {
    if (depth === 0)
      ctx.problem(
        v.file,
        v.value.start,
        v.value.end,
        'unresolved-value',
        `${v.key.value}: \`${bad}\` comes from the environment or a name the file does not define; cipherx cannot know the value`,
      );
    return null;
  }
  return out;
}
