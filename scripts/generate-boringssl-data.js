#!/usr/bin/env node
// Builds data/boringssl.json from the recorded BoringSSL table and the facts read from its sources,
// and likewise every other library of the BoringSSL family (data/source/<target>-facts.json naming
// the table it `extends`), each written as a delta against its parent's table
// (src/library/extend.ts; suites keyed by id, aliases by name) and checked to resolve to it.
//
// Inputs:
//   data/source/tables/table-boringssl.json   what the real build reports through the API: names,
//                                             IANA names, ids, -v columns, bits, min versions,
//                                             descriptions, the alias table order, the nids
//   data/source/boringssl-facts.json          what only the sources say: each suite's masks as bit
//                                             names, the alias masks, the fixed default ordering,
//                                             the default rule string, specials, error reasons
// The script joins them and refuses to write a table that contradicts the build: every suite of
// the facts must be one the build knows (and the other way round), its masks must give the nids
// the build reported, ids must be sorted (kCiphers is bsearch'ed), the suites it derives as listed
// by ALL:COMPLEMENTOFALL must be exactly those the build listed, and the alias order must be the
// build's.
//
// Usage: node scripts/generate-boringssl-data.js [--check]   (--check: fail when data/ is stale)
import { existsSync, readFileSync } from 'node:fs';
import { compactJson, writeOrCheck } from './lib/generated-file.js';
import { printedFields } from './lib/recorded-suite.js';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tableDelta } from './generate-data.js';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'data', 'source');
/** Every facts file of the family, parents first. */
const FACTS = ['boringssl-facts.json', 'boringssl-2026-facts.json', 'aws-lc-facts.json'];
const readJson = (p) => JSON.parse(readFileSync(join(sourceDir, p), 'utf8'));

const CATEGORIES = ['mkey', 'auth', 'enc', 'mac'];

function fail(message) {
  throw new Error(`boringssl: ${message}`);
}

/** Drops the `$source` notes of a facts object, keeping its data. */
function data(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !k.startsWith('$')));
}

function checkMask(names, bits, what) {
  for (const n of names) if (!bits.includes(n)) fail(`${what}: unknown bit ${n}`);
  return names;
}

/** A rule's or alias's masks as bit-name lists; a category it does not name is left out (~0u). */
function masksOf(entry, bits, what) {
  const out = {};
  for (const cat of CATEGORIES) {
    if (entry[cat] !== undefined) out[cat] = checkMask(entry[cat], bits[cat], `${what} ${cat}`);
  }
  return out;
}

/** A bit's value: its place in `bits`, or the value `bitValues` gives (AWS-LC's MAC values). */
function valueOf(bits, bitValues, cat, name) {
  return bitValues?.[cat]?.[name] ?? 1 << bits[cat].indexOf(name);
}

/** Whether a selector's masks (names ORed, `invert` complemented, a missing one ~0u) match a suite. */
function selects(entry, suiteMasks, bits, bitValues) {
  return CATEGORIES.every((cat) => {
    if (entry[cat] === undefined) return true;
    let mask = entry[cat].reduce((m, n) => m | valueOf(bits, bitValues, cat, n), 0);
    if (entry.invert?.includes(cat)) mask = ~mask;
    return (mask & valueOf(bits, bitValues, cat, suiteMasks[cat])) !== 0;
  });
}

