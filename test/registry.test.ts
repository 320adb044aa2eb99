import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import security from '../data/security.json' with { type: 'json' };
import { MAX_TRACE } from '../src/core/rule-trace.js';
import { DIAGNOSTICS, DIAGNOSTIC_CODES, diagnosticPage, type DiagnosticCode } from '../src/diagnostics/registry.js';
import { MAX_DIAGNOSTICS } from '../src/diagnostics/sink.js';
import {
  assessList,
  expand,
  lint,
  type Cipher,
  type ExpandOptions,
  type LintOptions,
  type TargetName,
} from '../src/index.js';
import { scan } from '../src/scan/scan.js';
import type { TargetCheck } from '../src/policy/check.js';
import { policyFindings } from '../src/policy/findings.js';
import { memoryHost } from './helpers/memory-host.js';

// The registry of diagnostic codes (src/diagnostics/registry.ts) against the documentation and
// against what the library really emits.
const root = fileURLToPath(new URL('..', import.meta.url));
const pages = readdirSync(`${root}docs/diagnostics`)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3));

/** 70 `!X` elements that each remove one suite not in the list yet. */
const manyKills = (): string =>
  expand('ALL:COMPLEMENTOFALL', { ciphersuites: '' })
    .ciphers.slice(0, 70)
    .map((c) => `!${c.name}`)
    .join(':') + ':HIGH';

