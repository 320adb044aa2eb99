import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertNames, targets } from '../src/index.js';
import { findPolicy, policies, policyIds } from '../src/policy/policies.js';
import { rulesOf, type Policy } from '../src/policy/policy.js';

// The named policies of data/policies/: every file registered and well formed, every entry cited
// and verified, every suite one some target knows, and per policy a few facts read in its document.

const DIR = fileURLToPath(new URL('../data/policies/', import.meta.url));
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** Every IANA name some target's table holds. */
const KNOWN = new Set(
  targets.flatMap((target) =>
    convertNames(
      policies().flatMap((p) => p.entries.flatMap((e) => ('suites' in e ? e.suites : []))),
      { target },
    ).flatMap((c) => (c.iana === c.input ? [c.iana] : [])),
  ),
);

const policy = (id: string): Policy => findPolicy(id)!;

describe('registry', () => {
  it('registers every file of data/policies/ and nothing else, in the documented order', () => {
    expect(policyIds()).toEqual(['mozilla-modern', 'mozilla-intermediate', 'mozilla-old', 'bsi-tr-02102-2']);
    expect([...policyIds()].sort()).toEqual(FILES.map((f) => f.replace(/\.json$/, '')).sort());
  });

  it('serves each file as it is stored, under the id that is its file name', () => {
    for (const file of FILES) {
      const stored = JSON.parse(readFileSync(DIR + file, 'utf8')) as Policy;
      expect(stored.id).toBe(file.replace(/\.json$/, ''));
      expect(findPolicy(stored.id)).toEqual(stored);
    }
    expect(new Set(policyIds()).size).toBe(policyIds().length);
    expect(findPolicy('nist-sp800-52r2')).toBeUndefined();
    expect(findPolicy(42)).toBeUndefined();
  });
});

describe.each(policies().map((p) => [p.id, p] as const))('%s', (_id, p) => {
  it('names its source and edition', () => {
    for (const field of ['publisher', 'document', 'edition', 'url'] as const) expect(p.source[field]).not.toBe('');
    expect(p.source.url).toMatch(/^https:\/\//);
  });

  it('cites every entry: a section, what it says, and the date it was checked', () => {
    expect(p.entries.length).toBeGreaterThan(0);
    for (const e of p.entries) {
      expect(e.section.trim()).not.toBe('');
      expect(e.says.trim()).not.toBe('');
      expect(e.verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(e.verified))).toBe(false);
    }
  });

  it('names only suites some target knows, by their IANA names, once each', () => {
    const named = p.entries.flatMap((e) => ('suites' in e ? e.suites : []));
    expect(named.filter((s) => !KNOWN.has(s))).toEqual([]);
    expect(new Set(named).size).toBe(named.length);
  });

  it('bounds protocols with known versions, lowest first', () => {
    const { protocols } = rulesOf(p);
    if (!protocols) return;
    expect(PROTOCOLS).toContain(protocols.min);
    if (protocols.max !== null) {
      expect(PROTOCOLS).toContain(protocols.max);
      expect(PROTOCOLS.indexOf(protocols.max)).toBeGreaterThanOrEqual(PROTOCOLS.indexOf(protocols.min));
    }
  });

  it('lists what it allows when only that is allowed, and gives positive key sizes', () => {
    if (p.allowedOnly) expect(p.entries.some((e) => e.kind === 'allow')).toBe(true);
    for (const size of Object.values(rulesOf(p).keySizes ?? {})) {
      if (size !== undefined) expect(Number.isInteger(size) && size > 0).toBe(true);
    }
  });
});

describe('facts read in each document', () => {
  it('mozilla-modern (6.0): TLS 1.3 only, its three AEAD suites in any order', () => {
    const r = rulesOf(policy('mozilla-modern'));
    expect(r.allowed).toEqual(['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256']);
    expect(r.ordered).toBe(false);
    expect(r.protocols).toEqual({ min: 'TLSv1.3', max: null });
  });

  it('mozilla-intermediate (6.0): ECDHE with AEAD for TLS 1.2, no DHE, TLS 1.2 and up', () => {
    const r = rulesOf(policy('mozilla-intermediate'));
    expect(r.allowed).toContain('TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256');
    expect(r.allowed!.filter((s) => s.startsWith('TLS_DHE_'))).toEqual([]);
    expect(r.protocols).toEqual({ min: 'TLSv1.2', max: null });
    expect(r.keySizes).toEqual({ rsa: 2048, dh: 2048, ecdh: 256 });
  });

  it('mozilla-old (5.8, the last edition with it): TLS 1.0 and up, server order, 3DES last, no DHE', () => {
    const p = policy('mozilla-old');
    const r = rulesOf(p);
    expect(p.source.edition).toBe('5.8');
    expect(r.ordered).toBe(true);
    expect(r.protocols).toEqual({ min: 'TLSv1', max: null });
    expect(r.allowed).toHaveLength(24);
    // the TLS 1.2 list starts with ECDHE-ECDSA AES-128-GCM and ends with static RSA 3DES
    expect(r.allowed![3]).toBe('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256');
    expect(r.allowed!.at(-1)).toBe('TLS_RSA_WITH_3DES_EDE_CBC_SHA');
    expect(r.allowed).toContain('TLS_RSA_WITH_AES_128_CBC_SHA');
    // 5.8 dropped the DHE-RSA suites 5.7 had and raised DH from 1024 to 2048 bits
    expect(r.allowed!.filter((s) => s.startsWith('TLS_DHE_'))).toEqual([]);
    expect(r.keySizes).toEqual({ rsa: 2048, dh: 2048, ecdh: 256 });
  });

  it('bsi-tr-02102-2 (2024-01): TLS 1.2 and 1.3, no order, no ChaCha20, no CCM_8, no SHA-1, no plain PSK', () => {
    const p = policy('bsi-tr-02102-2');
    const r = rulesOf(p);
    expect(p.source.edition).toBe('2024-01');
    expect(r.ordered).toBe(false);
    expect(r.protocols).toEqual({ min: 'TLSv1.2', max: null });
    expect(r.keySizes).toEqual({ rsa: 3000, dh: 3000, ecdh: 250 });
    expect(r.allowed).toEqual(expect.arrayContaining(['TLS_AES_128_CCM_SHA256', 'TLS_DHE_RSA_WITH_AES_256_CCM']));
    expect(r.allowed).toContain('TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256');
    const offending = r.allowed!.filter(
      (s) => s.includes('CHACHA20') || s.endsWith('_CCM_8') || s.endsWith('_SHA') || s.startsWith('TLS_PSK_'),
    );
    expect(offending).toEqual([]);
    // no static RSA key exchange, and only these TLS 1.3 suites
    expect(r.allowed!.filter((s) => s.startsWith('TLS_RSA_WITH_'))).toEqual([]);
    expect(r.allowed!.filter((s) => !s.includes('_WITH_'))).toEqual([
      'TLS_AES_128_GCM_SHA256',
      'TLS_AES_256_GCM_SHA384',
      'TLS_AES_128_CCM_SHA256',
    ]);
    expect(r.allowed).toHaveLength(20 + 16 + 12 + 3);
  });
});
