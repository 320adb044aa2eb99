import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expand, targets as ALL_TARGETS, type TargetName } from '../src/index.js';
import { minimize } from '../src/write/index.js';
import { BASKET } from '../bench/basket.js';
import { numRuns, seed } from './helpers/property-runs.js';
import { cipherString } from './helpers/vocabulary.js';

/** What a target makes of a string, evaluated here without the proof module: outcome, names, groups, level. */
function listOn(input: string, target: TargetName, ciphersuites?: string) {
  const r = expand(input, ciphersuites === undefined ? { target } : { target, ciphersuites });
  return {
    ok: r.ok,
    names: r.ciphers.map((c) => c.name),
    groups: r.ciphers.map((c) => c.inGroupWithNext === true),
    seclevel: r.seclevel,
  };
}

/** The number of elements a target reads. */
function elements(input: string, target: TargetName): number {
  return expand(input, { target, trace: true }).trace!.length;
}

const CISCO = BASKET[0]!.input;
const THREE: TargetName[] = ['openssl-1.0.2', 'openssl-1.1.1', 'openssl-3.0'];

// Each case: a name, the string, the targets, and the string minimize must write.
const CASES: Array<[string, string, TargetName[], string]> = [
  // Elements that do nothing on every target go: a repeat, a - of what ! removed, a word of no suite.
  ['dead terms', 'AES128-SHA:AES256-SHA:AES128-SHA:!aNULL:-aNULL:!RC4', ['openssl-3.0'], 'AES128-SHA:AES256-SHA'],
  // An unknown word (and the junk OpenSSL skips with it) goes.
  ['unknown words', 'AES128-SHA:FOO:AES256-SHA:XYZ#', ['openssl-3.0'], 'AES128-SHA:AES256-SHA'],
  // !3DES does nothing on 3.0 (no 3DES suite), but on 1.0.2 it keeps DES-CBC3-SHA out: kept.
  ['dead on one target, live on another', 'ALL:!3DES', ['openssl-1.0.2', 'openssl-3.0'], 'ALL:!3DES'],
  // The same string for 3.0 alone loses it.
  ['dead on the only target', 'ALL:!3DES', ['openssl-3.0'], 'ALL'],
  // The user's separators stay; a run of them becomes its first character.
  ['separators kept', 'AES128-SHA  AES256-SHA, FOO', ['openssl-3.0'], 'AES128-SHA AES256-SHA'],
  // `!` exclusions merged into one word that removes the same from the list.
  [
    'exclusions merged',
    'ECDHE+AESGCM:ECDHE+CAMELLIA:!ECDHE-RSA-CAMELLIA128-SHA256:!ECDHE-ECDSA-CAMELLIA128-SHA256:!ECDHE-RSA-CAMELLIA256-SHA384:!ECDHE-ECDSA-CAMELLIA256-SHA384',
    ['openssl-3.0'],
    'ECDHE+AESGCM',
  ],
  // A BoringSSL equal-preference group is one element; the unknown word after it goes.
  ['BoringSSL group', '[AES128-SHA|AES256-SHA]:FOO', ['boringssl'], '[AES128-SHA|AES256-SHA]'],
];

describe('minimize', () => {
  it.each(CASES)('%s', (_, input, targets, want) => {
    const r = minimize(input, { targets });
    expect(r.ok).toBe(true);
    expect(r.string).toBe(want);
    for (const t of targets) expect(listOn(r.string, t)).toEqual(listOn(input, t));
  });

  // The Cisco SEG string on 1.0.2, 1.1.1 and 3.0: much shorter, the same three lists.
  it('the Cisco SEG string on openssl-1.0.2, 1.1.1 and 3.0', () => {
    const r = minimize(CISCO, { targets: THREE });
    if (!r.ok) throw new Error('the Cisco string is accepted on all three');
    for (const t of THREE) expect(listOn(r.string, t)).toEqual(listOn(CISCO, t));
    console.log(
      `minimize Cisco SEG: ${CISCO.length} -> ${r.string.length} characters, ${elements(CISCO, 'openssl-3.0')} -> ${elements(r.string, 'openssl-3.0')} elements: ${r.string}`,
    );
    expect(r.string.length).toBeLessThan(CISCO.length * 0.6);
    // Every removal and replacement names the text it took from the input.
    for (const x of r.removed) expect(CISCO.slice(x.span.start, x.span.end)).toBe(x.text);
    for (const x of r.shortened) expect(x.to.length).toBeLessThan(x.from.length);
  });

  // A string a target rejects has no list to keep: it is returned as it is.
  it('refuses a string a target rejects', () => {
    const r = minimize('FOO:AES128-SHA', { targets: ['openssl-3.0', 'boringssl'], ciphersuites: '' });
    expect(r).toMatchObject({ ok: true });
    const rejected = minimize('FOO', { targets: ['openssl-3.0'] });
    expect(rejected).toMatchObject({ ok: false, string: 'FOO', rejectedBy: ['openssl-3.0'] });
  });

  // The budget stops the search; what was proven so far is returned, and said.
  it('stops at maxEvaluations and says so', () => {
    const r = minimize(CISCO, { targets: THREE, maxEvaluations: 30 });
    expect(r.ok && r.evaluations).toBeLessThanOrEqual(30);
    expect(r.notes.join()).toMatch(/stopped after/);
    for (const t of THREE) expect(listOn(r.string, t)).toEqual(listOn(CISCO, t));
  });

  it('checks its options', () => {
    expect(() => minimize('ALL', { targets: [] })).toThrow(TypeError);
    expect(() => minimize('ALL', { targets: ['openssl-9' as TargetName] })).toThrow();
    expect(() => minimize('ALL', { targets: ['openssl-3.0'], maxEvaluations: -1 })).toThrow(TypeError);
  });
});

describe('minimize, property', () => {
  const targetSet = fc.subarray([...ALL_TARGETS], { minLength: 1, maxLength: 3 });
  it(`gives the same list on every target and is never longer (seed ${seed})`, () => {
    console.log(`minimize: FC_SEED=${seed} FC_NUM_RUNS=${numRuns}`);
    fc.assert(
      fc.property(cipherString, targetSet, (input, targets) => {
        const r = minimize(input, { targets });
        expect(r.string.length).toBeLessThanOrEqual(input.length);
        if (!r.ok) {
          expect(r.string).toBe(input);
          return;
        }
        for (const t of targets) expect(listOn(r.string, t), `${t}: ${r.string}`).toEqual(listOn(input, t));
      }),
      { seed, numRuns },
    );
  });
});
