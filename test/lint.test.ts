import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explain, explainSuite } from '../src/explain/explain.js';
import { renderExplanation, renderSuiteAnswer } from '../src/format/explain-text.js';
import { lint } from '../src/lint/lint.js';
import type { OpenSSLTargetName } from '../src/index.js';
import { loadCorpus } from './helpers/corpus.js';
import { RECORDED_TABLES } from './helpers/tables.js';

const codes = (input: string, target: OpenSSLTargetName = 'openssl-3.0') =>
  lint(input, { target, ciphersuites: target === 'openssl-1.0.2' ? undefined : '' }).diagnostics.map((d) => d.code);

// Each lint code: [code, a string where it fires, a close string where it must not, target].
const CASES: Array<[string, string, string, OpenSSLTargetName]> = [
  ['unknown-word', 'HIGH:!aes128', 'HIGH:!AES128', 'openssl-3.0'],
  ['not-in-this-release', 'HIGH:!EXPORT', 'HIGH:!eNULL', 'openssl-3.0'],
  ['unavailable-alias', 'HIGH:!RC4', 'HIGH:!aNULL', 'openssl-3.0'],
  ['default-not-first', 'HIGH:DEFAULT', 'DEFAULT:HIGH', 'openssl-3.0'],
  ['dead-term', 'HIGH:!aNULL:-aNULL', 'HIGH:-aNULL', 'openssl-3.0'],
  ['dead-term', 'HIGH:!3DES', 'HIGH:!SHA1', 'openssl-3.0'],
  ['plus-does-not-add', 'ECDHE+AESGCM:+AES256-SHA', 'ECDHE+AESGCM:AES256-SHA:+AES256-SHA', 'openssl-3.0'],
  ['duplicate-term', 'HIGH:!aNULL:HIGH', 'HIGH:!aNULL', 'openssl-3.0'],
  ['redundant-term', 'ALL:HIGH', 'ALL:eNULL', 'openssl-3.0'],
  ['strength-reorders', 'AES128-SHA:AES256-SHA:@STRENGTH', 'AES256-SHA:AES128-SHA', 'openssl-3.0'],
  ['overshoot', 'AES128', 'AES128:!PSK:!SRP:!AESCCM8:!aNULL', 'openssl-3.0'],
  ['empty-intersection', 'HIGH+FIPS:AES', 'HIGH:AES', 'openssl-3.0'],
  ['ignored-after-special', 'HIGH:@STRENGTH+AES', 'HIGH:@STRENGTH', 'openssl-3.0'],
  ['invalid-command', 'AES#', 'AES', 'openssl-3.0'],
  ['no-cipher-match', 'FOO', 'AES', 'openssl-3.0'],
];

describe('lint codes fire where they should, and only there', () => {
  for (const [code, bad, good, target] of CASES) {
    it(`${code}: ${bad} (${target})`, () => {
      expect(codes(bad, target)).toContain(code);
      if (good !== bad) expect(codes(good, target)).not.toContain(code);
    });
  }

  it('not-in-this-release names the releases that know the word', () => {
    const d = lint('HIGH:!EXPORT', { target: 'openssl-3.0' }).diagnostics.find(
      (x) => x.code === 'not-in-this-release',
    )!;
    expect(d.args.knownIn).toBe('openssl-1.0.2');
    expect(codes('HIGH:!EXPORT', 'openssl-1.0.2')).not.toContain('not-in-this-release');
  });

  it('severity follows OpenSSL: error only when the string is rejected', () => {
    for (const [, bad, , target] of CASES) {
      const r = lint(bad, { target });
      expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(!r.ok);
    }
  });

  it('--ignore leaves codes out', () => {
    expect(lint('AES128', { ignore: ['overshoot'] }).diagnostics.map((d) => d.code)).not.toContain('overshoot');
  });

  it('every code has a documentation page', () => {
    const seen = new Set(CASES.map((c) => c[0]));
    for (const code of seen)
      expect(existsSync(new URL(`../docs/diagnostics/${code}.md`, import.meta.url)), code).toBe(true);
  });
});

const CISCO =
  'ECDH+aRSA:ECDH+ECDSA:DHE+DSS+AES:AES128:AES256:!SRP:!AESGCM+DH+aRSA:!AESGCM+RSA:!aNULL:!eNULL:!DES:!3DES:!IDEA:!RC2:-IDEA:-aNULL:-EXPORT:!DHE-RSA-AES256-SHA:!DHE-RSA-AES128-CCM:!DHE-RSA-AES256-CCM:!ECDHE-ECDSA-CAMELLIA128-SHA256:!ECDHE-RSA-CAMELLIA128-SHA256:!ECDHE-ECDSA-CAMELLIA256-SHA384:!ECDHE-RSA-CAMELLIA256-SHA384:!ECDHE-ECDSA-AES128-CCM:!ECDHE-ECDSA-AES256-CCM';

