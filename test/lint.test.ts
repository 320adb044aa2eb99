import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explain, explainSuite } from '../src/explain/explain.js';
import { renderExplanation, renderSuiteAnswer } from '../src/format/explain-text.js';
import { lint } from '../src/lint/lint.js';
import { expand, type TargetName } from '../src/index.js';
import { loadCorpus } from './helpers/corpus.js';
import { RECORDED_TABLES } from './helpers/tables.js';

const codes = (input: string, target: TargetName = 'openssl-3.0', strict?: boolean) =>
  lint(input, {
    target,
    ...(target === 'openssl-1.0.2' || target === 'boringssl' ? {} : { ciphersuites: '' }),
    ...(strict ? { strict } : {}),
  }).diagnostics.map((d) => d.code);

// Each lint code: [code, a string where it fires, a close string where it must not, target, strict?].
const CASES: Array<[string, string, string, TargetName, boolean?]> = [
  ['unknown-word', 'HIGH:!aes128', 'HIGH:!AES128', 'openssl-3.0'],
  ['not-in-this-release', 'HIGH:!EXPORT', 'HIGH:!eNULL', 'openssl-3.0'],
  ['case-insensitive-match', 'HIGH:!aes128', 'HIGH:!AES128', 'openssl-4.0'],
  ['case-insensitive-match', 'HIGH:!aes128', 'HIGH:!AES128', 'openssl-3.5'],
  ['case-insensitive-match', 'ALL:@strength', 'ALL:@STRENGTH', 'openssl-3.5'],
  ['case-insensitive-match', 'default:!kECDHe', 'DEFAULT:!kECDHE', 'openssl-4.0'],
  ['removed-alias', 'HIGH:!FIPS', 'HIGH:!aNULL', 'openssl-4.0'],
  ['removed-alias', 'HIGH:!SSLv3', 'HIGH:!aNULL', 'openssl-3.5'],
  ['unavailable-alias', 'HIGH:!RC4', 'HIGH:!aNULL', 'openssl-3.0'],
  ['default-not-first', 'HIGH:DEFAULT', 'DEFAULT:HIGH', 'openssl-3.0'],
  ['dead-term', 'HIGH:!aNULL:-aNULL', 'HIGH:-aNULL', 'openssl-3.0'],
  ['dead-term', 'HIGH:!3DES', 'HIGH:!SHA1', 'openssl-3.0'],
  // `RSA` is kRSA only: the RSA-PSK GCM suites stay unless they are named too.
  ['psk-variant-kept', 'AES128:!AESGCM+RSA', 'AES128:!AESGCM+RSA:!AESGCM+kRSAPSK', 'openssl-3.0'],
  ['psk-variant-kept', 'ALL:-ECDH+AES256', 'ALL:-ECDH+AES256:!PSK', 'openssl-1.1.1'],
  // A `!X` before anything is in the list is dead only if no later element would add its suites.
  ['dead-term', '!CAMELLIA:AES128-SHA', '!aNULL:ALL', 'openssl-3.0'],
  ['plus-does-not-add', 'ECDHE+AESGCM:+AES256-SHA', 'ECDHE+AESGCM:AES256-SHA:+AES256-SHA', 'openssl-3.0'],
  ['duplicate-term', 'HIGH:!aNULL:HIGH', 'HIGH:!aNULL', 'openssl-3.0'],
  ['redundant-term', 'ALL:HIGH', 'ALL:eNULL', 'openssl-3.0'],
  ['strength-reorders', 'AES128-SHA:AES256-SHA:@STRENGTH', 'AES256-SHA:AES128-SHA', 'openssl-3.0'],
  ['overshoot', 'AES128', 'AES128:!PSK:!SRP:!AESCCM8:!aNULL', 'openssl-3.0'],
  ['empty-intersection', 'HIGH+FIPS:AES', 'HIGH:AES', 'openssl-3.0'],
  ['ignored-after-special', 'HIGH:@STRENGTH+AES', 'HIGH:@STRENGTH', 'openssl-3.0'],
  ['invalid-command', 'AES#', 'AES', 'openssl-3.0'],
  ['no-cipher-match', 'FOO', 'AES', 'openssl-3.0'],
  // BoringSSL: the element checks on its own trace.
  // A term after `!X` whose suites `!X` removed for good.
  ['dead-term', 'ALL:!kRSA:-kRSA', 'ALL:-kRSA', 'boringssl'],
  // BoringSSL's own refusals: an operator inside a group, `@` after a group.
  ['unexpected-operator-in-group', '[AES128-SHA|!AES256-SHA]', '[AES128-SHA|AES256-SHA]', 'boringssl'],
  [
    'mixed-special-operator-with-groups',
    '[AES128-SHA|AES256-SHA]:@STRENGTH',
    'AES128-SHA:AES256-SHA:@STRENGTH',
    'boringssl',
  ],
  // SHA256 is an alias that matches no suite.
  ['dead-term', 'ALL:!SHA256', 'ALL:!SHA1', 'boringssl'],
  // A group item whose suite an earlier `!` removed (the `!` itself is not dead: it shadows the item).
  ['dead-term', '!AES128-SHA:[AES128-SHA|AES256-SHA]', '[AES128-SHA|AES256-SHA]', 'boringssl'],
  // An empty group.
  ['dead-term', '[]:ALL', 'ALL', 'boringssl'],
  // `+X` of a suite that is not enabled adds nothing.
  ['plus-does-not-add', 'ECDHE:+AES128-SHA', 'ECDHE:AES128-SHA:+AES128-SHA', 'boringssl'],
  ['duplicate-term', 'kRSA:ECDHE:kRSA', 'kRSA:ECDHE', 'boringssl'],
  // ALL already enabled every kRSA suite; `+kRSA` moves them, so it is not redundant.
  ['redundant-term', 'ALL:kRSA', 'ALL:+kRSA', 'boringssl'],
  // A group item already enabled: the group loses that member.
  ['redundant-term', 'kRSA:[AES128-SHA|ECDHE-RSA-AES128-SHA]', '[AES128-SHA|ECDHE-RSA-AES128-SHA]', 'boringssl'],
  ['strength-reorders', 'AES128-SHA:AES256-SHA:@STRENGTH', 'AES256-SHA:AES128-SHA', 'boringssl'],
  // AES128 brings PSK-AES128-CBC-SHA and ECDHE-PSK-AES128-CBC-SHA; `!aPSK` removes both.
  ['overshoot', 'AES128', 'AES128:!aPSK', 'boringssl'],
  // An unknown word is ignored in the default mode; strict mode makes it the error instead.
  ['unknown-word', 'ALL:FOO', 'ALL', 'boringssl'],
  ['invalid-command', 'ALL:FOO', 'ALL', 'boringssl', true],
  ['empty-intersection', 'ALL:TLSv1.2+SSLv3', 'ALL:TLSv1.2', 'boringssl'],
];

