import { describe, expect, it } from 'vitest';
import { closest } from '../src/core/closest.js';

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
