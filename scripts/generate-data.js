#!/usr/bin/env node
// Builds data/<target>.json from the recorded tables in data/source/.
//
// Inputs, per target (named in data/source/target-facts.json):
//   tables/table-<release>.json          what the real build lists through the API
//                                        (names, printed columns, order of the TLS 1.3 defaults)
//   source-tables/openssl-<release>.json the suite and alias masks as written in the sources
//   target-facts.json                    build conditions, disabled algorithms, prologue, layout
// The script joins them and refuses to write a table that contradicts the build:
// the suites it derives as available must be exactly the ones the build listed.
//
// Usage: node scripts/generate-data.js [--check]   (--check: fail when data/ is stale)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'data', 'source');
const readJson = (p) => JSON.parse(readFileSync(join(sourceDir, p), 'utf8'));

// Single-bit macro names per mask category, in the order OpenSSL's ssl_local.h defines them.
const CATEGORY_PREFIXES = {
  mkey: (n) => /^k[A-Z]/.test(n) && n !== 'kANY' && n !== 'kEDH' && n !== 'kEECDH',
  auth: (n) => /^a[A-Z]/.test(n) && n !== 'aANY' && n !== 'aCERT',
};
const ENC_BITS = [
  'DES',
  '3DES',
  'RC4',
  'RC2',
  'IDEA',
  'eNULL',
  'AES128',
  'AES256',
  'CAMELLIA128',
  'CAMELLIA256',
  'eGOST2814789CNT',
  'SEED',
  'AES128GCM',
  'AES256GCM',
  'AES128CCM',
  'AES256CCM',
  'AES128CCM8',
  'AES256CCM8',
  'eGOST2814789CNT12',
  'CHACHA20POLY1305',
  'ARIA128GCM',
  'ARIA256GCM',
  'MAGMA',
  'KUZNYECHIK',
];
const MAC_BITS = [
  'MD5',
  'SHA1',
  'GOST94',
  'GOST89MAC',
  'SHA256',
  'SHA384',
  'AEAD',
  'GOST12_256',
  'GOST89MAC12',
  'GOST12_512',
  'MAGMAOMAC',
  'KUZNYECHIKOMAC',
];
const STRENGTH_BITS = ['STRONG_NONE', 'LOW', 'MEDIUM', 'HIGH', 'FIPS', 'NOT_DEFAULT'];
const PROTOCOLS = { 0x300: 'SSLv3', 0x301: 'TLSv1', 0x302: 'TLSv1.1', 0x303: 'TLSv1.2', 0x304: 'TLSv1.3' };

function bitDictionary(macros) {
  const single = (v) => v > 0 && (v & (v - 1)) === 0;
  const dict = { mkey: {}, auth: {}, enc: {}, mac: {}, strength: {} };
  for (const [macro, value] of Object.entries(macros)) {
    const n = macro.replace(/^SSL_/, '');
    for (const cat of ['mkey', 'auth']) if (CATEGORY_PREFIXES[cat](n) && single(value)) dict[cat][n] = value;
  }
  for (const n of ENC_BITS) if (macros['SSL_' + n] !== undefined) dict.enc[n] = macros['SSL_' + n];
  for (const n of MAC_BITS) if (macros['SSL_' + n] !== undefined) dict.mac[n] = macros['SSL_' + n];
  for (const n of STRENGTH_BITS) dict.strength[n] = macros['SSL_' + n];
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
  if ((mask | all) >>> 0 !== 0xffffffff)
    throw new Error(`${what}: mask 0x${mask.toString(16)} is neither a set of known bits nor a complement`);
  return { except: missing };
}

function hexId(id) {
  const b2 = (id >> 8) & 0xff,
    b3 = id & 0xff;
  return `0x${b2.toString(16).toUpperCase().padStart(2, '0')},0x${b3.toString(16).toUpperCase().padStart(2, '0')}`;
}

function masksOf(entry, bits, what) {
  const out = {};
  for (const cat of ['mkey', 'auth', 'enc', 'mac']) {
    if (entry[cat]) out[cat] = maskToNames(entry[cat], bits[cat], `${what} ${cat}`);
  }
  if (entry.min_tls) out.minTls = PROTOCOLS[entry.min_tls];
  const strength = maskToNames(entry.algo_strength, bits.strength, `${what} strength`);
  if (strength.length) out.strength = strength;
  return out;
}