function build(factsFile) {
  const facts = readJson(factsFile);
  const table = readJson(facts.table);
  const bits = data(facts.bits);
  const bitValues = facts.bitValues ? data(facts.bitValues) : undefined;
  for (const [cat, values] of Object.entries(bitValues ?? {})) {
    for (const n of Object.keys(values)) checkMask([n], bits[cat], `bitValues ${cat}`);
  }
  const protocolByHex = Object.fromEntries(
    Object.entries(data(facts.protocols)).map(([name, hex]) => [hex.toLowerCase(), name]),
  );

  // Every suite the build knows: listed by ALL:COMPLEMENTOFALL, TLS 1.3, or known by name only.
  const recorded = new Map();
  for (const c of table.ciphers) recorded.set(c.name, { c, where: 'listed' });
  for (const c of table.tls13_ciphersuites) recorded.set(c.name, { c, where: 'tls13' });
  for (const c of table.known_by_code_but_not_in_all_complementofall) recorded.set(c.name, { c, where: 'by-name' });

  const excluded = data(facts.ruleOrderExcludes);
  const explicitOnly = data(facts.explicitOnly);
  const deprecated = facts.deprecated ? data(facts.deprecated) : null;
  const allAlias = facts.aliases.entries.find((a) => a.name === 'ALL');
  const hits = (suiteMasks, selector) =>
    Object.entries(selector).some(([cat, names]) => names.includes(suiteMasks[cat]));

  const suites = [];
  for (const f of facts.suites.entries) {
    const seen = recorded.get(f.name);
    if (!seen) fail(`${f.name} is in kCiphers but the build does not know it`);
    recorded.delete(f.name);
    const { c, where } = seen;
    const masks = {};
    for (const cat of CATEGORIES) {
      checkMask([f[cat]], bits[cat], `${f.name} ${cat}`);
      masks[cat] = f[cat];
      const nid = facts.nids[cat][f[cat]];
      const got = { mkey: c.kx_nid, auth: c.auth_nid, enc: c.cipher_nid, mac: c.digest_nid }[cat];
      if (nid === undefined) fail(`no nid for ${cat} bit ${f[cat]}`);
      if (nid !== got) fail(`${f.name}: ${cat} ${f[cat]} gives nid ${nid}, the build reports ${got}`);
    }
    const tls13 = hits(masks, excluded);
    const isDeprecated =
      deprecated !== null && ((deprecated.suites ?? []).includes(f.name) || hits(masks, { enc: deprecated.enc ?? [] }));
    // ALL:COMPLEMENTOFALL lists what the ALL alias adds: not explicit-only, not deprecated, in its masks.
    const listed = !tls13 && !hits(masks, explicitOnly) && !isDeprecated && selects(allAlias, masks, bits, bitValues);
    const derived = tls13 ? 'tls13' : listed ? 'listed' : 'by-name';
    if (derived !== where) fail(`${f.name}: derived ${derived}, the build says ${where}`);
    const minVersion = protocolByHex[c.min_version.toLowerCase()];
    if (!minVersion) fail(`${f.name}: min_version ${c.min_version} is not a known protocol`);
    suites.push({
      ...printedFields(c),
      protocol: null, // BoringSSL prints no protocol column
      minVersion,
      tls13,
      listed,
      masks,
    });
  }
  if (recorded.size) fail(`the build knows suites the facts lack: ${[...recorded.keys()].join(', ')}`);
  const key = (id) => parseInt(id.replace(/0x|,/g, ''), 16);
  for (let i = 1; i < suites.length; i++) {
    if (key(suites[i - 1].id) >= key(suites[i].id)) fail(`kCiphers is not sorted by id at ${suites[i].name}`);
  }

  const aliases = facts.aliases.entries.map((a) => {
    const entry = { name: a.name, ...masksOf(a, bits, a.name) };
    if (a.invert !== undefined) {
      for (const cat of a.invert) if (entry[cat] === undefined) fail(`${a.name}: inverts ${cat}, which it lacks`);
      entry.invert = a.invert;
    }
    if (a.includeDeprecated) entry.includeDeprecated = true;
    if (a.minVersion !== undefined) {
      if (!Object.values(protocolByHex).includes(a.minVersion)) fail(`${a.name}: unknown protocol ${a.minVersion}`);
      entry.minVersion = a.minVersion;
    }
    return entry;
  });
  if (JSON.stringify(aliases.map((a) => a.name)) !== JSON.stringify(table.alias_table_order)) {
    fail('alias order differs from the build');
  }
  const suiteNames = new Set(suites.flatMap((s) => [s.name, s.stdname]));
  for (const a of aliases) if (suiteNames.has(a.name)) fail(`${a.name} is both a suite and an alias`);

  const defaultOrder = facts.defaultOrder.rules.map((r, i) => {
    if (!['add', 'del', 'ord', 'kill'].includes(r.op)) fail(`default rule ${i}: unknown op ${r.op}`);
    if (r.when !== undefined && r.when !== 'aesHardware' && r.when !== 'noAesHardware')
      fail(`default rule ${i}: unknown condition ${r.when}`);
    for (const n of r.suites ?? []) if (!suiteNames.has(n)) fail(`default rule ${i}: unknown suite ${n}`);
    return {
      ...(r.when ? { when: r.when } : {}),
      op: r.op,
      ...(r.suites ? { suites: r.suites } : {}),
      ...masksOf(r, bits, `default rule ${i}`),
    };
  });

  const errors = {};
  const { library, reasons } = facts.errors;
  for (const [reason, number] of Object.entries(reasons)) {
    const packed = (((library & 0xff) << 24) | (number & 0xfff)) >>> 0;
    errors[reason.toLowerCase().replace(/_/g, '-')] = {
      reason,
      line: `error:${packed.toString(16).padStart(8, '0')}:SSL routines:OPENSSL_internal:${reason}`,
    };
  }

  // Facts a library adds to BoringSSL's dialect; absent, the dialect's own behaviour.
  // Facts only some have come last, as a delta adds a field its parent lacks.
  const extra = {};
  extra.defaultPrefixes = facts.defaultPrefixes?.value ?? ['DEFAULT'];
  extra.emptyStringAccepted = facts.emptyStringAccepted?.value ?? false;
  extra.cipherListKnowsTls13Names = facts.cipherListKnowsTls13Names?.value ?? true;
  extra.tls13 = facts.tls13 ? data(facts.tls13) : null;
  if (extra.tls13) {
    for (const key of ['defaultCiphersuites', 'defaultCiphersuitesNoAesHardware']) {
      for (const n of extra.tls13[key].split(':'))
        if (!table.tls13_ciphersuites.some((c) => c.name === n)) fail(`tls13 ${key}: ${n}`);
    }
    if (table.default_tls13_ciphersuites.join(':') !== extra.tls13.defaultCiphersuites)
      fail('the default TLS 1.3 list differs from the build');
  }
  if (bitValues) extra.bitValues = bitValues;
  if (deprecated) extra.deprecated = deprecated;

  return {
    $comment: `Generated by scripts/generate-boringssl-data.js from data/source/ (${facts.table}, ${factsFile}). Do not edit.`,
    target: facts.target,
    release: facts.revision.release,
    commit: facts.revision.commit,
    versionText: table.version_text,
    origin: facts.revision.origin,
    bits,
    specials: facts.specials.value,
    defaultRuleString: facts.defaultRuleString.value,
    recordedAesHardware: facts.defaultOrder.recordedAesHardware.value,
    explicitOnly,
    descriptionLayout: data(facts.descriptionLayout),
    errors,
    defaultOrder,
    suites,
    aliases,
    ...extra,
  };
}

