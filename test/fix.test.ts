import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expand, lint, targets as ALL_TARGETS, type TargetName } from '../src/index.js';
import { fix, type FixOptions } from '../src/write/index.js';
import { securityRules } from '../src/lint/security.js';
import { BASKET } from '../bench/basket.js';
import { numRuns, seed } from './helpers/property-runs.js';
import { cipherString } from './helpers/vocabulary.js';

const names = (input: string, target: TargetName) => expand(input, { target }).ciphers.map((c) => c.name);

// Each case: a name, the string, the targets, the options, the string fix must write and the codes of its changes.
const CASES: Array<[string, string, TargetName[], Partial<FixOptions>, string, string[]]> = [
  // Dead elements go (`!RC4`: 3.0 has no RC4; `!aNULL`: no suite of the list is anonymous); the list stays the same.
  [
    'dead terms',
    'AES128-SHA:AES256-SHA:!aNULL:-aNULL:!RC4',
    ['openssl-3.0'],
    { security: 'none' },
    'AES128-SHA:AES256-SHA',
    ['unavailable-alias', 'dead-term', 'dead-term'],
  ],
  // An unknown word goes.
  [
    'unknown word',
    'AES128-SHA:FOO:AES256-SHA',
    ['openssl-3.0'],
    { security: 'none' },
    'AES128-SHA:AES256-SHA',
    ['unknown-word'],
  ],
  // !3DES is dead on 3.0 but keeps DES-CBC3-SHA out on 1.0.2: kept (and said in a note).
  [
    'dead on one target, live on another',
    'ALL:!3DES',
    ['openssl-1.0.2', 'openssl-3.0'],
    { security: 'none' },
    'ALL:!3DES',
    [],
  ],
  // DEFAULT after exclusions only expands first: moved there.
  [
    'DEFAULT not first',
    '!AES128-SHA:DEFAULT',
    ['openssl-3.0'],
    { security: 'none' },
    'DEFAULT:!AES128-SHA',
    ['default-not-first'],
  ],
  // DEFAULT after elements that add: moving it would reorder them; left, with a note.
  ['DEFAULT after additions', 'AES128-SHA:DEFAULT', ['openssl-3.0'], { security: 'none' }, 'AES128-SHA:DEFAULT', []],
  // 3DES flagged on 1.0.2: the exclusion lint writes is added, and removes only DES-CBC3-SHA.
  [
    'security exclusion added',
    'AES128-SHA:DES-CBC3-SHA',
    ['openssl-1.0.2'],
    { security: 'weak' },
    'AES128-SHA:DES-CBC3-SHA:!3DES',
    ['3des'],
  ],
  // By default only what the sources say must not be used: 3DES is weak, RC4 insecure.
  [
    'insecure only, by default',
    'AES128-SHA:DES-CBC3-SHA:RC4-SHA',
    ['openssl-1.0.2'],
    {},
    'AES128-SHA:DES-CBC3-SHA:RC4-SHA:!RC4',
    ['rc4'],
  ],
  // The user's separator is used for what is added.
  [
    'separator kept',
    'AES128-SHA DES-CBC3-SHA',
    ['openssl-1.0.2'],
    { security: 'weak' },
    'AES128-SHA DES-CBC3-SHA !3DES',
    ['3des'],
  ],
];

describe('fix', () => {
  it.each(CASES)('%s', (_, input, targets, options, want, codes) => {
    const r = fix(input, { targets, ...options });
    expect(r.ok).toBe(true);
    expect(r.string).toBe(want);
    expect(r.changes.map((c) => c.code)).toEqual(codes);
    for (const [i, t] of targets.entries()) {
      expect(r.lists[i]!.before.ciphers).toEqual(names(input, t));
      expect(r.lists[i]!.after.ciphers).toEqual(names(r.string, t));
    }
  });

  it('says what each change did to each list', () => {
    const r = fix('AES128-SHA:DES-CBC3-SHA', { targets: ['openssl-1.0.2'], security: 'weak' });
    expect(r.changes[0]!.effects).toEqual([
      { target: 'openssl-1.0.2', removed: ['DES-CBC3-SHA'], added: [], reordered: false },
    ]);
    const kept = fix('ALL:!3DES', { targets: ['openssl-1.0.2', 'openssl-3.0'], security: 'none' });
    expect(kept.notes.join()).toMatch(
      /kept `!3DES`: dead-term on openssl-3.0, but without it the list changes on openssl-1.0.2/,
    );
  });

  // A string rejected only because DEFAULT comes late is fixed by moving it.
  it('moves DEFAULT in a string rejected for it, and refuses other rejected strings', () => {
    const r = fix('!RC4:DEFAULT', { targets: ['openssl-3.0'], security: 'none' });
    expect(r).toMatchObject({ ok: true, string: 'DEFAULT' });
    expect(fix('FOO', { targets: ['openssl-3.0'] })).toMatchObject({
      ok: false,
      string: 'FOO',
      rejectedBy: ['openssl-3.0'],
    });
  });

  it('the Cisco SEG string on openssl-1.0.2, 1.1.1 and 3.0', () => {
    const targets: TargetName[] = ['openssl-1.0.2', 'openssl-1.1.1', 'openssl-3.0'];
    const r = fix(BASKET[0]!.input, { targets, security: 'none' });
    // Only elements dead on every target went: the lists are the same.
    for (const l of r.lists) expect(l.after.ciphers).toEqual(l.before.ciphers);
    expect(r.changes.length).toBeGreaterThan(5);
  });
});

/** The suites the chosen security findings flag on a target, and the words lint would fix. */
function flagged(input: string, target: TargetName): Set<string> {
  const codes = new Set<string>([
    ...securityRules.filter((r) => r.severity === 'warning').map((r) => r.code),
    'overshoot',
  ]);
  const l = lint(input, { target, maxDiagnostics: Infinity });
  return new Set(
    l.diagnostics
      .filter((d) => codes.has(d.code) && typeof d.args.suites === 'string')
      .flatMap((d) => String(d.args.suites).split(',')),
  );
}

describe('fix, property', () => {
  const targetSet = fc.subarray([...ALL_TARGETS], { minLength: 1, maxLength: 3 });
  it(`changes the lists only by flagged suites, and a second fix changes nothing (seed ${seed})`, () => {
    console.log(`fix: FC_SEED=${seed} FC_NUM_RUNS=${numRuns}`);
    fc.assert(
      fc.property(cipherString, targetSet, (input, targets) => {
        const r = fix(input, { targets });
        if (!r.ok) {
          expect(r.string).toBe(input);
          return;
        }
        const moved = r.changes.some((c) => c.code === 'default-not-first');
        for (const [i, t] of targets.entries()) {
          const before = expand(input, { target: t });
          const after = names(r.string, t);
          expect(r.lists[i]!.after.ciphers).toEqual(after);
          if (moved) continue;
          // Without a DEFAULT move, the list after is the list before less suites security findings flag.
          const bad = flagged(input, t);
          const gone = new Set(before.ciphers.map((c) => c.name).filter((n) => !after.includes(n)));
          expect(after, `${t}: ${input} -> ${r.string}`).toEqual(
            before.ciphers.map((c) => c.name).filter((n) => !gone.has(n)),
          );
          for (const n of gone) expect(bad.has(n), `${t}: ${n} removed by ${r.string}`).toBe(true);
        }
        // What fix leaves, fix leaves as it is.
        const again = fix(r.string, { targets });
        expect(again.changes, `${input} -> ${r.string}`).toEqual([]);
      }),
      { seed, numRuns },
    );
  });
});
