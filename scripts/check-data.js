#!/usr/bin/env node
// Compares data/openssl-3.0.json, and the recorded 3.0.20 build table it was generated from
// (data/source/tables/table-3.0.20.json), with this machine's `openssl` (a 3.0.x build) and
// prints every difference.
//
// What is compared, and how it is observed:
//   suites      `openssl ciphers -stdname -V 'ALL:COMPLEMENTOFALL'`: the available suites with
//               id, IANA name, protocol column, Kx/Au/Enc/Mac, and each line byte for byte
//               against one rebuilt from the data's fields and column layout
//   unavailable suites the data marks unavailable must not be words of the cipher string
//               (probe below) yet be known by IANA name (`openssl ciphers -convert`)
//   bits        not printed by the tool; checked twice: `@STRENGTH` must give the order a
//               stable sort on the data's bits gives (relative strength), and
//               `-s ... @SECLEVEL=1..5` must keep exactly the suites that the security
//               levels' rules keep for the data's bits (absolute thresholds 80/112/128/192/256).
//               algBits is not observable through the tool and is not checked.
//   TLS 1.3     the data's TLS 1.3 suites, the default ciphersuites and their order, how an
//               unknown ciphersuite name is treated, and which IANA names SSL_CTX_set_ciphersuites
//               accepts (and which of them it leaves out as unavailable)
//   aliases     registration: `WORD#:ALL` is accepted only when WORD is not a word of the build
//               (an unknown word swallows the junk, a known one is followed by an invalid
//               command); the data registers an alias iff each non-zero mask category keeps a
//               bit outside `disabled` (compileTarget in src/family/openssl/compile.ts)
//   alias lists the ordered list each word gives alone, against the recorded 3.0.20 table, and
//               the set of suites the data's masks select, against the live list
//   DEFAULT     the default list (the DEFAULT word, a fresh context, the data's
//               defaultCipherList) against the recorded `default_list`
//
// The configuration file is not loaded (OPENSSL_CONF=/dev/null), as for the recorded builds.
//
// Usage: node scripts/check-data.js    exit 0: no difference; 1: differences; 2: no usable openssl
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const INSTALL_HINT = 'apt-get install -y openssl';
const TARGET = 'openssl-3.0';
const TABLE = 'data/source/tables/table-3.0.20.json';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const data = readJson(`data/${TARGET}.json`);
const table = readJson(TABLE);
const started = process.hrtime.bigint();

// ---------------------------------------------------------------------------------------------
// Running openssl

const env = { ...process.env, OPENSSL_CONF: '/dev/null' };
let invocations = 0;

/** Runs `openssl ARGS`; resolves with the exit code and output (never rejects on a non-zero exit). */
function runRaw(args) {
  invocations++;
  return new Promise((resolve, reject) => {
    execFile('openssl', args, { env, encoding: 'utf8', maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') reject(err);
      else resolve({ code: err ? err.code : 0, stdout, stderr });
    });
  });
}

