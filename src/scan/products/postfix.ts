// Postfix: main.cf parameters (`name = value`, a line starting with white space continues the
// one before) and master.cf services overriding them with `-o name=value`. Postfix composes the
// string itself (tls_set_ciphers in src/tls/tls_misc.c): the grade's tls_<grade>_cipherlist,
// then `:!X` for each token of the exclusions that apply. It never sets a TLS 1.3 list, and it
// sets security level 0 on its contexts (tls_server.c, tls_client.c).
import { splitLines, wordAt, type Word } from '../text.js';
import { folderOf } from '../paths.js';
import { atLeast, atMost, protocolNamed } from '../protocols.js';
import { PROTOCOL_VERSIONS, type ProtocolVersion } from '../../supported/protocol.js';
import { systemDefault, type SystemDefault } from './openssl-cnf.js';
import { baseName, type ProductReader, type ReadContext, type ScannedFile, type ValueSource } from '../product.js';

/** A parameter's value and where it is written. */
interface Param {
  word: Word;
  file: ScannedFile;
  name: string;
}

type Params = ReadonlyMap<string, Param>;

const GRADES = new Set(['export', 'low', 'medium', 'high', 'null']);

export const postfix: ProductReader = {
  id: 'postfix',
  recognise(path, text) {
    if (baseName(path) === 'main.cf') return 'main';
    if (baseName(path) === 'master.cf') return null;
    return /(^|\n)(smtpd?_tls_\w+|tls_\w+_cipherlist)\s*=/.test(text) ? 'main' : null;
  },
  read(file, ctx) {
    const main = readMainCf(file);
    server(ctx, file, main, 'main.cf smtpd', main.get('smtpd_tls_security_level')?.word ?? wordAt(file.text, 0, 0));
    client(ctx, file, main);
    const master = wordAt('master.cf', 0, 'master.cf'.length);
    ctx.include(
      file,
      master,
      folderOf(file.path),
      (m) => {
        for (const service of readMasterCf(m)) {
          if (service.command !== 'smtpd' || service.overrides.size === 0) continue;
          if (![...service.overrides.keys()].some((k) => /^(smtpd_tls_|tls_|smtpd_use_tls|smtpd_enforce_tls)/.test(k)))
            continue;
          const params = new Map([...main, ...service.overrides]);
          server(ctx, m, params, `master.cf ${service.name.value}`, service.name);
        }
      },
      true,
    );
  },
};