// One case per code (two where BoringSSL reports the same fact): [code, target, input, options].
const EMITTED: Array<[DiagnosticCode, TargetName, string, Omit<LintOptions, 'target'>?]> = [
  ['policy-forbidden-suite', 'openssl-3.0', 'ECDHE+AESGCM:DHE+AESGCM', { policy: 'mozilla-intermediate' }],
  ['policy-protocol', 'openssl-3.0', 'HIGH', { policy: 'mozilla-modern', protocols: ['TLSv1.2', 'TLSv1.3'] }],
  ['policy-order', 'openssl-3.0', 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256', { policy: 'mozilla-old' }],
  ['policy-no-allowed-suite', 'openssl-1.0.2', 'AES256-SHA', { policy: 'mozilla-intermediate' }],
  ['invalid-command', 'openssl-3.0', 'AES#'],
  ['no-cipher-match', 'openssl-3.0', 'FOO'],
  ['invalid-ciphersuites', 'openssl-1.1.1', 'HIGH', { ciphersuites: 'FOO' }],
  ['unexpected-operator-in-group', 'boringssl', '[AES128-SHA:AES256-SHA]'],
  ['mixed-special-operator-with-groups', 'boringssl', '[AES128-SHA]:-ALL'],
  ['unknown-word', 'openssl-3.0', 'HIGH:FOO'],
  ['unknown-word', 'boringssl', 'ALL:FOO'],
  ['unavailable-alias', 'openssl-3.0', 'HIGH:!RC4'],
  ['default-not-first', 'openssl-3.0', 'HIGH:DEFAULT'],
  ['default-not-first', 'boringssl', 'ALL:DEFAULT'],
  ['suite-b-not-first', 'openssl-3.0', 'HIGH:SUITEB128'],
  ['suite-b-replaces', 'openssl-3.0', 'SUITEB128:HIGH'],
  ['iana-name-unsupported', 'openssl-3.0', 'HIGH:TLS_RSA_WITH_AES_128_CBC_SHA'],
  ['tls13-suite-in-cipher-list', 'openssl-3.0', 'HIGH:TLS_AES_128_GCM_SHA256'],
  ['tls13-suite-in-cipher-list', 'boringssl', 'ALL:TLS_AES_128_GCM_SHA256'],
  ['empty-intersection', 'openssl-3.0', 'HIGH+FIPS:AES'],
  ['empty-intersection', 'boringssl', 'ALL:TLSv1.2+SSLv3'],
  ['version-alias-order', 'boringssl', 'ALL:SSLv3+AES'],
  ['ignored-after-special', 'openssl-3.0', 'ALL:@STRENGTH+AES256'],
  ['ignored-after-special', 'boringssl', 'ALL:@STRENGTH+AES256'],
  ['nul-truncates', 'openssl-3.0', 'HIGH\u0000FOO'],
  ['nul-truncates', 'boringssl', 'ALL\u0000:FOO'],
  ['unknown-ciphersuite', 'openssl-3.0', 'HIGH', { ciphersuites: 'TLS_AES_128_GCM_SHA256:FOO' }],
  ['too-many-diagnostics', 'openssl-3.0', 'HIGH' + ':FOO'.repeat(MAX_DIAGNOSTICS + 1)],
  ['too-many-diagnostics', 'boringssl', 'ALL' + ':FOO'.repeat(MAX_DIAGNOSTICS + 1)],
  // More elements than a trace records: evaluated whole, recorded up to MAX_TRACE.
  ['trace-limited', 'openssl-3.0', 'AES128-SHA' + ':+AES128-SHA'.repeat(MAX_TRACE + 1)],
  ['trace-limited', 'boringssl', 'AES128-SHA' + ':+AES128-SHA'.repeat(MAX_TRACE + 1)],
  ['not-in-this-release', 'openssl-3.0', 'HIGH:!EXPORT'],
  ['case-insensitive-match', 'openssl-4.0', 'HIGH:!aes'],
  ['removed-alias', 'openssl-4.0', 'HIGH:!FIPS'],
  ['dead-term', 'openssl-3.0', 'HIGH:!aNULL:-aNULL'],
  ['dead-term-check-limited', 'openssl-3.0', 'MANY-KILLS'],
  ['plus-does-not-add', 'openssl-3.0', 'ECDHE+AESGCM:+AES256-SHA'],
  ['duplicate-term', 'openssl-3.0', 'HIGH:!aNULL:HIGH'],
  ['redundant-term', 'openssl-3.0', 'ALL:HIGH'],
  ['strength-reorders', 'openssl-3.0', 'AES128-SHA:AES256-SHA:@STRENGTH'],
  ['overshoot', 'openssl-3.0', 'AES128'],
  ['psk-variant-kept', 'openssl-3.0', 'AES128:!AESGCM+RSA'],
  ['null-encryption', 'openssl-3.0', 'eNULL'],
  ['anonymous-key-exchange', 'openssl-3.0', 'aNULL'],
  ['rc4', 'openssl-1.0.2', 'RC4'],
  ['3des', 'openssl-1.0.2', 'DES-CBC3-SHA'],
  ['idea', 'openssl-1.0.2', 'IDEA'],
  ['md5-mac', 'openssl-1.0.2', 'RC4-MD5'],
  ['no-forward-secrecy', 'openssl-3.0', 'AES128-GCM-SHA256'],
  ['cbc-mode', 'openssl-3.0', 'ECDHE-RSA-AES128-SHA256'],
  ['sha1-mac', 'openssl-3.0', 'ECDHE-RSA-AES128-SHA'],
  ['finite-field-dhe', 'openssl-3.0', 'DHE-RSA-AES128-GCM-SHA256'],
  ['ccm8-short-tag', 'openssl-3.0', 'AESCCM8'],
  ['pre-shared-key', 'openssl-3.0', 'PSK'],
  ['srp', 'openssl-3.0', 'SRP'],
  ['uncommon-cipher', 'openssl-3.0', 'CAMELLIA'],
];

/** A suite as `openssl ciphers -v` printed it. */
const printed = (name: string, kx: string, au: string, enc: string, mac: string, bits: number): Cipher => ({
  name,
  stdname: null,
  id: '0x00,0x00',
  protocol: 'SSLv3',
  kx,
  au,
  enc,
  mac,
  bits,
  algBits: bits,
});

// No recorded table offers these suites (export grades and single DES left in 1.0.2h, GOST needs
// an engine): their rules are checked on the suites as older or engine builds print them.
const ASSESSED: Array<[DiagnosticCode, Cipher]> = [
  ['export-grade', printed('EXP-RC4-MD5', 'RSA(512)', 'RSA', 'RC4(40)', 'MD5', 40)],
  ['des', printed('DES-CBC-SHA', 'RSA', 'RSA', 'DES(56)', 'SHA1', 56)],
  ['gost', printed('GOST2012-GOST8912-GOST8912', 'GOST', 'GOST01', 'GOST89(256)', 'GOST89', 256)],
];

// What scan reports of the files it reads: [code, files, paths given].
const SCANNED: Array<[DiagnosticCode, Record<string, string>, string[]]> = [
  ['file-unreadable', {}, ['/etc/nginx/nginx.conf']],
  ['config-syntax', { '/n/nginx.conf': 'http { server { listen 443 ssl; }' }, ['/n']],
  ['unresolved-value', { '/n/nginx.conf': 'http { server { listen 443 ssl; ssl_ciphers ${CIPHERS}; } }' }, ['/n']],
  ['include-not-found', { '/n/nginx.conf': 'http { include /n/missing.conf; }' }, ['/n']],
  ['include-loop', { '/n/nginx.conf': 'http { include /n/nginx.conf; }' }, ['/n']],
  ['unrecognised-file', { '/x/notes.txt': 'hello' }, ['/x/notes.txt']],
  ['unknown-protocol', { '/n/nginx.conf': 'http { server { listen 443 ssl; ssl_protocols TLSv1.4; } }' }, ['/n']],
  [
    'vhost-setting-ignored',
    {
      '/n/nginx.conf':
        'http { server { listen 443 ssl; } server { listen 443 ssl; server_name b; ssl_protocols TLSv1.2; } }',
    },
    ['/n'],
  ],
];

// What no shipped policy gives yet (none requires a suite): the findings of a check that has it.
const POLICY_ONLY: Array<[DiagnosticCode, TargetCheck]> = [
  [
    'policy-missing-suite',
    {
      target: 'openssl-3.0',
      pass: false,
      error: null,
      ciphers: ['AES128-SHA'],
      forbidden: [],
      missing: [{ iana: 'TLS_AES_128_GCM_SHA256', suite: 'TLS_AES_128_GCM_SHA256' }],
      order: [],
      protocols: [],
      noAllowedSuite: false,
      unavailable: [],
      unusable: [],
    },
  ],
];

describe('the diagnostics registry', () => {
  it('every code has a page, every page a code, with the same severity in its title', () => {
    expect([...pages].sort()).toEqual([...DIAGNOSTIC_CODES].sort());
    for (const code of DIAGNOSTIC_CODES) {
      const title = readFileSync(`${root}${diagnosticPage(code)}`, 'utf8').split('\n')[0];
      expect(title, code).toMatch(new RegExp(`^# \`${code}\` \\(${DIAGNOSTICS[code].severity}[,)]`));
    }
  });

  it('the security rules of data/security.json are the security codes, with their severities', () => {
    const rules = security.rules.map((r) => [r.code, r.severity]);
    const codes = DIAGNOSTIC_CODES.filter((c) => DIAGNOSTICS[c].origin === 'security');
    expect(rules).toEqual(codes.map((c) => [c, DIAGNOSTICS[c].severity]));
  });

  it('every code has a case below', () => {
    const cased = new Set([...EMITTED, ...ASSESSED, ...SCANNED, ...POLICY_ONLY].map(([code]) => code));
    expect([...cased].sort()).toEqual([...DIAGNOSTIC_CODES].sort());
  });

  it.each(EMITTED)('%s is emitted on %s', (code, target, input, options) => {
    const text = input === 'MANY-KILLS' ? manyKills() : input;
    const all = lint(text, { target, ...options }).diagnostics;
    const found = all.filter((d) => d.code === code);
    expect(found.length, JSON.stringify(all.map((d) => d.code))).toBeGreaterThan(0);
    for (const d of found) expect(d.severity).toBe(DIAGNOSTICS[code].severity);
  });

  it.each(SCANNED)('%s is reported by scan', (code, files, paths) => {
    const { problems } = scan(paths, memoryHost(files));
    expect(problems.map((p) => [p.code, p.severity])).toContainEqual([code, DIAGNOSTICS[code].severity]);
  });

  it.each(POLICY_ONLY)('%s is emitted for a check that has it', (code, checked) => {
    const found = policyFindings(checked, 'some-policy').filter((d) => d.code === code);
    expect(found.map((d) => [d.code, d.severity])).toEqual([[code, DIAGNOSTICS[code].severity]]);
  });

  it.each(ASSESSED)('%s is emitted for %o', (code, cipher) => {
    const found = assessList([cipher]).diagnostics.filter((d) => d.code === code);
    expect(found.map((d) => [d.code, d.severity])).toEqual([[code, DIAGNOSTICS[code].severity]]);
  });
});
