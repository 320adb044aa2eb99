#!/usr/bin/env node
// Builds data/boringssl.json from the recorded BoringSSL table and the facts read from its sources.
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
import { readFileSync } from 'node:fs';
import { compactJson, writeOrCheck } from './lib/generated-file.js';
import { printedFields } from './lib/recorded-suite.js';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'data', 'source');
const outFile = join(root, 'data', 'boringssl.json');
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

function build() {
  const facts = readJson('boringssl-facts.json');
  const table = readJson(facts.table);
  const bits = data(facts.bits);
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
    const listed = !tls13 && !hits(masks, explicitOnly);
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
    return { ...(r.when ? { when: r.when } : {}), op: r.op, ...masksOf(r, bits, `default rule ${i}`) };
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

  return {
    $comment:
      'Generated by scripts/generate-boringssl-data.js from data/source/ (tables/table-boringssl.json, boringssl-facts.json). Do not edit.',
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
  };
}

const check = process.argv.includes('--check');
const fresh = writeOrCheck(outFile, compactJson(build()), { check, root, regenerate: 'npm run generate:data' });
if (check && fresh) console.log('data/boringssl.json is up to date');
process.exit(fresh ? 0 : 1);
