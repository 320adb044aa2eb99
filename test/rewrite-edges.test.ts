// minimize and fix at their edges: long strings bounded in time, what a shortening reports, a late DEFAULT+X.
import { describe, expect, it } from 'vitest';
import { expand } from '../src/index.js';
import { fix, minimize } from '../src/write/index.js';

const words = ['HIGH', '!aNULL', '-MD5', 'AES128-SHA', '+RSA', '!RC4', 'ECDHE+AESGCM', 'FOO'];
const long = (n: number) => Array.from({ length: n }, (_, i) => words[i % words.length]).join(':');
const listOf = (s: string, target: 'openssl-3.0' | 'boringssl-2026') =>
  expand(s, { target }).ciphers.map((c) => c.name);

describe('a long string is bounded in time, not only in evaluations', () => {
  // 5,000 elements (34 KB): before, minimize spent its 20,000 evaluations of the whole string
  // (about 2 minutes) and fix looked up each finding's element with a linear scan (quadratic).
  const input = long(5000);
  const targets = ['openssl-3.0', 'boringssl-2026'] as const;

  it('minimize stops within its budget, counting a long candidate as more than one evaluation', () => {
    const t0 = Date.now();
    const m = minimize(input, { targets: [...targets] });
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.evaluations).toBeLessThanOrEqual(20_000);
    expect(m.notes.join(' ')).toMatch(/stopped after/);
    expect(m.string.length).toBeLessThanOrEqual(input.length);
    for (const t of targets) expect(listOf(m.string, t)).toEqual(listOf(input, t));
  }, 60_000);

  it('fix stops within its budget and says so, the lists unchanged', () => {
    const t0 = Date.now();
    const f = fix(input, { targets: [...targets], security: 'none' });
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(f.ok).toBe(true);
    expect(f.notes.join(' ')).toMatch(/stopped: the evaluations fix may spend are spent/);
    for (const t of targets) expect(listOf(f.string, t)).toEqual(listOf(input, t));
  }, 60_000);

  it('a short string is not affected: the Cisco-sized budget counts one per candidate', () => {
    const m = minimize('HIGH:!aNULL:!aNULL:-aNULL', { targets: ['openssl-3.0'] });
    expect(m.ok && m.evaluations).toBeLessThan(40);
  });
});

describe('minimize reports each shortening as the text that was at its span', () => {
  it('a merge of `!` names around a kept element, or with `,` separators, says the real text', () => {
    const camellia = [
      'ECDHE-ECDSA-CAMELLIA128-SHA256',
      'ECDHE-RSA-CAMELLIA128-SHA256',
      'ECDHE-ECDSA-CAMELLIA256-SHA384',
      'ECDHE-RSA-CAMELLIA256-SHA384',
      'DHE-RSA-CAMELLIA256-SHA256',
      'DHE-DSS-CAMELLIA256-SHA256',
      'DHE-RSA-CAMELLIA128-SHA256',
      'DHE-DSS-CAMELLIA128-SHA256',
      'CAMELLIA256-SHA256',
      'CAMELLIA128-SHA256',
      'DHE-RSA-CAMELLIA256-SHA',
      'DHE-DSS-CAMELLIA256-SHA',
      'DHE-RSA-CAMELLIA128-SHA',
      'DHE-DSS-CAMELLIA128-SHA',
      'CAMELLIA256-SHA',
      'CAMELLIA128-SHA',
      'PSK-CAMELLIA256-SHA384',
      'PSK-CAMELLIA128-SHA256',
      'DHE-PSK-CAMELLIA256-SHA384',
      'DHE-PSK-CAMELLIA128-SHA256',
      'RSA-PSK-CAMELLIA256-SHA384',
      'RSA-PSK-CAMELLIA128-SHA256',
      'ECDHE-PSK-CAMELLIA256-SHA384',
      'ECDHE-PSK-CAMELLIA128-SHA256',
    ].map((n) => `!${n}`);
    // Around a kept `!aNULL`: before, the span ran over it and `from` left it out.
    const around = ['ALL', camellia[0], '!aNULL', ...camellia.slice(1)].join(':');
    const m = minimize(around, { targets: ['openssl-3.0'] });
    expect(m.ok && m.shortened.length).toBeGreaterThan(0);
    if (!m.ok) return;
    for (const s of m.shortened) expect(around.slice(s.span.start, s.span.end)).toBe(s.from);
    // With `,` separators: before, `from` joined the names with `:`.
    const commas = ['ALL', ...camellia].join(',');
    const c = minimize(commas, { targets: ['openssl-3.0'] });
    expect(c.ok && c.shortened.length).toBeGreaterThan(0);
    if (!c.ok) return;
    for (const s of c.shortened) expect(s.from).not.toContain(':');
  });
});

describe('fix moves the whole late DEFAULT element', () => {
  it('`!aNULL:DEFAULT+kRSA` becomes `DEFAULT+kRSA:...`, not `DEFAULT` without the move the user wrote', () => {
    const f = fix('!aNULL:DEFAULT+kRSA', { targets: ['openssl-3.0', 'openssl-1.1.1'], security: 'none' });
    expect(f.ok).toBe(true);
    // Before: `DEFAULT`, with `+kRSA` gone and no change saying so.
    expect(f.string.startsWith('DEFAULT+kRSA')).toBe(true);
    const kRSA = expand('DEFAULT:+kRSA', { target: 'openssl-3.0' }).ciphers.map((c) => c.name);
    expect(expand(f.string, { target: 'openssl-3.0' }).ciphers.map((c) => c.name)).toEqual(kRSA);
  });
});