const check = process.argv.includes('--check');
const resolver = join(root, 'dist', 'src', 'library', 'extend.js');
if (!existsSync(resolver)) {
  console.error('dist/ is missing: run `npm run build` first (the deltas are checked with src/library/extend.ts)');
  process.exit(2);
}
const { extendTable } = await import(pathToFileURL(resolver).href);
const KEYED = { suites: 'id', aliases: 'name' };
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const built = new Map();
let fresh = true;
for (const file of FACTS) {
  const facts = readJson(file);
  const full = build(file);
  built.set(facts.target, full);
  let stored = full;
  if (facts.extends !== undefined) {
    const parent = built.get(facts.extends);
    if (!parent) fail(`${facts.target} extends ${facts.extends}, which is not built before it`);
    stored = tableDelta(facts.extends, parent, full);
    if (!same(extendTable(parent, stored, KEYED), full))
      fail(`${facts.target}: the delta does not resolve to the table`);
  }
  const outFile = join(root, 'data', `${facts.target}.json`);
  const ok = writeOrCheck(outFile, compactJson(stored), { check, root, regenerate: 'npm run generate:data' });
  if (check && ok) console.log(`data/${facts.target}.json is up to date`);
  fresh = ok && fresh;
}
process.exit(fresh ? 0 : 1);
