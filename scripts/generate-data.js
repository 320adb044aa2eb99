#!/usr/bin/env node
// Builds data/<target>.json for every OpenSSL target from the recorded material in data/source/.
//
// Inputs, per target (named in data/source/target-facts.json):
//   tables/table-<release>.json          what the real build lists through the API
//                                        (names, printed columns, the TLS 1.3 defaults)
//   source-tables/openssl-<release>.json the suite and alias masks as written in the sources
//   target-facts.json                    build conditions, disabled algorithms, dialect rules
//   iana-names.json                      IANA names of suites no recorded table names
// The script joins them and refuses to write a table that contradicts the build: the suites
// it derives as available must be exactly the ones the build listed, every build condition
// must be decided, every alias must appear in the build's order.
//
// Usage: node scripts/generate-data.js [--check]   (--check: fail when data/ is stale)
import { readFileSync } from 'node:fs';
import { compactJson, writeOrCheck } from './lib/generated-file.js';
import { printedFields } from './lib/recorded-suite.js';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'data', 'source');
const readJson = (p) => JSON.parse(readFileSync(join(sourceDir, p), 'utf8'));

// Which macros of ssl_local.h (ssl_locl.h before 3.0) are bits of which mask. Single-bit
// macros only, in definition order; a second name for a bit already taken is an alias
// (kEDH = kDHE, TLSV1 = SSLV3 in 1.0.2) and is skipped.
const CATEGORY_OF = {
  mkey: (n) => /^k[A-Z]/.test(n) && n !== 'kANY',
  auth: (n) => /^a[A-Z]/.test(n) && n !== 'aANY' && n !== 'aCERT',
  enc: (n) =>
    /^(DES|3DES|RC4|RC2|IDEA|eNULL|AES(128|256)(GCM|CCM8?)?|CAMELLIA(128|256)|eGOST2814789CNT(12)?|SEED|CHACHA20POLY1305|ARIA(128|256)GCM|MAGMA|KUZNYECHIK)$/.test(
      n,
    ),
  mac: (n) => /^(MD5|SHA1|GOST94|GOST89MAC(12)?|SHA256|SHA384|AEAD|GOST12_(256|512)|MAGMAOMAC|KUZNYECHIKOMAC)$/.test(n),
  ssl: (n) => /^(SSLV2|SSLV3|TLSV1|TLSV1_2)$/.test(n),
  strength: (n) => /^(NOT_EXP|EXPORT|STRONG_NONE|EXP40|MICRO|EXP56|MINI|LOW|MEDIUM|HIGH|FIPS|NOT_DEFAULT)$/.test(n),
};
const MASK_CATEGORIES = ['mkey', 'auth', 'enc', 'mac'];
const PROTOCOLS = { 0x300: 'SSLv3', 0x301: 'TLSv1', 0x302: 'TLSv1.1', 0x303: 'TLSv1.2', 0x304: 'TLSv1.3' };

function bitDictionary(macros, categories) {
  const single = (v) => v > 0 && (v & (v - 1)) === 0;
  const dict = {};
  for (const cat of categories) {
    dict[cat] = {};
    const taken = new Set();
    for (const [macro, value] of Object.entries(macros)) {
      const n = macro.replace(/^SSL_/, '');
      if (CATEGORY_OF[cat](n) && single(value) && !taken.has(value)) {
        dict[cat][n] = value;
        taken.add(value);
      }
    }
  }
  return dict;
}

// A mask as bit names; a mask with bits beyond the named ones (OpenSSL writes ~SSL_aNULL) becomes
// { except: [...] }, which matches the same suites.
function maskToNames(mask, bits, what) {
  const names = Object.keys(bits).filter((n) => (mask & bits[n]) >>> 0 !== 0);
  const known = names.reduce((a, n) => (a | bits[n]) >>> 0, 0);
  if (mask >>> 0 === known) return names;
  const all = Object.values(bits).reduce((a, v) => (a | v) >>> 0, 0);
  const missing = Object.keys(bits).filter((n) => (mask & bits[n]) === 0);
  if ((mask | all) >>> 0 !== 0xffffffff) {
    throw new Error(`${what}: mask 0x${mask.toString(16)} is neither a set of known bits nor a complement`);
  }
  return { except: missing };
}

