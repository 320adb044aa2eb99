import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLibrary } from '../src/library/registry.js';
import { opensslTable } from '../src/library/tables.js';

const getTarget = (name: string) => opensslTable(findLibrary(name)!);

// Invariants of the peer profiles and hazards in data/peers/ (see data/peers/README.md).

const DATA = join(import.meta.dirname, '..', 'data');
const PEERS = join(DATA, 'peers');

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

const PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const ROLES = ['server', 'client'];
const CERTIFICATES = ['RSA', 'ECDSA', 'RSA+ECDSA'];
const SEVERITIES = ['error', 'warning', 'info'];
const WHEN_KEYS = [
  'kx',
  'au',
  'enc',
  'mac',
  'encFamily',
  'protocol',
  'peer',
  'peerRole',
  'ourTargets',
  'seclevelAtLeast',
  'dhBitsBelow',
];
const TARGETS = [
  'openssl-1.0.2',
  'openssl-1.1.1',
  'openssl-3.0',
  'openssl-3.5',
  'openssl-3.6',
  'openssl-4.0',
  'boringssl',
];
const PROFILE_KEYS = [
  '$comment',
  'id',
  'name',
  'roles',
  'protocols',
  'suites',
  'serverPreference',
  'certificate',
  'groups',
  'dhBits',
  'sources',
  'hazards',
  'notes',
];
const SCSV = ['TLS_EMPTY_RENEGOTIATION_INFO_SCSV', 'TLS_FALLBACK_SCSV'];

interface Row {
  stdname: string | null;
  kx: string;
  au: string;
  enc: string;
  mac: string;
}
interface Table {
  suites: Row[];
  tls13Suites?: Row[];
}
interface Source {
  title: string;
  url: string;
  says: string;
}
interface Profile {
  $comment: string;
  id: string;
  name: string;
  roles: string[];
  protocols: string[];
  suites: string[];
  serverPreference: boolean;
  certificate: string;
  groups: string[];
  dhBits: number | null;
  sources: Source[];
  hazards: string[];
  notes?: string;
}
interface Hazard {
  id: string;
  title: string;
  severity: string;
  when: Record<string, unknown>;
  description: string;
  sources: Source[];
}

// The OpenSSL tables as the library resolves them (some are stored as deltas, data/README.md).
const tables = TARGETS.map((t) => (t === 'boringssl' ? read(join(DATA, `${t}.json`)) : getTarget(t)!.data) as Table);
const rows = tables.flatMap((t) => [...t.suites, ...(t.tls13Suites ?? [])]);
const namesOf = (file: string): string[] => Object.values((read(file) as { names: Record<string, string> }).names);

/** Every IANA name this repository knows: recorded standard names, plus the two lists of names no table records. */
const KNOWN = new Set<string>([
  ...rows.flatMap((r) => (r.stdname ? [r.stdname] : [])),
  ...namesOf(join(DATA, 'source', 'iana-names.json')),
  ...namesOf(join(PEERS, 'iana-extra.json')),
]);

/** The `-v` spellings the recorded tables use, per column. */
const SPELLINGS = {
  kx: new Set(rows.map((r) => r.kx)),
  au: new Set(rows.map((r) => r.au)),
  enc: new Set(rows.map((r) => r.enc)),
  mac: new Set(rows.map((r) => r.mac)),
};

const profileFiles = readdirSync(PEERS).filter(
  (f) => f.endsWith('.json') && f !== 'hazards.json' && f !== 'iana-extra.json',
);
const profiles = profileFiles.map((f) => ({ file: f, p: read(join(PEERS, f)) as Profile }));
const hazards = (read(join(PEERS, 'hazards.json')) as { hazards: Hazard[] }).hazards;
const hazardIds = new Set(hazards.map((h) => h.id));
const profileIds = new Set(profiles.map(({ p }) => p.id));

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const noDuplicates = (list: string[]): void => expect(new Set(list).size).toBe(list.length);

function checkSources(sources: Source[]): void {
  expect(Array.isArray(sources) && sources.length > 0).toBe(true);
  for (const s of sources) {
    expect(Object.keys(s).sort()).toEqual(['says', 'title', 'url']);
    expect(s.title.length).toBeGreaterThan(0);
    expect(s.says.length).toBeGreaterThan(0);
    expect(new URL(s.url).protocol).toBe('https:');
  }
}