/** main.cf as parameters: the last definition of a name wins. */
function readMainCf(file: ScannedFile): Map<string, Param> {
  const out = new Map<string, Param>();
  const text = file.text;
  let at = 0;
  for (const raw of text.split('\n')) {
    const start = at;
    at += raw.length + 1;
    if (/^\s/.test(raw) || /^\s*(#|$)/.test(raw)) continue;
    // The logical line: this one and the lines after it that start with white space.
    let end = start + raw.length;
    for (let next = at; next < text.length;) {
      const nl = text.indexOf('\n', next);
      const line = text.slice(next, nl < 0 ? text.length : nl);
      if (!/^\s/.test(line) || /^\s*$/.test(line)) break;
      if (!/^\s*#/.test(line)) end = next + line.length;
      next = nl < 0 ? text.length : nl + 1;
    }
    const m = /^([\w.-]+)\s*=\s*/.exec(raw);
    if (!m) continue;
    let valueStart = start + m[0].length;
    let valueEnd = end;
    while (valueEnd > valueStart && /\s/.test(text[valueEnd - 1]!)) valueEnd--;
    if (valueStart > valueEnd) valueStart = valueEnd;
    const value = text.slice(valueStart, valueEnd).replace(/\s*\n\s*/g, ' ');
    out.set(m[1]!, {
      name: m[1]!,
      file,
      word: {
        value,
        start: valueStart,
        end: valueEnd,
        valueAt: value === text.slice(valueStart, valueEnd) ? valueStart : null,
      },
    });
  }
  return out;
}

interface Service {
  name: Word;
  command: string;
  overrides: Map<string, Param>;
}

/** master.cf services with their command and `-o name=value` overrides. */
function readMasterCf(file: ScannedFile): Service[] {
  const out: Service[] = [];
  for (const line of splitLines(file.text, { comment: '#', quotes: '', backslash: false })) {
    const first = line.words[0];
    if (!first) continue;
    const continued = line.start < file.text.length && /\s/.test(file.text[line.start] ?? '');
    const words = continued ? line.words : line.words.slice(8);
    if (!continued) out.push({ name: first, command: line.words[7]?.value ?? '', overrides: new Map() });
    const service = out.at(-1);
    if (!service) continue;
    for (let i = 0; i < words.length; i++) {
      if (words[i]!.value !== '-o' || !words[i + 1]) continue;
      const w = words[++i]!;
      const eq = w.value.indexOf('=');
      if (eq <= 0) continue;
      const name = w.value.slice(0, eq);
      service.overrides.set(name, {
        name,
        file,
        word: { value: w.value.slice(eq + 1), start: w.start + eq + 1, end: w.end, valueAt: w.start + eq + 1 },
      });
    }
  }
  return out;
}

/** A parameter's value with `$name` and `${name}` expanded; null when it cannot be (see expandParam). */
function valueOf(params: Params, name: string, defaults: Readonly<Record<string, string>>): string | null {
  const e = expandParam(params, name, defaults);
  return 'value' in e ? e.value : null;
}

type Expansion = { value: string } | { unknown: string } | { loop: string[] } | { tooLong: true };

/** The longest expanded value taken (`a = $b$b`, `b = $c$c`, ... doubles at each step). */
const MAX_EXPANSION = 1 << 20;

/**
 * A parameter's value expanded, or why it cannot be: a name neither written nor known, a
 * reference loop (`a = $b`, `b = $a`: Postfix stops with "unreasonable macro call nesting"), or
 * a value longer than MAX_EXPANSION. Each name is expanded once.
 */
function expandParam(
  params: Params,
  name: string,
  defaults: Readonly<Record<string, string>>,
  memo = new Map<string, Expansion>(),
  active: string[] = [],
): Expansion {
  const known = memo.get(name);
  if (known) return known;
  if (active.includes(name)) return { loop: [...active.slice(active.indexOf(name)), name] };
  const raw = params.get(name)?.word.value ?? (Object.hasOwn(defaults, name) ? defaults[name]! : '');
  let failed: Expansion | null = null;
  let length = 0;
  active.push(name);
  const out = raw.replace(/\$(\{([\w.-]+)\}|([\w.-]+))/g, (_, _x, a: string | undefined, b: string | undefined) => {
    if (failed) return '';
    const ref = (a ?? b)!;
    const e: Expansion =
      params.has(ref) || Object.hasOwn(defaults, ref)
        ? expandParam(params, ref, defaults, memo, active)
        : { unknown: ref };
    if (!('value' in e)) failed = e;
    else if ((length += e.value.length) > MAX_EXPANSION) failed = { tooLong: true };
    return failed ? '' : (e as { value: string }).value;
  });
  active.pop();
  const result: Expansion = failed ?? (out.length > MAX_EXPANSION ? { tooLong: true } : { value: out });
  memo.set(name, result);
  return result;
}

/** Why a parameter cannot be expanded, in words. */
function whyUnexpanded(params: Params, name: string, defaults: Readonly<Record<string, string>>): string {
  const e = expandParam(params, name, defaults);
  if ('loop' in e)
    return `a reference loop (${e.loop.map((n) => `$${n}`).join(' -> ')}); Postfix stops with "unreasonable macro call nesting"`;
  if ('tooLong' in e) return `expands to more than ${MAX_EXPANSION} characters; the string is not evaluated`;
  return 'refers to a parameter cipherx does not know; the string is not evaluated';
}

function server(ctx: ReadContext, file: ScannedFile, params: Params, context: string, at: Word): void {
  const d = ctx.defaults.extra;
  const get = (n: string) => valueOf(params, n, d);
  const level = (get('smtpd_tls_security_level') ?? '').toLowerCase();
  const wrapper = /^yes$/i.test(get('smtpd_tls_wrappermode') ?? '');
  const legacy = /^yes$/i.test(get('smtpd_enforce_tls') ?? '')
    ? 'encrypt'
    : /^yes$/i.test(get('smtpd_use_tls') ?? '')
      ? 'may'
      : '';
  const effective = level || legacy;
  if (effective !== 'may' && effective !== 'encrypt' && !wrapper) return;
  const mandatory = effective === 'encrypt' || wrapper;
  const askCert =
    /^yes$/i.test(get('smtpd_tls_ask_ccert') ?? '') || (mandatory && /^yes$/i.test(get('smtpd_tls_req_ccert') ?? ''));
  const exclusions = ['smtpd_tls_exclude_ciphers', ...(mandatory ? ['smtpd_tls_mandatory_exclude_ciphers'] : [])];
  compose(ctx, file, params, {
    context: `${context} (${mandatory ? 'mandatory' : 'opportunistic'} TLS)`,
    at,
    role: 'server',
    grade: mandatory ? 'smtpd_tls_mandatory_ciphers' : 'smtpd_tls_ciphers',
    exclusions,
    automatic: askCert ? ['aNULL'] : [],
    protocols: mandatory ? 'smtpd_tls_mandatory_protocols' : 'smtpd_tls_protocols',
    seclevel: 0,
    serverPreference: /^yes$/i.test(get('tls_preempt_cipherlist') ?? ''),
  });
}

function client(ctx: ReadContext, file: ScannedFile, params: Params): void {
  const level = (valueOf(params, 'smtp_tls_security_level', ctx.defaults.extra) ?? '').toLowerCase();
  if (level === '' || level === 'none') return;
  const mandatory = level !== 'may';
  const verifies = !['may', 'encrypt'].includes(level);
  compose(ctx, file, params, {
    context: `main.cf smtp (${level})`,
    at: params.get('smtp_tls_security_level')!.word,
    role: 'client',
    grade: mandatory ? 'smtp_tls_mandatory_ciphers' : 'smtp_tls_ciphers',
    exclusions: ['smtp_tls_exclude_ciphers', ...(mandatory ? ['smtp_tls_mandatory_exclude_ciphers'] : [])],
    automatic: level === 'encrypt' ? ['eNULL'] : verifies ? ['aNULL'] : [],
    protocols: mandatory ? 'smtp_tls_mandatory_protocols' : 'smtp_tls_protocols',
    // The client raises the level to 1 for the levels that verify the server (tls_client.c).
    seclevel: verifies ? 1 : 0,
    serverPreference: null,
  });
}

interface Composition {
  context: string;
  at: Word;
  role: 'server' | 'client';
  grade: string;
  exclusions: string[];
  automatic: string[];
  protocols: string;
  seclevel: number;
  serverPreference: boolean | null;
}

function compose(ctx: ReadContext, file: ScannedFile, params: Params, c: Composition): void {
  const d = ctx.defaults.extra;
  const unresolved = [c.grade, ...c.exclusions, c.protocols].find((n) => valueOf(params, n, d) === null);
  if (unresolved) {
    const p = params.get(unresolved);
    const w = p?.word ?? c.at;
    ctx.problem(
      p?.file ?? file,
      w.start,
      w.end,
      'unresolved-value',
      `${unresolved}: ${whyUnexpanded(params, unresolved, d)}`,
    );
    return;
  }
  const grade = valueOf(params, c.grade, d)!.trim().toLowerCase();
  if (!GRADES.has(grade)) {
    const w = params.get(c.grade)?.word ?? c.at;
    ctx.problem(
      params.get(c.grade)?.file ?? file,
      w.start,
      w.end,
      'config-syntax',
      `${c.grade}: \`${grade}\` is no cipher grade (export, low, medium, high, null); Postfix refuses TLS`,
    );
    return;
  }
  const listName = `tls_${grade}_cipherlist`;
  const base = valueOf(params, listName, d);
  const tokens = [...c.exclusions.flatMap((n) => split(valueOf(params, n, d) ?? '')), ...c.automatic];
  const written = params.get(listName);
  let cipherString: ValueSource;
  if (tokens.length === 0 && written && !written.word.value.includes('$')) {
    cipherString = { kind: 'written', file: written.file, word: written.word, directive: listName };
  } else {
    const from = [
      `${listName}${written ? '' : ' (default)'}`,
      ...c.exclusions.filter((n) => split(valueOf(params, n, d) ?? '').length > 0),
      ...(c.automatic.length ? [`:!${c.automatic.join(':!')} added by Postfix`] : []),
    ];
    cipherString = {
      kind: 'product',
      value: [base, ...tokens.map((t) => `!${t}`)].join(':'),
      from: `composed by Postfix from ${c.grade} = ${grade}: ${from.join(', ')}`,
    };
  }
  ctx.setting({
    file,
    at: c.at,
    directive: c.grade,
    context: c.context,
    role: c.role,
    cipherString,
    ciphersuites: tlsConfig(ctx, file, params)?.ciphersuites ?? { kind: 'library' },
    protocols: protocols(valueOf(params, c.protocols, d) ?? ''),
    seclevel: c.seclevel,
    serverPreference: c.serverPreference,
  });
}

/**
 * The OpenSSL configuration Postfix loads (tls_config_file, a path; tls_config_name, the
 * application's section): its system_default applies to Postfix's contexts, and as Postfix never
 * sets a TLS 1.3 list, that section's Ciphersuites is the one the library uses (Postfix's own
 * string, protocols and level replace the rest). `default` (OpenSSL's own file) and `none` give null.
 */
function tlsConfig(ctx: ReadContext, file: ScannedFile, params: Params): SystemDefault | null {
  const defaults = { ...ctx.defaults.extra, config_directory: folderOf(file.path) };
  const path = valueOf(params, 'tls_config_file', defaults)?.trim() ?? '';
  if (path === '' || path === 'default' || path === 'none') return null;
  const app = valueOf(params, 'tls_config_name', defaults)?.trim() || 'openssl_conf';
  const written = params.get('tls_config_file');
  const at = written?.word ?? wordAt(file.text, 0, 0);
  let found: SystemDefault | null = null;
  ctx.include(written?.file ?? file, { ...at, value: path }, folderOf(file.path), (cnf) => {
    found = systemDefault(ctx, cnf, app);
  });
  return found;
}

/** Postfix's list separators: white space, commas and colons. */
function split(value: string): string[] {
  return value.split(/[\s,:]+/).filter((t) => t !== '');
}

/** A protocol list (`>=TLSv1.2`, `!SSLv3, !TLSv1`, `TLSv1.2 TLSv1.3`) as the versions it leaves. */
function protocols(value: string): ProtocolVersion[] {
  let versions: ProtocolVersion[] = [...PROTOCOL_VERSIONS];
  const only: ProtocolVersion[] = [];
  for (const t of split(value)) {
    const m = /^(>=|<=|!)?(.+)$/.exec(t)!;
    const v = protocolNamed(m[2]!);
    if (v === null || v === 'none') continue;
    if (m[1] === '>=') versions = atLeast(versions, v);
    else if (m[1] === '<=') versions = atMost(versions, v);
    else if (m[1] === '!') versions = versions.filter((x) => x !== v);
    else only.push(v);
  }
  return only.length > 0 ? versions.filter((v) => only.includes(v)) : versions;
}
