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
// A target whose facts name a parent ("extends") is written as a delta against the parent's
// table (src/library/extend.ts, data/README.md); the script resolves every delta with the
// library's own resolver (dist/, so build first) and stops unless that gives back exactly the
// table it built.
//
// Usage: node scripts/generate-data.js [--check]   (--check: fail when data/ is stale)
import { existsSync, readFileSync } from 'node:fs';
import { compactJson, writeOrCheck } from './lib/generated-file.js';
import { printedFields } from './lib/recorded-suite.js';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
  mac: (n) =>
    /^(MD5|SHA1|GOST94|GOST89MAC(12)?|SHA256|SHA384|AEAD|GOST12_(256|512)|MAGMAOMAC|KUZNYECHIKOMAC|STREEBOG256)$/.test(
      n,
    ),
  ssl: (n) => /^(SSLV2|SSLV3|TLSV1|TLSV1_2|TLSV1_3)$/.test(n),
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
  // The names OpenSSL 3.x writes in its own suite table (ssl3_ciphers' stdname), which also
  // names suites its recorded builds leave out (RC4, 3DES), for older releases and LibreSSL.
  for (const e of readJson('source-tables/openssl-3.0.8.json').ssl3_ciphers) {
    if (e.stdname) names.set(hexId(e.id), e.stdname);
  }
  for (const v of ['1.1.1w', '3.0.20', '3.5.7']) {
    const t = readJson(`tables/table-${v}.json`);
    for (const c of [...t.ciphers, ...t.known_by_code_but_not_in_all_complementofall, ...t.tls13_ciphersuites]) {
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

  // LibreSSL: the TLS 1.3 suites are members of the suite table above, not a list apart.
  const tls13Apart = facts.tls13?.inCipherList ? [] : (table.tls13_ciphersuites ?? []);
  // A TLS 1.3 suite the source table lacks (4.0's SM4 suites) takes the masks the facts record.
  const beyond = facts.tls13SuitesBeyondSourceTable?.suites ?? {};
  const tls13 = tls13Apart.map((c) => {
    const e = source.tls13_ciphers.find((t) => hexId(t.id) === c.id);
    if (!e && !beyond[c.name])
      throw new Error(`${name}: TLS 1.3 suite ${c.name} is in neither the source table nor the facts`);
    return { ...printedFields(c), available: true, masks: e ? masksOf(e, bits, c.name) : beyond[c.name] };
  });
  const scsvs = table.known_by_code_but_not_in_all_complementofall
    .filter((c) => /_SCSV$/.test(c.name))
    .map(printedFields);

  // A release whose alias table is an older source table's less some names (4.0: 3.6.0's).
  const removed = facts.removedAliases?.names ?? [];
  for (const r of removed)
    if (!source.aliases.some((a) => a.name === r))
      throw new Error(`${name}: removed alias ${r} is not in the source table`);
  const aliases = source.aliases
    .filter((a) => !removed.includes(a.name))
    .map((a) => {
      const entry = { name: a.name, ...masksOf(a, bits, a.name) };
      if (a.valid) entry.suiteId = hexId(a.id);
      return entry;
    });
  const aliasOrder = aliases.map((a) => a.name);
  if (JSON.stringify(aliasOrder) !== JSON.stringify(table.alias_table_order)) {
    throw new Error(`${name}: alias order differs from the build`);
  }

  const stored = facts.extends ? ` Stores only what differs from ${facts.extends} (data/README.md).` : '';
  return {
    $comment: `Generated by scripts/generate-data.js from data/source/ (${facts.table}, ${facts.sourceTable}, target-facts.json). Do not edit.${stored}`,
    target: name,
    release: facts.release,
    versionText: table.version_text,
    origin: `${table.source.origin}; ${table.source.build}`,
    defaultSeclevel: table.info.default_seclevel ?? null,
    protocols: facts.protocols.versions,
    securityLevels: securityLevels(name, facts, table),
    extraNameChars: facts.extraNameChars,
    suiteBPrefixes: facts.suiteBPrefixes !== false,
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
    // Last, so that the tables written before the field existed change only by their end.
    caseInsensitiveWords: facts.caseInsensitiveWords?.value ?? false,
  };
}

/** The security-level rules of the release, without their provenance note; null where the release has none. */
function securityLevels(name, facts, table) {
  const hasLevels = table.info.default_seclevel !== undefined && table.info.default_seclevel !== null;
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

/** Every OpenSSL target's full table, built from data/source/, by name in the facts file's order. */
export function buildTargets() {
  const facts = readJson('target-facts.json');
  const iana = ianaNames();
  const tables = new Map();
  for (const [name, f] of Object.entries(facts)) {
    if (name.startsWith('$')) continue;
    tables.set(name, { extends: f.extends ?? null, data: buildTarget(name, f, iana) });
  }
  for (const [name, t] of tables) {
    if (t.extends !== null && !tables.has(t.extends))
      throw new Error(`${name} extends ${t.extends}, which is no target`);
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Deltas (the format is src/library/extend.ts's)

const KEYED_LISTS = { suites: 'id', tls13Suites: 'id', scsvs: 'id', aliases: 'name' };
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The delta that turns the table `parent` into `child`. */
export function tableDelta(parentName, parent, child) {
  const missing = Object.keys(parent).filter((f) => !(f in child));
  if (missing.length) throw new Error(`${child.target}: lacks ${missing.join(', ')} of ${parentName}`);
  const delta = { $comment: child.$comment, extends: parentName };
  for (const [field, value] of Object.entries(child)) {
    if (field === '$comment' || same(value, parent[field])) continue;
    delta[field] = field in KEYED_LISTS ? listEdits(parent[field], value, KEYED_LISTS[field], child.target) : value;
  }
  return delta;
}

/**
 * Edits that turn the list `from` into `to`, elements matched by `key`: the elements of the
 * longest common subsequence of keys stay (changed in place where they differ), the others of
 * `from` are removed, the others of `to` inserted each after its predecessor in `to`.
 */
function listEdits(from, to, key, what) {
  const keysOf = (list) => {
    const keys = list.map((e) => e[key]);
    if (new Set(keys).size !== keys.length) throw new Error(`${what}: a ${key} appears twice`);
    return keys;
  };
  const a = keysOf(from);
  const b = keysOf(to);
  const kept = commonSubsequence(a, b);
  const fromByKey = new Map(from.map((e) => [e[key], e]));
  const changes = new Map();
  for (const k of kept) {
    const old = fromByKey.get(k);
    const now = to[b.indexOf(k)];
    if (same(old, now)) continue;
    const change = elementChange(k, old, now);
    // A field added in the middle of an element cannot be set in place: replace the element.
    if (change) changes.set(k, change);
    else kept.delete(k);
  }
  const edits = a.filter((k) => !kept.has(k)).map((k) => ({ remove: k }));
  let previous = null;
  for (const [i, k] of b.entries()) {
    if (!kept.has(k)) edits.push({ after: previous, insert: to[i] });
    else if (changes.has(k)) edits.push(changes.get(k));
    previous = k;
  }
  return edits;
}

/** The `change` edit from one element to another, or null when no change edit keeps the field order. */
function elementChange(k, old, now) {
  const set = {};
  for (const [f, v] of Object.entries(now)) if (!same(v, old[f])) set[f] = v;
  const unset = Object.keys(old).filter((f) => !(f in now));
  const change = { change: k, set, ...(unset.length ? { unset } : {}) };
  const applied = { ...old, ...set };
  for (const f of unset) delete applied[f];
  return same(applied, now) ? change : null;
}

/** The keys of a longest common subsequence of two lists of distinct keys, as a set. */
function commonSubsequence(a, b) {
  const n = a.length;
  const m = b.length;
  const len = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      len[i][j] = a[i] === b[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
  const kept = new Set();
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[i] === b[j]) {
      kept.add(a[i]);
      i++;
      j++;
    } else if (len[i + 1][j] >= len[i][j + 1]) i++;
    else j++;
  }
  return kept;
}

async function main() {
  const resolver = join(root, 'dist', 'src', 'library', 'extend.js');
  if (!existsSync(resolver)) {
    console.error('dist/ is missing: run `npm run build` first (the deltas are checked with src/library/extend.ts)');
    process.exit(2);
  }
  const { extendTargetData } = await import(pathToFileURL(resolver).href);
  const check = process.argv.includes('--check');
  const tables = buildTargets();
  let fresh = true;
  for (const [name, t] of tables) {
    let stored = t.data;
    if (t.extends !== null) {
      stored = tableDelta(t.extends, tables.get(t.extends).data, t.data);
      if (!same(extendTargetData(tables.get(t.extends).data, stored), t.data)) {
        throw new Error(`${name}: the delta against ${t.extends} does not resolve to the table`);
      }
    }
    const file = join(root, 'data', `${name}.json`);
    fresh = writeOrCheck(file, compactJson(stored), { check, root, regenerate: 'npm run generate:data' }) && fresh;
  }
  process.exit(fresh ? 0 : 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