describe('peer profiles', () => {
  it('the required profiles are there', () => {
    for (const id of [
      'windows-server-2008-r2',
      'windows-server-2012-r2',
      'windows-server-2016',
      'windows-server-2019',
      'windows-server-2022',
      'exchange-2013-smtp-pre-cu8',
      'openssl-1.1.1-default',
      'openssl-3.0-default',
      'openssl-3.5-default',
    ]) {
      expect(profileIds.has(id), id).toBe(true);
    }
  });

  it.each(profiles)('$file has the schema', ({ file, p }) => {
    expect(file).toBe(`${p.id}.json`);
    for (const key of Object.keys(p)) expect(PROFILE_KEYS, key).toContain(key);
    for (const key of PROFILE_KEYS.filter((k) => k !== 'notes')) expect(p, key).toHaveProperty(key);
    expect(typeof p.$comment).toBe('string');
    expect(p.id).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
    expect(typeof p.name).toBe('string');
    expect(typeof p.serverPreference).toBe('boolean');
    expect(CERTIFICATES).toContain(p.certificate);
    expect(p.dhBits === null || (Number.isInteger(p.dhBits) && p.dhBits > 0)).toBe(true);
    if (p.notes !== undefined) expect(typeof p.notes).toBe('string');
    for (const list of [p.roles, p.protocols, p.suites, p.groups, p.hazards]) expect(isStringList(list)).toBe(true);
  });

  it.each(profiles)('$file: roles and protocols use the allowed spellings, highest protocol first', ({ p }) => {
    expect(p.roles.length).toBeGreaterThan(0);
    for (const r of p.roles) expect(ROLES).toContain(r);
    noDuplicates(p.roles);
    expect(p.protocols.length).toBeGreaterThan(0);
    for (const v of p.protocols) expect(PROTOCOLS).toContain(v);
    noDuplicates(p.protocols);
    const rank = p.protocols.map((v) => PROTOCOLS.indexOf(v));
    expect(rank).toEqual([...rank].sort((a, b) => b - a));
  });

  it.each(profiles)('$file: suites are known IANA names, no duplicates, no signalling values', ({ p }) => {
    expect(p.suites.length).toBeGreaterThan(0);
    for (const s of p.suites) {
      expect(KNOWN.has(s), s).toBe(true);
      expect(SCSV).not.toContain(s);
    }
    noDuplicates(p.suites);
    noDuplicates(p.groups);
    noDuplicates(p.hazards);
  });

  it.each(profiles)('$file: every hazard it names exists, every source is https', ({ p }) => {
    for (const h of p.hazards) expect(hazardIds.has(h), h).toBe(true);
    checkSources(p.sources);
  });
});

describe('hazards.json', () => {
  it('ids are unique', () => {
    noDuplicates(hazards.map((h) => h.id));
  });

  it.each(hazards)('$id has the schema', (h) => {
    expect(Object.keys(h).sort()).toEqual(['description', 'id', 'severity', 'sources', 'title', 'when']);
    expect(h.id).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
    expect(typeof h.title).toBe('string');
    expect(typeof h.description).toBe('string');
    expect(SEVERITIES).toContain(h.severity);
    checkSources(h.sources);
  });

  it.each(hazards)('$id: `when` uses only the allowed keys and values', (h) => {
    for (const [key, value] of Object.entries(h.when)) {
      expect(WHEN_KEYS, key).toContain(key);
      if (key === 'peerRole') expect(ROLES).toContain(value);
      else if (key === 'seclevelAtLeast')
        expect(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 5).toBe(true);
      else if (key === 'dhBitsBelow')
        expect(typeof value === 'number' && Number.isInteger(value) && value > 0).toBe(true);
      else {
        expect(isStringList(value) && value.length > 0, key).toBe(true);
        const list = value as string[];
        if (key === 'protocol') for (const v of list) expect(PROTOCOLS).toContain(v);
        if (key === 'peer') for (const v of list) expect(profileIds.has(v), v).toBe(true);
        if (key === 'ourTargets') for (const v of list) expect(TARGETS).toContain(v);
        if (key === 'kx' || key === 'au' || key === 'enc' || key === 'mac') {
          for (const v of list) expect(SPELLINGS[key].has(v), `${key}=${v}`).toBe(true);
        }
        if (key === 'encFamily') {
          for (const v of list)
            expect(
              [...SPELLINGS.enc].some((e) => e.startsWith(`${v}(`)),
              v,
            ).toBe(true);
        }
      }
    }
  });
});
