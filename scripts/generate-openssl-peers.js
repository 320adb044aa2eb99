#!/usr/bin/env node
// Writes data/peers/openssl-<line>-default.json: an OpenSSL-based peer with the library defaults
// (DEFAULT cipher list at the release's default security level, default TLS 1.3 ciphersuites).
// The suite list comes from the built CLI (`npm run build` first), so it follows the recorded tables.
//
//   node scripts/generate-openssl-peers.js          write the files
//   node scripts/generate-openssl-peers.js --check  fail if a file differs from what would be written

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTargetTable } from './lib/target-table.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'cipherx.cjs');
const check = process.argv.includes('--check');

if (!existsSync(join(root, 'dist', 'src', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

const SECLEVEL_DOC = {
  title: 'OpenSSL manual: SSL_CTX_set_security_level',
  url: 'https://docs.openssl.org/3.5/man3/SSL_CTX_set_security_level/',
  says: 'What each security level excludes; from 3.2 the description of level 1 also disables SSL 3.0, TLS 1.0 and TLS 1.1.',
};
const SERVER_PREF_DOC = {
  title: 'OpenSSL manual: SSL_CTX_set_options (SSL_OP_CIPHER_SERVER_PREFERENCE)',
  url: 'https://docs.openssl.org/3.0/man3/SSL_CTX_set_options/',
  says: "An OpenSSL server follows the client's preference unless the application sets SSL_OP_CIPHER_SERVER_PREFERENCE.",
};

/** Where each line's sources define the DEFAULT cipher list. */
const DEFAULT_SOURCE = {
  'openssl-1.1.1': 'https://github.com/openssl/openssl/blob/OpenSSL_1_1_1-stable/include/openssl/ssl.h',
  'openssl-3.0': 'https://github.com/openssl/openssl/blob/openssl-3.0/ssl/ssl_ciph.c',
  'openssl-3.5': 'https://github.com/openssl/openssl/blob/openssl-3.5/ssl/ssl_ciph.c',
};

const NEEDS_SETUP = new Set(['PSK', 'DHEPSK', 'ECDHEPSK', 'RSAPSK', 'SRP']);

const PROFILES = [
  {
    id: 'openssl-1.1.1-default',
    target: 'openssl-1.1.1',
    name: 'OpenSSL 1.1.1 with library defaults',
    protocols: ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1'],
    groups: ['x25519', 'secp256r1', 'x448', 'secp521r1', 'secp384r1'],
    groupsSource: {
      title: 'OpenSSL 1.1.1 source: ssl/t1_lib.c (eccurves_default)',
      url: 'https://github.com/openssl/openssl/blob/OpenSSL_1_1_1-stable/ssl/t1_lib.c',
      says: 'The default supported groups of 1.1.1, in order: X25519, P-256, X448, P-521, P-384.',
    },
    hazards: [],
    notes:
      'Security level 1 (the 1.1.1 default): TLS 1.0 and 1.1 still work, including with (EC)DHE. SSL 3.0 is compiled out by default.',
  },
  {
    id: 'openssl-3.0-default',
    target: 'openssl-3.0',
    name: 'OpenSSL 3.0 with library defaults',
    protocols: ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1'],
    groups: [
      'x25519',
      'secp256r1',
      'x448',
      'secp521r1',
      'secp384r1',
      'ffdhe2048',
      'ffdhe3072',
      'ffdhe4096',
      'ffdhe6144',
      'ffdhe8192',
    ],
    groupsSource: {
      title: 'OpenSSL 3.0 source: ssl/t1_lib.c (supported_groups_default)',
      url: 'https://github.com/openssl/openssl/blob/openssl-3.0/ssl/t1_lib.c',
      says: 'The default supported groups of 3.0: X25519, P-256, X448, P-521, P-384, then the GOST groups (only with a provider that has them) and ffdhe2048 to ffdhe8192.',
    },
    hazards: ['openssl3-legacy-tls-sha1-signatures'],
    notes:
      'Security level 1 (the upstream 3.0 default; some distributions build with 2). TLS 1.0 and 1.1 are enabled but only complete with RSA key exchange at level 1, because their (EC)DHE signatures need SHA-1. The GOST groups of the default list are left out (no default provider implements them).',
  },
  {
    id: 'openssl-3.5-default',
    target: 'openssl-3.5',
    name: 'OpenSSL 3.5 with library defaults',
    protocols: ['TLSv1.3', 'TLSv1.2'],
    groups: ['X25519MLKEM768', 'x25519', 'secp256r1', 'x448', 'secp384r1', 'secp521r1', 'ffdhe2048', 'ffdhe3072'],
    groupsSource: {
      title: 'OpenSSL 3.5 source: ssl/t1_lib.c (TLS_DEFAULT_GROUP_LIST)',
      url: 'https://github.com/openssl/openssl/blob/openssl-3.5/ssl/t1_lib.c',
      says: 'The DEFAULT group list of 3.5: X25519MLKEM768, then X25519 and P-256, then X448, P-384, P-521, then ffdhe2048 and ffdhe3072; key shares for X25519MLKEM768 and X25519.',
    },
    hazards: ['openssl-3.2-no-legacy-tls'],
    notes:
      'Security level 2 (the default since 3.2): SSL 3.0, TLS 1.0 and TLS 1.1 are disabled at levels 1 and above, so only TLS 1.3 and 1.2 are listed. The group list is tiered: the first two tiers carry key shares in the first ClientHello.',
  },
];

function expand(target) {
  const out = execFileSync(process.execPath, [cli, 'expand', '--target', target, '--json', 'DEFAULT'], {
    encoding: 'utf8',
  });
  const result = JSON.parse(out);
  if (!result.ok) throw new Error(`DEFAULT on ${target}: ${JSON.stringify(result.error)}`);
  return result.ciphers;
}

async function profile(p) {
  // PSK and SRP suites stay in DEFAULT but are not offered or chosen unless the application configures
  // a PSK callback or SRP (ssl_set_client_disabled in ssl/t1_lib.c), so a default peer never uses them.
  const ciphers = expand(p.target).filter((c) => !NEEDS_SETUP.has(c.kx));
  const suites = ciphers.map((c) => {
    if (!c.stdname) throw new Error(`${c.name} on ${p.target} has no standard name`);
    return c.stdname;
  });
  const table = await readTargetTable(root, p.target);
  return {
    $comment: `An OpenSSL ${p.target.slice('openssl-'.length)} peer with the library defaults (DEFAULT cipher list at the default security level ${table.defaultSeclevel}, default TLS 1.3 ciphersuites). Generated by scripts/generate-openssl-peers.js from data/${p.target}.json; do not edit.`,
    id: p.id,
    name: p.name,
    roles: ['server', 'client'],
    protocols: p.protocols,
    suites,
    serverPreference: false,
    certificate: 'RSA',
    groups: p.groups,
    dhBits: null,
    sources: [
      {
        title: `DEFAULT as the ${table.release} sources define it, expanded with this repository's recorded table data/${p.target}.json`,
        url: DEFAULT_SOURCE[p.target],
        says: `${table.origin.split(';')[0]}; DEFAULT expands as the real build does (default cipher list "${table.defaultCipherList}", TLS 1.3 ciphersuites "${table.tls13.defaultCiphersuites}").`,
      },
      SECLEVEL_DOC,
      SERVER_PREF_DOC,
      p.groupsSource,
    ],
    hazards: p.hazards,
    notes: `${p.notes} PSK and SRP suites of DEFAULT are left out: OpenSSL neither offers nor selects them unless the application sets up PSK or SRP. As a server the profile assumes the application sets DH parameters (SSL_CTX_set_dh_auto or its own, as common servers do); without them an OpenSSL server never picks a DHE suite. dhBits is null: the size depends on that setting. The certificate type depends on the application; RSA is assumed.`,
  };
}

let differ = false;
for (const p of PROFILES) {
  const file = join(root, 'data', 'peers', `${p.id}.json`);
  const text = `${JSON.stringify(await profile(p), null, 2)}\n`;
  if (check) {
    const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (old !== text) {
      console.error(`${file} is out of date`);
      differ = true;
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}
if (differ) process.exit(1);
