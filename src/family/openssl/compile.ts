import type { Cipher } from '../../core/types.js';
import type { Entry, MaskCategory, MaskFields, MaskNames, Selector, Target, TargetData } from './target.js';
import { CaseFoldedMap, CaseFoldedSet } from './case-fold.js';

/** Protocol version numbers as OpenSSL stores them (`min_tls`). */
export const PROTOCOL_VERSION: Readonly<Record<string, number>> = {
  SSLv3: 0x300,
  TLSv1: 0x301,
  'TLSv1.1': 0x302,
  'TLSv1.2': 0x303,
  'TLSv1.3': 0x304,
};

function maskValue(data: TargetData, category: MaskCategory, names: MaskNames | undefined): number {
  if (names === undefined) return 0;
  const bits = data.bits[category];
  if (!bits) throw new Error(`${data.target} has no ${category} bits`);
  if (Array.isArray(names)) return names.reduce((m, n) => (m | bitOf(bits, n, category)) >>> 0, 0);
  const except = names.except.reduce((m, n) => (m | bitOf(bits, n, category)) >>> 0, 0);
  return ~except >>> 0;
}

function bitOf(bits: Record<string, number>, name: string, category: string): number {
  const v = bits[name];
  if (v === undefined) throw new Error(`unknown ${category} bit ${name}`);
  return v;
}

/** Masks of a suite, alias or prologue rule as numbers (no suite id). */
export function selectorOf(data: TargetData, m: MaskFields): Selector {
  return {
    cipherId: 0,
    mkey: maskValue(data, 'mkey', m.mkey),
    auth: maskValue(data, 'auth', m.auth),
    enc: maskValue(data, 'enc', m.enc),
    mac: maskValue(data, 'mac', m.mac),
    ssl: maskValue(data, 'ssl', m.ssl),
    minTls: m.minTls ? (PROTOCOL_VERSION[m.minTls] ?? 0) : 0,
    strength: maskValue(data, 'strength', m.strength),
  };
}

/** `0xC0,0x2F` → 0x0300C02F, the id OpenSSL compares in `ssl_cipher_apply_rule`. */
export function suiteIdNumber(id: string): number {
  const [hi, lo] = id.split(',').map((b) => parseInt(b, 16));
  return (0x03000000 | (hi! << 8) | lo!) >>> 0;
}

function publicCipher(c: Cipher): Cipher {
  return Object.freeze({
    name: c.name,
    stdname: c.stdname,
    id: c.id,
    protocol: c.protocol,
    kx: c.kx,
    au: c.au,
    enc: c.enc,
    mac: c.mac,
    bits: c.bits,
    algBits: c.algBits,
  });
}

/** The printed fields of a TLS 1.3 suite a ciphersuites list may name but the library lacks. */
const UNIMPLEMENTED = {
  protocol: 'TLSv1.3',
  kx: 'any',
  au: 'any',
  enc: 'unknown',
  mac: 'AEAD',
  bits: 0,
  algBits: 0,
} as const;

/**
 * Builds the evaluation form of a target: typed arrays of masks, and the word table that
 * OpenSSL's ssl_cipher_collect_aliases() builds (available suites, then the aliases whose every
 * non-zero category still has an available bit).
 */
