import { describe, expect, it } from 'vitest';
import { AnswerCache, NumberedText, numberedPieces } from '../src/cli/batch-cache.js';
import { renderProblem } from '../src/format/diagnostic-text.js';
import { lint } from '../src/lint/lint.js';
import { cliSources } from '../src/cli/sources.js';
import { cipherx } from './helpers/cli.js';

// --batch answers a repeated line from memory and fills in the line's number: the filled-in text
// must be what rendering anew gives, for every number.

describe('numberedPieces: a text that shows a line number, as a template', () => {
  // Each row: a renderer, and what it proves.
  const CASES: Array<[string, (n: number) => string]> = [
    // the number twice, padded to its own width, as the diagnostics print it
    ['gutter and place', (n) => ` --> <stdin>:${n}:8\n${' '.repeat(String(n).length)} |\n${n} | AES128:FOO\n`],
    // digits right beside the number stay as they are
    ['digits around it', (n) => `7${n}7:${n}0`],
    // no number at all
    ['no number', () => 'same text\n'],
    // a text that depends on the number otherwise: rendered anew each time
    ['other dependence', (n) => `${n * 2}`],
    // a length that changes within one width: rendered anew each time
    ['other length', (n) => (n % 2 ? 'odd' : 'even') + n],
  ];
  it.each(CASES)('%s', (_, render) => {
    for (const n of [1, 5, 9, 10, 42, 99, 100, 123, 999, 1000, 65535, 1_000_000]) {
      const pieces = numberedPieces(render, String(n).length);
      if (pieces) expect(pieces.join(String(n))).toBe(render(n));
      expect(written(new NumberedText(render), n)).toBe(render(n));
    }
  });
  it('a lint report of a line, at any line number', () => {
    const input = 'AES128:FOO:!aNULL:!aNULL';
    const r = lint(input, { target: 'openssl-3.0' });
    const render = (n: number) => r.diagnostics.map((d) => renderProblem(d, cliSources(input, undefined, n))).join('');
    const text = new NumberedText(render);
    for (const n of [1, 9, 10, 99, 100, 12345]) expect(written(text, n)).toBe(render(n));
  });
});

/** What NumberedText writes for line `n`, as text. */
function written(text: NumberedText, n: number): string {
  const pieces: Array<string | Uint8Array> = [];
  text.writeTo({ add: (p) => pieces.push(p) }, n);
  return pieces.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString())).join('');
}

describe('AnswerCache', () => {
  it('makes an answer once per key, and again once the key was dropped', () => {
    const cache = new AnswerCache<string>();
    let made = 0;
    const make = (k: string) => () => ({ value: `${k}!${++made}`, size: 1 });
    expect(cache.get('a', make('a'))).toBe('a!1');
    expect(cache.get('a', make('a'))).toBe('a!1');
    expect(cache.get('b', make('b'))).toBe('b!2');
    expect(made).toBe(2);
    // A line too long to keep is answered every time.
    const long = 'x'.repeat(1 << 17);
    cache.get(long, make('long'));
    cache.get(long, make('long'));
    expect(made).toBe(4);
  });
});

describe('--batch answers a repeated line with its own line number', () => {
  // Proves that lint --batch and expand --batch print each copy of a line at its own place, across
  // the widths of the line number (9 → 10, 99 → 100).
  const input = 'AES128:FOO\n'.repeat(101);
  it('lint --batch', () => {
    const blocks = cipherx(['lint', '--batch', '--ciphersuites', ''], input).stdout.replace(/\n$/, '').split('\n\n');
    expect(blocks).toHaveLength(101);
    // Each block as it would be at line 1: the places and gutters without their number.
    const unnumbered = (b: string) =>
      b
        .replace(/<stdin>:\d+:/g, '<stdin>:N:')
        .replace(/^\d+ \|/gm, 'N |')
        .replace(/^ +(\||-->)/gm, '$1');
    for (const n of [1, 9, 10, 99, 100, 101]) {
      const pad = ' '.repeat(String(n).length - 1);
      expect(blocks[n - 1]).toContain(`${pad} --> <stdin>:${n}:8\n${pad}  |\n${n} | AES128:FOO\n`);
      expect(unnumbered(blocks[n - 1]!)).toBe(unnumbered(blocks[0]!));
    }
  });
  it('expand --batch', () => {
    const r = cipherx(['expand', '--batch', '--ciphersuites', ''], input);
    expect(r.stdout).toBe(cipherx(['expand', '--ciphersuites', '', 'AES128:FOO']).stdout.repeat(101));
    for (const n of [1, 9, 10, 99, 100, 101]) {
      expect(r.stderr).toContain(`${' '.repeat(String(n).length - 1)} --> <stdin>:${n}:8\n`);
      expect(r.stderr).toContain(`\n${n} | AES128:FOO\n`);
    }
  });
});

describe('lint reads the other releases’ tables when a string first needs them', () => {
  // Proves that a word unknown here but known to another release is reported as such on a later
  // line, after lines that needed no other table (lint-command.ts tablesOnDemand).
  it('lint --batch', () => {
    const blocks = cipherx(['lint', '--batch', '--ciphersuites', ''], 'HIGH\nHIGH:EXPORT\n').stdout.split('\n\n');
    expect(blocks[0]).not.toContain('EXPORT');
    expect(blocks[1]).toContain('warning[not-in-this-release]: `EXPORT` exists in openssl-1.0.2');
  });
});