describe('lint codes fire where they should, and only there', () => {
  for (const [code, bad, good, target, strict] of CASES) {
    it(`${code}: ${bad} (${target}${strict ? ', strict' : ''})`, () => {
      expect(codes(bad, target, strict)).toContain(code);
      if (good !== bad) expect(codes(good, target, strict)).not.toContain(code);
    });
  }

  it('boringssl strict mode: the unknown word is the error, not a warning', () => {
    expect(codes('ALL:FOO', 'boringssl', true)).not.toContain('unknown-word');
  });

  it('boringssl: a dead group item is named at its own place', () => {
    const input = '!AES128-SHA:[AES128-SHA|AES256-SHA]';
    const d = lint(input, { target: 'boringssl' }).diagnostics.filter((x) => x.code === 'dead-term');
    expect(d.map((x) => [x.span!.start, x.span!.end, x.related?.[0]?.span])).toEqual([[13, 23, { start: 0, end: 11 }]]);
  });

  it('boringssl overshoot counts ECDHE-PSK (Kx=ECDH Au=PSK) and excludes with !aPSK', () => {
    const d = lint('AES128', { target: 'boringssl' }).diagnostics.find((x) => x.code === 'overshoot')!;
    expect(d.args.suites).toBe('ECDHE-PSK-AES128-CBC-SHA,PSK-AES128-CBC-SHA');
    expect(d.fix!.replacement!.text).toBe(':!aPSK');
    // OpenSSL keeps `!PSK`, which there covers every PSK key exchange.
    const o = lint('AES128', { target: 'openssl-3.0', ciphersuites: '' }).diagnostics.find(
      (x) => x.code === 'overshoot',
    )!;
    expect(o.fix!.replacement!.text).toMatch(/^:!PSK/);
  });

  it('not-in-this-release names the releases that know the word', () => {
    const d = lint('HIGH:!EXPORT', { target: 'openssl-3.0' }).diagnostics.find(
      (x) => x.code === 'not-in-this-release',
    )!;
    expect(d.args.knownIn).toBe('openssl-1.0.2');
    expect(codes('HIGH:!EXPORT', 'openssl-1.0.2')).not.toContain('not-in-this-release');
  });

  it('severity follows OpenSSL: error only when the string is rejected', () => {
    for (const [, bad, , target, strict] of CASES) {
      const r = lint(bad, { target, ...(strict ? { strict } : {}) });
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

  it('why a suite is absent: removed for good, banned, deleted, never added, unavailable, TLS 1.3', () => {
    const why = (s: string, suite: string) => explainSuite(s, suite, { ciphersuites: '' }).answer;
    expect(why('HIGH:!AES128-SHA', 'AES128-SHA')).toMatchObject({ present: false, cause: 'killed', by: 1 });
    expect(why('HIGH:-AES128-SHA', 'AES128-SHA')).toMatchObject({ present: false, cause: 'deleted', by: 1 });
    expect(why('AESGCM', 'AES128-SHA')).toMatchObject({ present: false, cause: 'never-added' });
    expect(why('ALL', 'IDEA-CBC-SHA')).toMatchObject({ present: false, cause: 'unavailable' });
    // DEFAULT's own `!` rules ban anonymous suites before anything adds them.
    expect(why('DEFAULT:ADH-AES128-SHA', 'ADH-AES128-SHA')).toMatchObject({ present: false, cause: 'banned', by: 0 });
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
        '  3  !AES128-SHA  removed 1 suite from the list for good',
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

describe('explain for boringssl', () => {
  const S =
    'AES128-SHA:!DES-CBC3-SHA:-AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256:[ECDHE-RSA-CHACHA20-POLY1305|AES256-SHA]:FOO';
  const why = (suite: string, input = S, strict = false) =>
    explainSuite(input, suite, { target: 'boringssl', strict }).answer;

  it('why a suite is there: the element that added it, a group too', () => {
    // The group is element #5 (index 4); it added both of its suites.
    expect(why('AES256-SHA')).toEqual({
      suite: 'AES256-SHA',
      present: true,
      position: 2,
      tls13: false,
      addedBy: 4,
      lastMovedBy: -1,
    });
    // An IANA name finds the suite by its OpenSSL name.
    expect(why('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256')).toMatchObject({ present: true, position: 0, addedBy: 3 });
    // `+X` after an add is the last move.
    expect(why('AES128-SHA', 'AES128-SHA:AES256-SHA:+AES128-SHA')).toMatchObject({ addedBy: 0, lastMovedBy: 2 });
  });

  it('why a suite is not there: deleted, banned, never added, TLS 1.3, not a suite, failed call', () => {
    expect(why('AES128-SHA')).toEqual({ suite: 'AES128-SHA', present: false, cause: 'deleted', by: 2 });
    // `!DES-CBC3-SHA` comes before anything adds it: a ban, not a removal from the list.
    expect(why('DES-CBC3-SHA')).toEqual({ suite: 'DES-CBC3-SHA', present: false, cause: 'banned', by: 1 });
    // No alias selects NULL-SHA: ALL leaves it out.
    expect(why('NULL-SHA', 'ALL')).toEqual({ suite: 'NULL-SHA', present: false, cause: 'never-added' });
    // BoringSSL never takes TLS 1.3 suites from the cipher string.
    expect(why('TLS_AES_128_GCM_SHA256', 'ALL')).toMatchObject({ present: false, cause: 'tls13-apart' });
    // An OpenSSL-only suite is not a suite of BoringSSL.
    expect(why('DHE-RSA-AES128-SHA', 'ALL')).toMatchObject({ present: false, cause: 'not-a-suite' });
    // In strict mode FOO fails the call.
    expect(why('AES256-SHA', S, true)).toMatchObject({ present: false, cause: 'call-failed' });
  });

  it('renders the trace with the group and its items (exact text, once)', () => {
    expect(renderExplanation(explain(S, { target: 'boringssl' }))).toBe(
      [
        'Elements, in the order BoringSSL applies them:',
        '  1  AES128-SHA                                added 1 suite',
        '  2  !DES-CBC3-SHA                             banned 1 suite for good (none of them was in the list)',
        '  3  -AES128-SHA                               deleted 1 suite (moved to the front, out of the list; a later element may add them again)',
        '  4  ECDHE-RSA-AES128-GCM-SHA256               added 1 suite',
        '  5  [ECDHE-RSA-CHACHA20-POLY1305|AES256-SHA]  added 2 suites as one equal-preference group',
        '     | ECDHE-RSA-CHACHA20-POLY1305             added 1 suite',
        '     | AES256-SHA                              added 1 suite',
        '  6  FOO                                       nothing: not a suite or alias here',
        '',
        'Suites, in preference order:',
        '  1  ECDHE-RSA-AES128-GCM-SHA256  added by #4 ECDHE-RSA-AES128-GCM-SHA256',
        '  2  ECDHE-RSA-CHACHA20-POLY1305  added by #5 [ECDHE-RSA-CHACHA20-POLY1305|AES256-SHA]; equal preference with the next',
        '  3  AES256-SHA                   added by #5 [ECDHE-RSA-CHACHA20-POLY1305|AES256-SHA]',
        '',
      ].join('\n'),
    );
    const { explanation, answer } = explainSuite('ALL', 'TLS_AES_128_GCM_SHA256', { target: 'boringssl' });
    expect(renderSuiteAnswer(answer, explanation)).toBe(
      'TLS_AES_128_GCM_SHA256 is a TLS 1.3 suite: BoringSSL never takes those from the cipher string; it configures them itself.\n',
    );
  });
});

describe('lint and explain run on every curated corpus string of every target', () => {
  const boring = loadCorpus('corpus-boringssl.jsonl').filter((r) => r.source === 'curated' && !r.input_hex);
  it(`boringssl, both modes (${boring.length} strings)`, () => {
    for (const row of boring) {
      for (const strict of [false, true]) {
        const l = lint(row.input, { target: 'boringssl', strict });
        expect(l.diagnostics.some((d) => d.severity === 'error')).toBe(!l.ok);
        const x = explain(row.input, { target: 'boringssl', strict });
        expect(typeof renderExplanation(x)).toBe('string');
        // The trace accounts for every suite of the result (BoringSSL has no TLS 1.3 part).
        expect(x.origins.every((o) => o.addedBy >= 0)).toBe(true);
        // Where AES128-SHA is absent though added, the answer points at the element that removed it.
        if (x.result.ok) {
          const { answer } = explainSuite(row.input, 'AES128-SHA', { target: 'boringssl', strict });
          if (!answer.present && answer.cause !== 'never-added') expect(answer.by).toBeGreaterThanOrEqual(0);
        }
      }
    }
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

describe('lint stays linear on long strings', () => {
  it('tests the first 64 `!` elements that removed nothing, and says how many more there were', () => {
    // 70 distinct suites excluded before anything is added: none of them is ever added, so each
    // is dead; lint evaluates the string again for the first 64 and counts the other 6.
    const names = expand('ALL', { target: 'openssl-1.1.1', ciphersuites: '' })
      .ciphers.map((c) => c.name)
      .filter((n) => n !== 'AES128-SHA')
      .slice(0, 70);
    const r = lint(`${names.map((n) => `!${n}`).join(':')}:AES128-SHA`, { target: 'openssl-1.1.1', ciphersuites: '' });
    expect(r.diagnostics.filter((d) => d.code === 'dead-term')).toHaveLength(64);
    const note = r.diagnostics.find((d) => d.code === 'dead-term-check-limited')!;
    expect([note.severity, note.args]).toEqual(['info', { count: 6, limit: 64 }]);
  });
});

describe('lint caps its findings and stays linear', () => {
  it('a 2 MB string: 100 findings, then how many more there were (no stack overflow)', () => {
    const n = 200_000;
    const input = 'AES128-SHA' + ':AES128-SHA'.repeat(n);
    expect(input.length).toBeGreaterThan(2_000_000);
    const r = lint(input, { ciphersuites: '' });
    // Each repeat is a duplicate-term; the list's own findings come on top.
    const own = lint('AES128-SHA', { ciphersuites: '' }).diagnostics.length;
    expect(r.diagnostics).toHaveLength(101);
    const last = r.diagnostics[100]!;
    expect([last.code, last.severity, last.span, last.args]).toEqual([
      'too-many-diagnostics',
      'info',
      null,
      { more: n + own - 100, limit: 100 },
    ]);
  });

  it('keeps the most severe findings, then the earliest, and lists them by position', () => {
    // 150 notes (duplicate-term) before two warnings (dead-term): the warnings are kept.
    const input = 'AES128-SHA' + ':AES128-SHA'.repeat(150) + ':!aNULL:-aNULL';
    const r = lint(input, { ciphersuites: '', ignore: ['sha1-mac', 'cbc-mode', 'no-forward-secrecy'] });
    const kept = r.diagnostics.slice(0, -1);
    expect(kept.filter((d) => d.code === 'dead-term').map((d) => input.slice(d.span!.start, d.span!.end))).toEqual([
      '!aNULL',
      '-aNULL',
    ]);
    expect(kept.filter((d) => d.code === 'duplicate-term')).toHaveLength(98);
    const starts = kept.map((d) => d.span!.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(r.diagnostics.at(-1)!.args).toEqual({ more: 52, limit: 100 });
  });

  it("expand's own count of the diagnostics it left out adds to lint's: one summary", () => {
    // expand lists 100 of the 300 unknown words and counts 200; lint has HIGH's findings on top.
    const own = lint('HIGH', { ciphersuites: '' }).diagnostics.length;
    const r = lint('HIGH' + ':FOO'.repeat(300), { ciphersuites: '' });
    expect(r.diagnostics.filter((d) => d.code === 'too-many-diagnostics').map((d) => d.args)).toEqual([
      { more: 200 + own, limit: 100 },
    ]);
  });

  it('@STRENGTH after the same suites added again and again: each suite is named once', () => {
    // `-X` takes the suites out, so each round adds them again.
    const input = 'AES128-SHA:AES256-SHA:@STRENGTH:-AES128-SHA:-AES256-SHA:'.repeat(2000) + 'AES128-SHA';
    const r = lint(input, { ciphersuites: '' });
    const reorders = r.diagnostics.filter((d) => d.code === 'strength-reorders');
    expect(reorders.length).toBeGreaterThan(0);
    for (const d of reorders) expect(d.related).toHaveLength(2);
  });
});

describe('a rejected ciphersuites list', () => {
  it('expand: the trace asked for is there, empty', () => {
    const r = expand('HIGH', { ciphersuites: 'FOO', trace: true });
    expect([r.ok, r.error?.code, r.trace]).toEqual([false, 'invalid-ciphersuites', []]);
  });

  it('lint reports invalid-ciphersuites, pointing into the option', () => {
    const r = lint('HIGH', { ciphersuites: 'FOO' });
    expect(r.ok).toBe(false);
    expect(r.result.trace).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.source, d.span])).toEqual([
      ['invalid-ciphersuites', 'error', 'ciphersuites', { start: 0, end: 3 }],
      ['unknown-ciphersuite', 'warning', 'ciphersuites', { start: 0, end: 3 }],
    ]);
  });

  it('explain: no element, the failure said once (exact text)', () => {
    const x = explain('HIGH', { ciphersuites: 'FOO' });
    expect([x.result.trace, x.origins]).toEqual([[], []]);
    expect(renderExplanation(x)).toBe(
      'The call fails before the string is read: invalid-ciphersuites (no ciphersuite name in the list is known (SSL_CTX_set_ciphersuites fails: no cipher match))\n',
    );
    expect(explainSuite('HIGH', 'AES128-SHA', { ciphersuites: 'FOO' }).answer).toEqual({
      suite: 'AES128-SHA',
      present: false,
      cause: 'call-failed',
    });
  });
});

describe('explain escapes the control characters of the input', () => {
  it('in the elements, the origins and the answer', () => {
    const input = 'AES128-SHA:FO\u001b[2JO:+AES128-SHA';
    // The column is as wide as the escaped text.
    expect(renderExplanation(explain(input, { ciphersuites: '' }))).toBe(
      [
        'Elements, in the order OpenSSL applies them:',
        '  1  AES128-SHA    added 1 suite',
        '  2  FO\\u{1b}[2JO  nothing: not a suite or alias here',
        '  3  +AES128-SHA   moved 1 suite to the end',
        '',
        'Suites, in preference order:',
        '  1  AES128-SHA  added by #1 AES128-SHA; last moved by #3 +AES128-SHA',
        '',
      ].join('\n'),
    );
    const { explanation, answer } = explainSuite(input, 'X\u009bY', { ciphersuites: '' });
    expect(renderSuiteAnswer(answer, explanation)).toBe('X\\u{9b}Y is not a suite of this target.\n');
  });
});

describe('options.maxDiagnostics', () => {
  const input = 'AES128-SHA' + ':AES128-SHA'.repeat(150);
  it('sets the cap; Infinity returns every finding, 0 only the count', () => {
    const all = lint(input, { ciphersuites: '', maxDiagnostics: Infinity }).diagnostics;
    expect(all.some((d) => d.code === 'too-many-diagnostics')).toBe(false);
    expect(all.filter((d) => d.code === 'duplicate-term')).toHaveLength(150);
    const ten = lint(input, { ciphersuites: '', maxDiagnostics: 10 }).diagnostics;
    expect(ten.at(-1)!.args).toEqual({ more: all.length - 10, limit: 10 });
    expect(lint(input, { ciphersuites: '', maxDiagnostics: 0 }).diagnostics.map((d) => [d.code, d.args.more])).toEqual([
      ['too-many-diagnostics', all.length],
    ]);
  });

  it('anything but a whole number or Infinity is a TypeError', () => {
    for (const bad of [-1, 1.5, NaN, '10' as unknown as number]) {
      expect(() => lint('HIGH', { maxDiagnostics: bad })).toThrow(TypeError);
    }
  });
});