function hexId(id) {
  const hex = (b) => '0x' + b.toString(16).toUpperCase().padStart(2, '0');
  return `${hex((id >> 8) & 0xff)},${hex(id & 0xff)}`;
}

function masksOf(entry, bits, what) {
  const out = {};
  for (const cat of MASK_CATEGORIES) {
    if (entry[cat]) out[cat] = maskToNames(entry[cat], bits[cat], `${what} ${cat}`);
  }
  if (entry.min_tls) out.minTls = PROTOCOLS[entry.min_tls];
  if (entry.algorithm_ssl) out.ssl = maskToNames(entry.algorithm_ssl, bits.ssl, `${what} ssl`);
  const strength = maskToNames(entry.algo_strength, bits.strength, `${what} strength`);
  if (strength.length) out.strength = strength;
  return out;
}

// IANA names are facts of the suites, not of a release: take them from every recorded table.
function ianaNames() {
  const names = new Map(Object.entries(readJson('iana-names.json').names));
  for (const v of ['1.1.1w', '3.0.20', '3.5.7']) {
    const t = readJson(`tables/table-${v}.json`);
    for (const c of [...t.ciphers, ...t.known_by_code_but_not_in_all_complementofall]) {
      if (c.standard_name) names.set(c.id, c.standard_name);
    }
  }
  return names;
}

function strengthGroups(facts, macros, bits) {
  return facts.strengthGroups.map((g) => {
    const mask = g.mask ? macros['SSL_' + g.mask] : g.bits.reduce((a, n) => a | bits.strength[n], 0);
    if (!mask) throw new Error(`strength group ${g.name}: no mask`);
    return {
      name: g.name,
      bits: maskToNames(mask, bits.strength, g.name),
      assignClearsOthers: g.assignClearsOthers ?? false,
    };
  });
}

