import { describe, expect, it } from 'vitest';
import { closest } from '../src/core/closest.js';
import { expand, explainSuite } from '../src/index.js';

const WORDS = ['aNULL', 'eNULL', 'SHA256', 'SHA384', 'SHA1', 'AES128', 'AES256', 'HIGH', 'expand', 'explain', 'lint'];

describe('closest: the word a typo most likely meant', () => {
  // Each row: what was typed, what "did you mean" offers (undefined: nothing close enough or a tie).
  const CASES: Array<[string, string | undefined]> = [
    ['aNUL', 'aNULL'], // one letter missing
    ['SHA265', 'SHA256'], // two neighbours swapped count as one edit
    ['expnad', 'expand'],
    ['anull', 'aNULL'], // case only beats any edit (eNULL is one edit away ignoring case)
    ['aes128', 'AES128'],
    ['SHA', 'SHA1'], // one letter missing; SHA256 and SHA384 are farther
    ['HIHG', 'HIGH'],
    ['ZZZZZZ', undefined], // nothing close
    ['AES', undefined], // three letters: one edit allowed, none is that close
    ['SHA2', undefined], // a digit for a digit counts 2: SHA1 is no typo of SHA2
    ['AES129', 'AES128'],
    ['SHA2566', 'SHA256'],
    ['lnit', 'lint'],
  ];
  it.each(CASES)('%s → %s', (typed, meant) => {
    expect(closest(typed, WORDS)).toBe(meant);
  });
});

describe('did you mean, for words of a string and suites given to explain', () => {
  // Proves the evaluators suggest by edit distance, not only by case, on both families.
  it.each([
    ['aNUL:HIGH', 'openssl-3.0', 'aNULL'],
    ['SHA265:HIGH', 'openssl-3.0', 'SHA256'],
    ['aes128:HIGH', 'openssl-3.0', 'AES128'],
    ['ECDHE-RSA-AES128-GCM-SHA265:ALL', 'boringssl', 'ECDHE-RSA-AES128-GCM-SHA256'],
  ] as const)('%s on %s → %s', (input, target, meant) => {
    const d = expand(input, { target }).diagnostics.find((x) => x.code === 'unknown-word')!;
    expect(d.message).toContain(`did you mean \`${meant}\`?`);
  });
  // Proves a string of many unknown words is not slowed by the search: only listed diagnostics
  // get a suggestion (the others are counted in too-many-diagnostics).
  it('only the listed diagnostics look for a suggestion', () => {
    const r = expand(Array.from({ length: 300 }, (_, i) => `aNUL${i}`).join(':') + ':HIGH');
    expect(r.diagnostics.length).toBe(101);
  });
  // Proves explainSuite offers the closest suite name of the target.
  it('explain a mistyped suite', () => {
    expect(explainSuite('HIGH', 'AES128-SHAA').answer).toMatchObject({
      cause: 'not-a-suite',
      suggestion: 'AES128-SHA',
    });
  });
});