describe('the Cisco SEG 15.0 string', () => {
  // Dead terms and overshoots, as the trace of each release shows them.
  it.each([
    ['openssl-1.1.1', ['!DES', '!3DES', '!IDEA', '!RC2', '-IDEA', '-aNULL', '-EXPORT']],
    ['openssl-3.0', ['!DES', '!3DES', '!IDEA', '!RC2', '-IDEA', '-aNULL', '-EXPORT']],
  ] as const)('%s: every dead term is named', (target, dead) => {
    const r = lint(CISCO, { target });
    const named = r.diagnostics
      .filter((d) => d.span && d.severity === 'warning')
      .map((d) => CISCO.slice(d.span!.start, d.span!.end));
    for (const term of dead)
      expect(
        named.some((n) => n === term || `!${n}` === term || `-${n}` === term),
        term,
      ).toBe(true);
    const over = r.diagnostics.filter((d) => d.code === 'overshoot').map((d) => d.args.term);
    expect(over).toEqual(expect.arrayContaining(['AES128', 'AES256']));
  });
});

describe('explain', () => {
  it('every suite of the result has the element that added it', () => {
    const x = explain('AES128-SHA:ECDHE+AESGCM:+AES128-SHA:@STRENGTH', { ciphersuites: '' });
    expect(x.origins.every((o) => o.addedBy >= 0)).toBe(true);
    const aes = x.origins.find((o) => o.name === 'AES128-SHA')!;
    expect(x.result.trace[aes.addedBy]!.text).toBe('AES128-SHA');
    // @STRENGTH leaves it in place (the weakest, already last), so `+AES128-SHA` moved it last.
    expect(x.result.trace[aes.lastMovedBy]!.text).toBe('+AES128-SHA');
    const gcm = x.origins.find((o) => o.name === 'ECDHE-ECDSA-AES256-GCM-SHA384')!;
    expect(x.result.trace[gcm.addedBy]!.text).toBe('ECDHE+AESGCM');
  });

  it('why a suite is absent: removed for good, deleted, never added, unavailable, TLS 1.3', () => {
    const why = (s: string, suite: string) => explainSuite(s, suite, { ciphersuites: '' }).answer;
    expect(why('HIGH:!AES128-SHA', 'AES128-SHA')).toMatchObject({ present: false, cause: 'killed', by: 1 });
    expect(why('HIGH:-AES128-SHA', 'AES128-SHA')).toMatchObject({ present: false, cause: 'deleted', by: 1 });
    expect(why('AESGCM', 'AES128-SHA')).toMatchObject({ present: false, cause: 'never-added' });
    expect(why('ALL', 'IDEA-CBC-SHA')).toMatchObject({ present: false, cause: 'unavailable' });
    expect(why('DEFAULT:ADH-AES128-SHA', 'ADH-AES128-SHA')).toMatchObject({ present: false, cause: 'killed', by: 0 });
    expect(why('ALL', 'TLS_AES_128_GCM_SHA256')).toMatchObject({ present: false, cause: 'tls13-not-configured' });
    expect(why('ALL', 'TLS_RSA_WITH_AES_128_CBC_SHA')).toMatchObject({ present: true, suite: 'AES128-SHA' });
  });

  it('renders a trace and an answer (exact text, once)', () => {
    const x = explain('AES128-SHA:FOO:!AES128-SHA', { ciphersuites: '' });
    expect(renderExplanation(x)).toBe(
      [
        'Elements, in the order OpenSSL applies them:',
        '  1  AES128-SHA   added 1 suite',
        '  2  FOO          nothing: not a suite or alias here',
        '  3  !AES128-SHA  removed 1 suite for good',
        '',
        'The call fails: no-cipher-match (no cipher match: the string selects no TLS 1.2-or-below suite)',
        '',
      ].join('\n'),
    );
    const { explanation, answer } = explainSuite('AES256-SHA:+AES256-SHA', 'AES256-SHA', { ciphersuites: '' });
    expect(renderSuiteAnswer(answer, explanation)).toBe(
      'AES256-SHA is at position 1: #1 `AES256-SHA` added it (added 1 suite), and #2 `+AES256-SHA` last moved it (moved 1 suite to the end).\n',
    );
  });
});

describe('lint and explain run on every curated corpus string of every target', () => {
  it('boringssl (lint: its own diagnostics; no trace, so no explain)', () => {
    const curated = loadCorpus('corpus-boringssl.jsonl').filter((r) => r.source === 'curated' && !r.input_hex);
    for (const row of curated) {
      const l = lint(row.input, { target: 'boringssl' });
      expect(l.diagnostics.some((d) => d.severity === 'error')).toBe(!l.ok);
    }
    expect(() => explain('HIGH', { target: 'boringssl' })).toThrow(TypeError);
  });

  const curated = loadCorpus('corpus-3.0.20.jsonl').filter((r) => r.source === 'curated' && !r.input_hex);
  for (const [target] of RECORDED_TABLES) {
    it(`${target} (${curated.length} strings)`, () => {
      for (const row of curated) {
        const l = lint(row.input, { target });
        expect(Array.isArray(l.diagnostics)).toBe(true);
        const x = explain(row.input, { target });
        expect(typeof renderExplanation(x)).toBe('string');
      }
    });
  }
});
