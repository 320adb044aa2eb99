import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expand, targets, type TargetName } from '../src/index.js';
import { requireLibrary } from '../src/library/registry.js';
import { opensslTable } from '../src/library/tables.js';
import { killsWithoutEffect } from '../src/lint/kill-effect.js';
import { BASKET } from '../bench/basket.js';
import { cipherString } from './helpers/vocabulary.js';
import { numRuns, seed } from './helpers/property-runs.js';

// lint skips evaluating a string again without a `!X` that killsWithoutEffect() proves changes
// nothing. Every such proof must hold: the string without the element gives the same outcome
// (accepted or not, security level, suites in order), on every OpenSSL-family target.

const OPENSSL_TARGETS = targets.filter((t) => requireLibrary(t, 'test').family === 'openssl') as TargetName[];

/** The `!X` elements proven without effect whose removal changes the outcome (none, if the proof is sound). */
function wrongProofs(input: string, target: TargetName): string[] {
  const result = expand(input, { target, trace: true });
  const t = opensslTable(requireLibrary(target, 'test'));
  const wrong: string[] = [];
  for (const e of killsWithoutEffect(t, result.trace ?? [], input)) {
    const r = expand(input.slice(0, e.span.start) + input.slice(e.span.end), { target });
    const same =
      r.ok === result.ok &&
      r.seclevel === result.seclevel &&
      r.ciphers.map((c) => c.name).join(':') === result.ciphers.map((c) => c.name).join(':');
    if (!same) wrong.push(`${target}: ${JSON.stringify(input)} without ${e.text}`);
  }
  return wrong;
}

describe('a `!X` proven to change nothing changes nothing', () => {
  it('on the basket, and proves something there', () => {
    let proven = 0;
    for (const target of OPENSSL_TARGETS) {
      for (const { input } of BASKET) {
        expect(wrongProofs(input, target)).toEqual([]);
        proven += killsWithoutEffect(
          opensslTable(requireLibrary(target, 'test')),
          expand(input, { target, trace: true }).trace ?? [],
          input,
        ).size;
      }
    }
    expect(proven).toBeGreaterThan(0);
  });

  it(`on random strings, every OpenSSL-family target (seed ${seed}, ${numRuns} runs)`, () => {
    fc.assert(
      fc.property(cipherString, fc.constantFrom(...OPENSSL_TARGETS), (input, target) => {
        expect(wrongProofs(input, target)).toEqual([]);
      }),
      { seed, numRuns },
    );
  });
});