function buildTarget(name, facts, iana) {
  const table = readJson(facts.table);
  const source = readJson(facts.sourceTable);
  const protocolBits = facts.protocolField === 'algorithm_ssl';
  const bits = bitDictionary(source.macros, [...MASK_CATEGORIES, ...(protocolBits ? ['ssl'] : []), 'strength']);
  const disabled = {};
  for (const cat of MASK_CATEGORIES) {
    for (const n of facts.disabled[cat])
      if (bits[cat][n] === undefined) throw new Error(`${name}: unknown ${cat} bit ${n}`);
    disabled[cat] = facts.disabled[cat].reduce((a, n) => a | bits[cat][n], 0);
  }
  const compiled = (e) =>
    e.valid &&
    e.conditions.every((c) => {
      if (!(c in facts.buildConditions)) throw new Error(`${name}: build condition ${c} (on ${e.name}) is not decided`);
      return facts.buildConditions[c];
    });
  const isDisabled = (e) => MASK_CATEGORIES.some((cat) => (e[cat] & disabled[cat]) !== 0);

  const listed = new Map(
    [...table.ciphers, ...table.known_by_code_but_not_in_all_complementofall].map((c) => [c.id, c]),
  );
  const listedNames = new Set(table.ciphers.map((c) => c.name));
  const suites = [];
  for (const e of source.ssl3_ciphers) {
    if (!compiled(e)) continue;
    const id = hexId(e.id);
    const seen = listed.get(id);
    if (!seen) throw new Error(`${name}: ${e.name} (${id}) is compiled in but the build does not know it`);
    const available = !isDisabled(e);
    if (available !== listedNames.has(seen.name)) {
      throw new Error(
        `${name}: ${seen.name} derived ${available ? 'available' : 'unavailable'}, the build says otherwise`,
      );
    }
    suites.push({
      ...printedFields(seen),
      stdname: seen.standard_name ?? e.stdname ?? iana.get(id) ?? null,
      available,
      masks: masksOf(e, bits, seen.name),
    });
  }
  const availableCount = suites.filter((s) => s.available).length;
  if (availableCount !== table.ciphers.length) {
    throw new Error(`${name}: ${table.ciphers.length} suites listed by the build, ${availableCount} derived`);
  }
  // ssl_cipher_collect_ciphers(): 1.1.0+ sorts by id; 1.0.2 keeps get_cipher() order, which is
  // the source table read backwards.
  const collectOrder =
    facts.initialOrder === 'source-reverse'
      ? suites
          .filter((s) => s.available)
          .map((s) => s.id)
          .reverse()
      : 'id-descending';
  suites.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const tls13 = (table.tls13_ciphersuites ?? []).map((c) => {
    const e = source.tls13_ciphers.find((t) => hexId(t.id) === c.id);
    return { ...printedFields(c), available: true, masks: masksOf(e, bits, c.name) };
  });
  const scsvs = table.known_by_code_but_not_in_all_complementofall
    .filter((c) => /_SCSV$/.test(c.name))
    .map(printedFields);

  const aliases = source.aliases.map((a) => {
    const entry = { name: a.name, ...masksOf(a, bits, a.name) };
    if (a.valid) entry.suiteId = hexId(a.id);
    return entry;
  });
  const aliasOrder = aliases.map((a) => a.name);
  if (JSON.stringify(aliasOrder) !== JSON.stringify(table.alias_table_order)) {
    throw new Error(`${name}: alias order differs from the build`);
  }

  return {
    $comment: `Generated by scripts/generate-data.js from data/source/ (${facts.table}, ${facts.sourceTable}, target-facts.json). Do not edit.`,
    target: name,
    release: facts.release,
    versionText: table.version_text,
    origin: `${table.source.origin}; ${table.source.build}`,
    defaultSeclevel: table.info.default_seclevel ?? null,
    protocols: facts.protocols.versions,
    securityLevels: securityLevels(name, facts, table),
    extraNameChars: facts.extraNameChars,
    ianaNamesInCipherList: facts.ianaNamesInCipherList,
    specials: facts.specials,
    explicitSuiteMatchesId: facts.explicitSuiteMatchesId,
    strengthGroups: strengthGroups(facts, source.macros, bits),
    defaultCipherList: facts.defaultCipherList,
    tls13: facts.tls13 ? { ...facts.tls13, defaultCiphersuites: table.default_tls13_ciphersuites.join(':') } : null,
    collectOrder,
    layout: facts.layout,
    bits,
    disabled: facts.disabled,
    prologue: facts.prologue,
    suites,
    tls13Suites: tls13,
    scsvs,
    aliases,
  };
}

/** The security-level rules of the release, without their provenance note; null where the release has none. */
function securityLevels(name, facts, table) {
  const hasLevels = table.info.default_seclevel !== undefined;
  if (hasLevels !== (facts.securityLevels !== null)) {
    throw new Error(
      `${name}: securityLevels in target-facts.json disagree with the build (default level ${table.info.default_seclevel})`,
    );
  }
  if (!hasLevels) return null;
  const { $source, ...rules } = facts.securityLevels;
  if (!$source) throw new Error(`${name}: securityLevels needs a $source`);
  return rules;
}

const facts = readJson('target-facts.json');
const iana = ianaNames();
const check = process.argv.includes('--check');
let fresh = true;
for (const [name, f] of Object.entries(facts)) {
  if (name.startsWith('$')) continue;
  const file = join(root, 'data', `${name}.json`);
  fresh =
    writeOrCheck(file, compactJson(buildTarget(name, f, iana)), { check, root, regenerate: 'npm run generate:data' }) &&
    fresh;
}
process.exit(fresh ? 0 : 1);