export function compileTarget(data: TargetData): Target {
  const n = data.suites.length;
  const t: Target = {
    name: data.target,
    data,
    suites: data.suites.map(publicCipher),
    available: data.suites.map((s) => s.available),
    mkey: new Uint32Array(n),
    auth: new Uint32Array(n),
    enc: new Uint32Array(n),
    mac: new Uint32Array(n),
    ssl: new Uint32Array(n),
    minTls: new Uint32Array(n),
    strength: new Uint32Array(n),
    ids: new Uint32Array(n),
    bits: new Int32Array(n),
    // 4.0+: every name matches in any case (ciphersuites names too).
    words: data.caseInsensitiveWords ? new CaseFoldedMap() : new Map(),
    unregisteredAliases: data.caseInsensitiveWords ? new CaseFoldedSet() : new Set(),
    ciphersuiteNames: data.caseInsensitiveWords ? new CaseFoldedMap() : new Map(),
    strengthGroups: data.strengthGroups.map((g) => ({
      mask: maskValue(data, 'strength', g.bits),
      assignClearsOthers: g.assignClearsOthers,
    })),
    tls13SslBit: data.tls13?.inCipherList ? bitOf(data.bits.ssl ?? {}, 'TLSV1_3', 'ssl') : 0,
  };

  const selectors = data.suites.map((suite) => selectorOf(data, suite.masks));
  data.suites.forEach((suite, i) => {
    const sel = selectors[i]!;
    t.mkey[i] = sel.mkey;
    t.auth[i] = sel.auth;
    t.enc[i] = sel.enc;
    t.mac[i] = sel.mac;
    t.ssl[i] = sel.ssl;
    t.minTls[i] = sel.minTls;
    t.strength[i] = sel.strength;
    t.ids[i] = suiteIdNumber(suite.id);
    t.bits[i] = suite.bits;
  });

  // ca_list: the available suites first (a suite shadows an alias of the same name), matched by
  // OpenSSL name and, from 3.2, by IANA name too.
  data.suites.forEach((suite, i) => {
    if (!suite.available) return;
    const cipherId = data.explicitSuiteMatchesId ? t.ids[i]! : 0;
    const entry: Entry = { ...selectors[i]!, name: suite.name, suite: i, explicit: true, cipherId };
    if (!t.words.has(suite.name)) t.words.set(suite.name, entry);
    if (data.ianaNamesInCipherList && suite.stdname && !t.words.has(suite.stdname)) t.words.set(suite.stdname, entry);
  });

  const disabled = {
    mkey: maskValue(data, 'mkey', data.disabled.mkey),
    auth: maskValue(data, 'auth', data.disabled.auth),
    enc: maskValue(data, 'enc', data.disabled.enc),
    mac: maskValue(data, 'mac', data.disabled.mac),
  };
  for (const alias of data.aliases) {
    const sel = selectorOf(data, alias);
    const registered = (['mkey', 'auth', 'enc', 'mac'] as const).every(
      (cat) => sel[cat] === 0 || (sel[cat] & ~disabled[cat]) >>> 0 !== 0,
    );
    if (!registered) {
      t.unregisteredAliases.add(alias.name);
      continue;
    }
    if (t.words.has(alias.name)) continue;
    const explicit = alias.suiteId !== undefined;
    const cipherId = explicit && data.explicitSuiteMatchesId ? suiteIdNumber(alias.suiteId!) : 0;
    t.words.set(alias.name, { ...sel, name: alias.name, suite: -1, explicit, cipherId });
  }

  // SSL_CTX_set_ciphersuites looks names up by IANA name among the TLS 1.3 suites, every
  // compiled suite and the SCSVs. Whether a suite whose algorithms are unavailable stays in the
  // list depends on the release.
  const tls13 = data.tls13;
  if (tls13?.names) {
    // LibreSSL: each suite by its name and its alias; one the table lacks is known but skipped.
    for (const n of tls13.names) {
      const i = data.suites.findIndex((s) => s.id === n.id);
      const cipher = i >= 0 ? t.suites[i]! : publicCipher({ ...n, stdname: n.name, ...UNIMPLEMENTED });
      for (const name of [n.name, n.alias]) {
        if (!t.ciphersuiteNames.has(name)) t.ciphersuiteNames.set(name, { cipher, usable: i >= 0, tls13: true });
      }
    }
  } else if (tls13) {
    const usable = (available: boolean) => available || !tls13.dropUnavailable;
    for (const c of data.tls13Suites) {
      t.ciphersuiteNames.set(c.stdname!, { cipher: publicCipher(c), usable: usable(c.available), tls13: true });
    }
    data.suites.forEach((c, i) => {
      if (c.stdname && !tls13.tls13NamesOnly && !t.ciphersuiteNames.has(c.stdname)) {
        t.ciphersuiteNames.set(c.stdname, { cipher: t.suites[i]!, usable: usable(c.available), tls13: false });
      }
    });
    for (const c of data.scsvs) {
      if (c.stdname && !tls13.tls13NamesOnly && !t.ciphersuiteNames.has(c.stdname)) {
        t.ciphersuiteNames.set(c.stdname, { cipher: publicCipher(c), usable: true, tls13: false });
      }
    }
  }
  return t;
}