// A small pool: a few hundred short processes, several at a time.
const POOL = Math.max(2, Math.min(16, availableParallelism()));
let running = 0;
const waiting = [];
async function run(args) {
  if (running >= POOL) await new Promise((r) => waiting.push(r));
  running++;
  try {
    return await runRaw(args);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** `openssl ciphers -ciphersuites CS [OPTS] -- STRING` (STRING may begin with '-'). */
const ciphers = (string, { ciphersuites = '', opts = [] } = {}) =>
  run(['ciphers', ...opts, '-ciphersuites', ciphersuites, ...(string === null ? [] : ['--', string])]);

const listOf = (r) => (r.code === 0 ? r.stdout.trim().split(':').filter(Boolean) : []);
/** The reason of OpenSSL's first error line (`...:error:0A0000B9:SSL routines:func:no cipher match:...`). */
const lastWords = (text) => /error:[0-9A-F]+:[^:]*:[^:]*:([^:\n]+)/.exec(text ?? '')?.[1] ?? (text ?? '').trim();

let version;
try {
  version = (await runRaw(['version'])).stdout.trim();
} catch (err) {
  console.error(
    `cannot run openssl (${err.code === 'ENOENT' ? 'not found' : (err.code ?? err.message)}); install it: ${INSTALL_HINT}`,
  );
  process.exit(2);
}
const versionNumber = /^OpenSSL (\d+\.\d+\.\d+\S*)/.exec(version)?.[1];
if (!versionNumber || !versionNumber.startsWith('3.0.')) {
  console.error(`data/${TARGET}.json models OpenSSL 3.0; this machine's openssl is "${version}".`);
  console.error(`Run this on a machine with OpenSSL 3.0.x (Debian bookworm: ${INSTALL_HINT}).`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Reporting

const differences = [];
const differ = (section, text) => {
  const line = `[${section}] ${text}`;
  if (!differences.includes(line)) differences.push(line);
};
const stats = {};

/** Every difference between two ordered name lists, as -/+ lines around their longest common subsequence. */
function listDiff(expected, actual) {
  const n = expected.length;
  const m = actual.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = expected[i] === actual[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === actual[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push(`+${actual[j]} (#${j + 1})`);
      j++;
    } else {
      out.push(`-${expected[i]} (#${i + 1})`);
      i++;
    }
  }
  return out;
}

function compareLists(section, what, expectedLabel, expected, actualLabel, actual) {
  const d = listDiff(expected, actual);
  if (d.length) {
    differ(
      section,
      `${what}: ${expectedLabel} lists ${expected.length}, ${actualLabel} lists ${actual.length}; ` +
        `- only ${expectedLabel} or moved, + only ${actualLabel} or moved: ${d.join(' ')}`,
    );
  }
  return d.length === 0;
}

// ---------------------------------------------------------------------------------------------
// The data's masks, as plain numbers

const CATEGORIES = ['mkey', 'auth', 'enc', 'mac'];
function maskOf(category, names) {
  if (names === undefined) return 0;
  const bits = data.bits[category];
  const value = (list) =>
    list.reduce((m, n) => {
      if (bits[n] === undefined) throw new Error(`data/${TARGET}.json: unknown ${category} bit ${n}`);
      return (m | bits[n]) >>> 0;
    }, 0);
  return Array.isArray(names) ? value(names) : ~value(names.except) >>> 0;
}
const disabled = Object.fromEntries(CATEGORIES.map((c) => [c, maskOf(c, data.disabled[c])]));
const strengthGroups = data.strengthGroups.map((g) => maskOf('strength', g.bits));

/** compileTarget's rule: an alias is a word iff every non-zero category keeps an enabled bit. */
const isRegistered = (alias) =>
  CATEGORIES.every((c) => {
    const m = maskOf(c, alias[c]);
    return m === 0 || (m & ~disabled[c]) >>> 0 !== 0;
  });

/** Whether a word with these masks, alone in a cipher string, selects the suite (ssl_cipher_apply_rule). */
function selects(alias, suite) {
  for (const c of CATEGORIES) {
    const m = maskOf(c, alias[c]);
    if (m !== 0 && (m & maskOf(c, suite.masks[c])) === 0) return false;
  }
  if (alias.minTls && alias.minTls !== suite.masks.minTls) return false;
  const strength = maskOf('strength', alias.strength);
  const suiteStrength = maskOf('strength', suite.masks.strength);
  for (const g of strengthGroups) {
    if ((strength & g) !== 0 && (strength & g & suiteStrength) === 0) return false;
  }
  if (alias.suiteId && alias.suiteId !== suite.id) return false;
  return true;
}

const has = (suite, category, bit) => (maskOf(category, suite.masks[category]) & data.bits[category][bit]) !== 0;

/**
 * Whether `openssl ciphers -s` keeps the suite at this security level: the default security
 * callback's rules for a cipher (minimum bits, no anonymous, no MD5, no SHA-1 above 160 bits,
 * forward secrecy from level 3 except TLS 1.3).
 */
const MIN_BITS = [0, 80, 112, 128, 192, 256];
function keptAtLevel(suite, level) {
  if (level <= 0) return true;
  const minBits = MIN_BITS[Math.min(level, 5)];
  if (suite.bits < minBits) return false;
  if (has(suite, 'auth', 'aNULL')) return false;
  if (has(suite, 'mac', 'MD5')) return false;
  if (minBits > 160 && has(suite, 'mac', 'SHA1')) return false;
  const pfs = ['kDHE', 'kECDHE', 'kDHEPSK', 'kECDHEPSK'].some((k) => has(suite, 'mkey', k));
  if (level >= 3 && suite.masks.minTls !== 'TLSv1.3' && !pfs) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// `-v` lines rebuilt from the data (SSL_CIPHER_description and apps/ciphers.c)

const pad = (s, n) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const L = data.layout;
const description = (c) =>
  `${pad(c.name, L.name)} ${pad(c.protocol ?? '', L.protocol)} Kx=${pad(c.kx, L.kx)} ` +
  `Au=${pad(c.au, L.au)} Enc=${pad(c.enc, L.enc)} Mac=${pad(c.mac, L.mac)}`;
const lineV = (c) => `          ${c.id} - ${description(c)}`;
const lineStdnameV = (c) => `          ${c.id} - ${pad(c.stdname ?? 'UNKNOWN', L.stdname)} - ${description(c)}`;

const V_LINE =
  /^ {10}(0x[0-9A-F]{2},0x[0-9A-F]{2}) - (?:(\S+) +- )?(\S+) +(\S+) +Kx=(\S+) +Au=(\S+) +Enc=(\S+) +Mac=(\S+) *$/;
function parseV(stdout, withStdname) {
  return stdout
    .split('\n')
    .filter((l) => l.length)
    .map((line) => {
      const m = V_LINE.exec(line);
      if (!m || (withStdname && m[2] === undefined)) return { line, unparsed: true };
      const [, id, stdname, name, protocol, kx, au, enc, mac] = m;
      const std = stdname === undefined ? undefined : stdname === 'UNKNOWN' ? null : stdname;
      return { line, id, stdname: std, name, protocol, kx, au, enc, mac };
    });
}

const FIELDS = ['id', 'stdname', 'protocol', 'kx', 'au', 'enc', 'mac'];
function compareSuite(section, expected, live, rebuild) {
  let same = true;
  for (const f of FIELDS) {
    if (f === 'stdname' && live.stdname === undefined) continue;
    if ((expected[f] ?? null) !== (live[f] ?? null)) {
      differ(
        section,
        `${expected.name}: ${f} is ${JSON.stringify(expected[f])} in the data, ${JSON.stringify(live[f])} live`,
      );
      same = false;
    }
  }
  if (same && rebuild(expected) !== live.line) layoutMisses.push({ section, data: rebuild(expected), live: live.line });
}

// Lines whose fields agree but whose text does not: a column layout difference, reported once.
const layoutMisses = [];
function reportLayout() {
  if (!layoutMisses.length) return;
  const { section, data: d, live } = layoutMisses[0];
  differ(
    section,
    `the column layout (data.layout ${JSON.stringify(L)}) differs on ${layoutMisses.length} line(s), e.g.\n` +
      `    data: ${JSON.stringify(d)}\n    live: ${JSON.stringify(live)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Start every openssl call at once (the pool limits how many run together)

const availableSuites = data.suites.filter((s) => s.available);
const unavailableSuites = data.suites.filter((s) => !s.available);
const tls13Names = data.tls13Suites.map((s) => s.stdname);
const csLookup = new Map();
for (const c of data.tls13Suites) csLookup.set(c.stdname, c.available || !data.tls13.dropUnavailable);
for (const c of data.suites)
  if (c.stdname && !csLookup.has(c.stdname)) csLookup.set(c.stdname, c.available || !data.tls13.dropUnavailable);
for (const c of data.scsvs) if (c.stdname && !csLookup.has(c.stdname)) csLookup.set(c.stdname, true);
const byStdname = new Map([...data.tls13Suites, ...data.suites, ...data.scsvs].reverse().map((c) => [c.stdname, c]));
const LEVELS = [1, 2, 3, 4, 5];
const aliasWords = [...new Set([...data.aliases.map((a) => a.name), ...Object.keys(table.aliases), 'DEFAULT'])];

const calls = {
  all: ciphers('ALL:COMPLEMENTOFALL', { opts: ['-stdname', '-V'] }),
  strength: ciphers('ALL:COMPLEMENTOFALL:@STRENGTH'),
  levels: LEVELS.map((n) =>
    ciphers(`ALL:COMPLEMENTOFALL:@SECLEVEL=${n}`, {
      ciphersuites: tls13Names.join(':'),
      opts: ['-s', '-psk', '-srp', '-V'],
    }),
  ),
  defaultLevel: ciphers('ALL:COMPLEMENTOFALL', {
    ciphersuites: tls13Names.join(':'),
    opts: ['-s', '-psk', '-srp', '-V'],
  }),
  tls13: ciphers('NULL-MD5', { ciphersuites: tls13Names.join(':'), opts: ['-stdname', '-V'] }),
  tls13Default: run(['ciphers', '-V']),
  unknownCiphersuite: ciphers('NULL-MD5', { ciphersuites: `TLS_NO_SUCH_SUITE:${tls13Names[0]}`, opts: ['-V'] }),
  ciphersuiteNames: ciphers('NULL-MD5', { ciphersuites: [...csLookup.keys()].join(':'), opts: ['-V'] }),
  unavailableProbe: unavailableSuites.map((s) => ciphers(`${s.name}#:ALL`)),
  convert: [...unavailableSuites, ...data.scsvs]
    .filter((s) => s.stdname)
    .map((s) => run(['ciphers', '-convert', s.stdname]).then((r) => ({ suite: s, r }))),
  aliasProbe: data.aliases.map((a) => ciphers(`${a.name}#:ALL`)),
  aliasLists: aliasWords.map((w) => ciphers(w)),
  contextDefault: ciphers(null),
  defaultCipherList: ciphers(data.defaultCipherList),
};

// ---------------------------------------------------------------------------------------------
// (a) the available suites

{
  const S = 'suites';
  const r = await calls.all;
  if (r.code !== 0) differ(S, `'ALL:COMPLEMENTOFALL' failed: ${lastWords(r.stderr)}`);
  const live = parseV(r.stdout, true);
  for (const l of live.filter((l) => l.unparsed)) differ(S, `unparsed line: ${JSON.stringify(l.line)}`);
  const liveByName = new Map(live.filter((l) => !l.unparsed).map((l) => [l.name, l]));
  for (const s of availableSuites) {
    const l = liveByName.get(s.name);
    if (!l) differ(S, `${s.name} (${s.id}) is available in the data, not listed live`);
    else compareSuite(S, s, l, lineStdnameV);
  }
  const known = new Map(data.suites.map((s) => [s.name, s]));
  for (const [name, l] of liveByName) {
    if (!known.has(name)) differ(S, `${name} (${l.id}) is listed live, not in the data`);
    else if (!known.get(name).available) differ(S, `${name} (${l.id}) is listed live, unavailable in the data`);
  }
  stats.suites = liveByName.size;
}

// Suites compiled in but unavailable: no word of the cipher string, still known by IANA name.
{
  const S = 'unavailable suites';
  const probes = await Promise.all(calls.unavailableProbe);
  unavailableSuites.forEach((s, i) => {
    if (probes[i].code !== 0) differ(S, `${s.name} is unavailable in the data, but the live build takes it as a word`);
  });
  for (const { suite, r } of await Promise.all(calls.convert)) {
    const name = /OpenSSL cipher name: (\S+)/.exec(r.stdout)?.[1];
    if (name !== suite.name)
      differ(S, `-convert ${suite.stdname}: the data says ${suite.name}, live says ${name ?? r.stdout.trim()}`);
  }
}

// ---------------------------------------------------------------------------------------------
// bits: @STRENGTH order and the security levels

{
  const S = 'bits';
  const bitsOf = new Map([...data.suites, ...data.tls13Suites].map((s) => [s.name, s]));
  const base = [...(await calls.all).stdout.matchAll(/^ {10}\S+ - \S+ +- (\S+)/gm)].map((m) => m[1]);
  const sorted = listOf(await calls.strength);
  const expected = base
    .map((name, i) => ({ name, i, bits: bitsOf.get(name)?.bits ?? -1 }))
    .sort((a, b) => b.bits - a.bits || a.i - b.i)
    .map((x) => x.name);
  if (JSON.stringify(expected) !== JSON.stringify(sorted)) {
    for (let k = 1; k < sorted.length; k++) {
      const a = bitsOf.get(sorted[k - 1]);
      const b = bitsOf.get(sorted[k]);
      if (a && b && a.bits < b.bits) {
        differ(S, `@STRENGTH lists ${a.name} (data: ${a.bits} bits) before ${b.name} (data: ${b.bits} bits)`);
      }
    }
    compareLists(S, '@STRENGTH order', 'a stable sort on the data bits', expected, 'live', sorted);
  }
  const candidates = [...data.tls13Suites, ...availableSuites];
  const checkLevel = (level, r, what) => {
    if (r.code !== 0) {
      differ(S, `${what} failed: ${lastWords(r.stderr)}`);
      return;
    }
    const kept = new Set(parseV(r.stdout, false).map((l) => l.name));
    for (const s of candidates) {
      const want = keptAtLevel(s, level);
      if (want !== kept.has(s.name)) {
        differ(
          S,
          `${what}: ${s.name} (data: ${s.bits} bits) is ${kept.has(s.name) ? 'kept' : 'dropped'} live, ${want ? 'kept' : 'dropped'} by the data`,
        );
      }
    }
  };
  const levels = await Promise.all(calls.levels);
  LEVELS.forEach((n, i) => checkLevel(n, levels[i], `-s @SECLEVEL=${n}`));
  checkLevel(
    data.defaultSeclevel ?? 0,
    await calls.defaultLevel,
    `-s at the default security level (data: ${data.defaultSeclevel})`,
  );
}

// ---------------------------------------------------------------------------------------------
// (b) TLS 1.3

{
  const S = 'TLS 1.3';
  const r = await calls.tls13;
  const live = parseV(r.stdout, true).slice(0, -1);
  if (r.code !== 0) differ(S, `-ciphersuites ${tls13Names.join(':')} failed: ${lastWords(r.stderr)}`);
  compareLists(
    S,
    'TLS 1.3 suites',
    'the data',
    data.tls13Suites.map((s) => s.name),
    'live',
    live.map((l) => l.name ?? l.line),
  );
  data.tls13Suites.forEach((s, i) => {
    if (live[i] && live[i].name === s.name) compareSuite(S, s, live[i], lineStdnameV);
  });

  const d = await calls.tls13Default;
  const lines = parseV(d.stdout, false);
  const firstTls12 = lines.findIndex((l) => !l.id?.startsWith('0x13,'));
  const liveTls13 = lines.slice(0, firstTls12 === -1 ? lines.length : firstTls12);
  const liveDefault = liveTls13.map((l) => byStdname.get(l.name)?.stdname ?? l.name);
  compareLists(S, 'default ciphersuites', 'the data', data.tls13.defaultCiphersuites.split(':'), 'live', liveDefault);
  compareLists(
    S,
    'default TLS 1.3 suites (recorded 3.0.20 vs live)',
    'recorded 3.0.20',
    table.default_tls13_ciphersuites,
    'live',
    liveDefault,
  );
  liveTls13.forEach((l) => {
    const s = data.tls13Suites.find((t) => t.name === l.name);
    if (s) compareSuite(S, s, l, lineV);
  });
  compareLists(
    S,
    'plain `openssl ciphers -V` after the TLS 1.3 suites',
    'recorded default_list',
    table.default_list,
    'live',
    lines.slice(liveTls13.length).map((l) => l.name ?? l.line),
  );

  const u = await calls.unknownCiphersuite;
  const liveRule = u.code === 0 ? 'skip' : 'fail';
  if (liveRule !== data.tls13.unknownNames) {
    differ(
      S,
      `an unknown ciphersuite name: the data says ${data.tls13.unknownNames}, live ${liveRule}s` +
        (u.code ? ` (${lastWords(u.stderr)})` : ''),
    );
  }

  const c = await calls.ciphersuiteNames;
  const expected = [...csLookup].filter(([, usable]) => usable).map(([name]) => byStdname.get(name).name);
  const got = parseV(c.stdout, false)
    .slice(0, -1)
    .map((l) => l.name ?? l.line);
  compareLists(
    S,
    'suites SSL_CTX_set_ciphersuites keeps when given every IANA name of the data',
    'the data',
    expected,
    'live',
    got,
  );
}

reportLayout();

// ---------------------------------------------------------------------------------------------
// (c) alias registration

const unregistered = [];
{
  const S = 'alias registration';
  const probes = await Promise.all(calls.aliasProbe);
  data.aliases.forEach((a, i) => {
    const liveRegistered = probes[i].code !== 0;
    const dataRegistered = isRegistered(a);
    if (!liveRegistered) unregistered.push(a.name);
    if (liveRegistered !== dataRegistered) {
      differ(
        S,
        `${a.name}: ${dataRegistered ? 'registered' : 'not registered'} by the data, ${liveRegistered ? 'registered' : 'not registered'} live`,
      );
    }
    if (liveRegistered && lastWords(probes[i].stderr) !== 'invalid command') {
      differ(S, `${a.name}#:ALL failed with "${lastWords(probes[i].stderr)}", not "invalid command"`);
    }
  });
  stats.aliases = data.aliases.length;
  stats.unregistered = unregistered;
}

// ---------------------------------------------------------------------------------------------
// (d) each word alone, against the recorded 3.0.20 build and the data's masks

{
  const S = 'alias lists';
  const results = new Map(aliasWords.map((w, i) => [w, i]));
  const lists = await Promise.all(calls.aliasLists);
  for (const name of data.aliases.map((a) => a.name)) {
    if (!(name in table.aliases)) differ(S, `${name} is an alias of the data, not recorded in ${TABLE}`);
  }
  for (const [word, recorded] of Object.entries(table.aliases)) {
    const r = lists[results.get(word)];
    const ok = r.code === 0;
    if (ok !== recorded.ok) {
      differ(
        S,
        `${word}: recorded 3.0.20 ${recorded.ok ? 'accepts' : `fails (${lastWords(recorded.error)})`}, live ${ok ? 'accepts' : `fails (${lastWords(r.stderr)})`}`,
      );
    } else if (!ok && lastWords(recorded.error) !== lastWords(r.stderr)) {
      differ(
        S,
        `${word}: recorded 3.0.20 fails with "${lastWords(recorded.error)}", live with "${lastWords(r.stderr)}"`,
      );
    }
    compareLists(S, word, 'recorded 3.0.20', recorded.ok ? recorded.ciphers : [], 'live', listOf(r));
  }
  for (const a of data.aliases) {
    const live = new Set(listOf(lists[results.get(a.name)]));
    const chosen = new Set(isRegistered(a) ? availableSuites.filter((s) => selects(a, s)).map((s) => s.name) : []);
    const missing = [...chosen].filter((n) => !live.has(n));
    const extra = [...live].filter((n) => !chosen.has(n));
    if (missing.length || extra.length) {
      differ(
        S,
        `${a.name}: the data's masks select ${chosen.size} suites, live lists ${live.size}` +
          (missing.length ? `; selected by the data only: ${missing.join(' ')}` : '') +
          (extra.length ? `; listed live only: ${extra.join(' ')}` : ''),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// (e) DEFAULT

{
  const S = 'DEFAULT';
  const word = await calls.aliasLists[aliasWords.indexOf('DEFAULT')];
  compareLists(S, "'DEFAULT'", 'recorded default_list', table.default_list, 'live', listOf(word));
  compareLists(
    S,
    'a fresh context (no cipher string)',
    'recorded default_list',
    table.default_list,
    'live',
    listOf(await calls.contextDefault),
  );
  compareLists(
    S,
    `the data's defaultCipherList '${data.defaultCipherList}'`,
    'recorded default_list',
    table.default_list,
    'live',
    listOf(await calls.defaultCipherList),
  );
  stats.defaultList = table.default_list.length;
}

// ---------------------------------------------------------------------------------------------

const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
const compared =
  `${stats.suites} suites, ${data.tls13Suites.length} TLS 1.3 suites, ${stats.aliases} aliases ` +
  `(${stats.unregistered.length} not registered: ${stats.unregistered.join(' ')}), DEFAULT (${stats.defaultList})`;
if (differences.length) {
  for (const d of differences) console.log(d);
  console.log(
    `\n${differences.length} difference(s) between data/${TARGET}.json (${data.release}, ${TABLE}) and ${version}` +
      ` [${compared}; ${invocations} openssl runs, ${ms} ms]`,
  );
  process.exit(1);
}
console.log(
  `${compared} match ${version.replace(/ \(Library:.*\)$/, '')} ` +
    `(data from ${data.release}; bits via @STRENGTH and @SECLEVEL, algBits not observable; ${invocations} openssl runs, ${ms} ms)`,
);
process.exit(0);