function buildTarget(name, facts) {
  const table = readJson(facts.table);
  const source = readJson(facts.sourceTable);
  const bits = bitDictionary(source.macros);
  const disabled = {};
  for (const cat of ['mkey', 'auth', 'enc', 'mac']) {
    for (const n of facts.disabled[cat])
      if (bits[cat][n] === undefined) throw new Error(`${name}: unknown ${cat} bit ${n}`);
    disabled[cat] = facts.disabled[cat].reduce((a, n) => a | bits[cat][n], 0);
  }
  const compiled = (e) => e.valid && e.conditions.every((c) => facts.buildConditions[c] !== false);
  const isDisabled = (e) => ['mkey', 'auth', 'enc', 'mac'].some((cat) => (e[cat] & disabled[cat]) !== 0);

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
      name: seen.name,
      stdname: seen.standard_name ?? e.stdname ?? null,
      id,
      protocol: seen.desc_version,
      kx: seen.kx,
      au: seen.au,
      enc: seen.enc,
      mac: seen.mac,
      bits: seen.bits,
      algBits: seen.alg_bits,
      available,
      masks: masksOf(e, bits, seen.name),
    });
  }
  if (suites.filter((s) => s.available).length !== table.ciphers.length) {
    throw new Error(
      `${name}: ${table.ciphers.length} suites listed by the build, ${suites.filter((s) => s.available).length} derived`,
    );
  }
  suites.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const tls13 = table.tls13_ciphersuites.map((c) => {
    const e = source.tls13_ciphers.find((t) => hexId(t.id) === c.id);
    return {
      name: c.name,
      stdname: c.standard_name,
      id: c.id,
      protocol: c.desc_version,
      kx: c.kx,
      au: c.au,
      enc: c.enc,
      mac: c.mac,
      bits: c.bits,
      algBits: c.alg_bits,
      available: true,
      masks: masksOf(e, bits, c.name),
    };
  });
  const scsvs = table.known_by_code_but_not_in_all_complementofall
    .filter((c) => /_SCSV$/.test(c.name))
    .map((c) => ({
      name: c.name,
      stdname: c.standard_name,
      id: c.id,
      protocol: c.desc_version,
      kx: c.kx,
      au: c.au,
      enc: c.enc,
      mac: c.mac,
      bits: c.bits,
      algBits: c.alg_bits,
    }));

  const aliases = source.aliases.map((a) => {
    const entry = { name: a.name, ...masksOf(a, bits, a.name) };
    if (a.valid) entry.suiteId = hexId(a.id);
    return entry;
  });
  const aliasOrder = aliases.map((a) => a.name);
  if (JSON.stringify(aliasOrder) !== JSON.stringify(table.alias_table_order))
    throw new Error(`${name}: alias order differs from the build`);

  return {
    $comment: `Generated by scripts/generate-data.js from data/source/ (${facts.table}, ${facts.sourceTable}, target-facts.json). Do not edit.`,
    target: name,
    release: facts.release,
    versionText: table.version_text,
    defaultSeclevel: table.info.default_seclevel,
    extraNameChars: facts.extraNameChars,
    specials: facts.specials,
    defaultCipherList: facts.defaultCipherList,
    defaultCiphersuites: table.default_tls13_ciphersuites.join(':'),
    initialOrder: facts.initialOrder,
    layout: facts.layout,
    bits,
    disabled: facts.disabled,
    prologue: facts.prologue,
    suites,
    tls13: tls13,
    scsvs,
    aliases,
  };
}

// One top-level key per line, one suite or alias per line: small, and diffs stay readable.
function compactJson(obj) {
  const lines = Object.entries(obj).map(([k, v]) => {
    const body =
      Array.isArray(v) && v.length && typeof v[0] === 'object'
        ? '[\n' + v.map((x) => '  ' + JSON.stringify(x)).join(',\n') + '\n ]'
        : JSON.stringify(v);
    return ` ${JSON.stringify(k)}: ${body}`;
  });
  return '{\n' + lines.join(',\n') + '\n}\n';
}

const facts = readJson('target-facts.json');
const check = process.argv.includes('--check');
let stale = 0;
for (const [name, f] of Object.entries(facts)) {
  if (name.startsWith('$')) continue;
  const out = compactJson(buildTarget(name, f));
  const file = join(root, 'data', `${name}.json`);
  if (check) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== out) {
      console.error(`data/${name}.json is stale: run npm run generate:data`);
      stale++;
    }
  } else {
    writeFileSync(file, out);
    console.log(`wrote data/${name}.json`);
  }
}
process.exit(stale ? 1 : 0);
