import { describe, expect, it } from 'vitest';
import { convertNames, diff, expand, explain, explainSuite, formatCiphers, lint, negotiate } from '../src/index.js';

// Options as JavaScript callers may pass them, with no type checker: every entry point says
// what is wrong (a TypeError naming itself and the option), never a TypeError thrown from
// inside by reading a property of null or iterating what is not a list.
const internal = /Cannot read|is not iterable|is not a function|of undefined|of null/;

function thrown(call: () => unknown): TypeError {
  try {
    call();
  } catch (e) {
    return e as TypeError;
  }
  throw new Error('expected a TypeError, got a result');
}

describe('library entry points given options of the wrong type', () => {
  for (const bad of [null, 42, 'openssl-3.0', true]) {
    it(`lint, explain and explainSuite refuse ${JSON.stringify(bad)} as options`, () => {
      for (const [name, call] of [
        ['lint', () => lint('HIGH', bad as never)],
        ['explain', () => explain('HIGH', bad as never)],
        ['explain', () => explainSuite('HIGH', 'AES128-SHA', bad as never)],
      ] as const) {
        const e = thrown(call);
        expect(e, name).toBeInstanceOf(TypeError);
        expect(e.message, name).toBe(`${name}: options must be an object`);
      }
    });
  }

  it('lint refuses an ignore that is not a list of codes', () => {
    for (const ignore of [null, 'dead-term', 42]) {
      const e = thrown(() => lint('HIGH', { ignore: ignore as never }));
      expect(e).toBeInstanceOf(TypeError);
      expect(e.message).not.toMatch(internal);
      expect(e.message).toMatch(/options\.ignore/);
    }
  });

  it('negotiate refuses a supported that is not an object, and a serverPreference that is not a boolean', () => {
    for (const supported of ['yes', 42, null]) {
      const e = thrown(() => negotiate({ local: 'HIGH', peer: 'java-17', supported: supported as never }));
      expect(e).toBeInstanceOf(TypeError);
      expect(e.message).toBe('negotiate: options.supported must be an object');
    }
    const e = thrown(() =>
      negotiate({ local: 'HIGH', peer: 'java-17', role: 'server', serverPreference: 'yes' as never }),
    );
    expect(e.message).toBe('negotiate: options.serverPreference must be a boolean');
    // What the types allow still works.
    expect(negotiate({ local: 'HIGH', peer: 'java-17', supported: { psk: false } }).ok).toBe(true);
    expect(negotiate({ local: 'HIGH', peer: 'java-17', role: 'server', serverPreference: true }).ok).toBe(true);
  });
});

describe('library entry points given arguments of the wrong type', () => {
  it('explainSuite refuses a suite that is not a string (null matched a suite without an IANA name)', () => {
    for (const suite of [null, undefined, 42]) {
      const e = thrown(() => explainSuite('HIGH', suite as never));
      expect(e).toBeInstanceOf(TypeError);
      expect(e.message).toBe('explainSuite: suite must be a suite name (a string)');
    }
  });

  it('diff refuses sides that are not { input, options }', () => {
    for (const [a, b] of [
      [null, { input: 'HIGH' }],
      ['HIGH', 'HIGH'],
      [{ input: 'HIGH' }, {}],
    ] as const) {
      const e = thrown(() => diff(a as never, b as never));
      expect(e).toBeInstanceOf(TypeError);
      expect(e.message).toMatch(/^diff: [ab](\.input)? must be/);
    }
  });

  it('formatCiphers refuses a format it does not have, and ciphers that are not a list', () => {
    const { ciphers } = expand('AES128-SHA', { ciphersuites: '' });
    // An unknown format used to print the -v text.
    expect(thrown(() => formatCiphers(ciphers, 'verbose' as never)).message).toMatch(/^formatCiphers: unknown format/);
    expect(thrown(() => formatCiphers(null as never, 'v')).message).toMatch(/^formatCiphers: ciphers must be an array/);
    expect(formatCiphers(ciphers, 'plain')).toBe('AES128-SHA\n');
  });

  it('convertNames refuses names that are not a list', () => {
    for (const names of [null, 'AES128-SHA']) {
      expect(thrown(() => convertNames(names as never)).message).toBe(
        'convertNames: names must be an array of strings',
      );
    }
  });
});
