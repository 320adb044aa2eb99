import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as peggyParse } from '../src/parser/cipher-string.js';
import { parseCipherString, type CipherStringSyntax } from '../src/family/openssl/parse.js';
import { BASKET } from '../bench/basket.js';
import { loadCorpus } from './helpers/corpus.js';
import { numRuns, seed } from './helpers/property-runs.js';

// grammar/cipher-string.peggy defines the syntax; parseCipherString reads most segments by a
// fast path (src/family/openssl/simple-segment.ts) and the others by the grammar. Whatever the
// path, it must give what the grammar's CipherString rule gives: the same nodes with the same
// fields in the same order (compared as JSON), and the same visitor calls, stopping included.

const STOP = Symbol('stop');

/** The grammar alone: the parse without a visitor, the streamed parse, the visitor's calls. */
function byGrammar(input: string, syntax: CipherStringSyntax, stopAfter: number): string {
  const options = {
    extraNameChars: syntax.extraNameChars,
    caseInsensitive: syntax.caseInsensitiveWords,
    suiteBPrefixes: syntax.suiteBPrefixes,
  };
  const plain = peggyParse(input, options);
  const calls: unknown[] = [];
  let streamed: unknown;
  try {
    streamed = peggyParse(input, { ...options, visitor: recorder(calls, stopAfter), stop: STOP });
  } catch (e) {
    if (e !== STOP) throw e;
    streamed = { suiteB: null, defaultPrefix: null, segments: [] };
  }
  return JSON.stringify([plain, streamed, calls]);
}

/** The same through parseCipherString (fast path and grammar together). */
function byLibrary(input: string, syntax: CipherStringSyntax, stopAfter: number): string {
  const calls: unknown[] = [];
  const plain = parseCipherString(input, syntax);
  const streamed = parseCipherString(input, syntax, recorder(calls, stopAfter));
  return JSON.stringify([plain, streamed, calls]);
}

function recorder(calls: unknown[], stopAfter: number) {
  return {
    defaultPrefix: (node: unknown) => void calls.push(['default', node]),
    segment: (node: unknown) => calls.push(['segment', node]) <= stopAfter,
  };
}

// The name characters and prefix rules of every release: 1.0.2 (no `=`), 1.1.0-3.1 (`=`),
// 3.2+ (`=_`), 4.0 (any case), LibreSSL (no Suite B prefix).
const SYNTAXES: CipherStringSyntax[] = [
  { extraNameChars: '', caseInsensitiveWords: false },
  { extraNameChars: '=', caseInsensitiveWords: false },
  { extraNameChars: '=_', caseInsensitiveWords: false },
  { extraNameChars: '=_', caseInsensitiveWords: true },
  { extraNameChars: '=_', caseInsensitiveWords: false, suiteBPrefixes: false },
];

// Pieces that reach every branch of both paths: prefixes in any case, operators where a term
// starts and inside names, `+` with and without a word after it, separators, name characters of
// some releases only, bytes that are none of these (NUL, tab, non-ASCII, a lone surrogate).
const PIECES = [
  ...'AESDFULTIBCHGMNdsa0128=_.-+!@:;, *#|\0\t\né\u0130\ud800',
  'DEFAULT',
  'default',
  'SUITEB128',
  'suiteb192',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'TLS_AES_128_GCM_SHA256',
  '@STRENGTH',
  '@SECLEVEL=2',
  'kRSA+aRSA',
  '!aNULL',
  '-3DES',
  '+AES256',
];

describe('the fast path reads every string as the grammar does', () => {
  it('on the basket and every corpus string, for each release syntax', () => {
    const inputs = new Set(BASKET.map((b) => b.input));
    for (const file of ['corpus-1.0.2u.jsonl', 'corpus-3.5.7.jsonl', 'corpus-4.0.2.jsonl']) {
      for (const row of loadCorpus(file)) inputs.add(row.input);
    }
    for (const syntax of SYNTAXES) {
      for (const input of inputs)
        expect(byLibrary(input, syntax, Infinity), input).toBe(byGrammar(input, syntax, Infinity));
    }
  });

  it(`on random strings, stopping after any segment (seed ${seed}, ${numRuns} runs)`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }),
        fc.constantFrom(...SYNTAXES),
        fc.nat(6),
        (pieces, syntax, stopAfter) => {
          const input = pieces.join('');
          expect(byLibrary(input, syntax, stopAfter)).toBe(byGrammar(input, syntax, stopAfter));
        },
      ),
      { seed, numRuns },
    );
  });
});
