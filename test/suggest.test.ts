import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertNames, expand, targets as allTargets, type TargetName } from '../src/index.js';
import { suggest, type Suggestion } from '../src/write/index.js';
import { numRuns, seed } from './helpers/property-runs.js';
import { cipherx } from './helpers/cli.js';

/** The TLS 1.2-and-below list `string` gives on `target` (what the proof compares). */
function listOn(string: string, target: TargetName): string[] | null {
  const r = expand(string, { target, ...(target.startsWith('boringssl') ? {} : { ciphersuites: '' }) });
  return r.ok ? r.ciphers.map((c) => c.name) : null;
}

/** Checks an answer independently of the proof it carries: every string it gives is re-evaluated. */
function checkAnswer(s: Suggestion, requested: readonly string[]): void {
  for (const w of s.wanted) {
    // The wanted list is the request's order, under the target's names (1.0.2 has no IANA names: another release's).
    const ianaOf = (n: string) =>
      [w.target, ...allTargets].map((target) => convertNames([n], { target })[0]!.iana).find((x) => x !== null) ?? n;
    const positions = w.wanted.map((n) => requested.findIndex((r) => ianaOf(r) === ianaOf(n)));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
    expect(w.wanted.length + w.tls13.length + w.missing.length).toBe(requested.length);
  }
  if (s.ok) {
    for (const w of s.wanted) expect(listOn(s.string!, w.target)).toEqual(w.wanted);
    expect(s.proof.map((p) => p.ciphers)).toEqual(s.wanted.map((w) => w.wanted));
  } else {
    expect(s.string).toBeNull();
    s.perTarget.forEach((p, i) => {
      const w = s.wanted[i]!;
      if (p.string === null) expect(w.wanted).toEqual([]);
      else expect(listOn(p.string, p.target)).toEqual(w.wanted);
    });
  }
}

// [request, targets, expected string (null: none serves all), what the case proves]
const CASES: Array<[Parameters<typeof suggest>[0], TargetName[], string | null, string]> = [
  [
    { policy: 'mozilla-intermediate' },
    ['openssl-1.1.1', 'openssl-3.0', 'libressl-3.3'],
    'ECDH+AESGCM:+aRSA:+AES256:ECDH+CHACHA20',
    'LibreSSL lists RSA before ECDSA: +aRSA then +AES256 put the policy order back on all three',
  ],
  [
    { policy: 'mozilla-intermediate' },
    ['openssl-3.0'],
    'ECDH+AESGCM:+AES256:ECDH+CHACHA20',
    'one move is enough on OpenSSL alone',
  ],
  [
    { policy: 'mozilla-intermediate' },
    ['boringssl'],
    null,
    '(string checked by checkAnswer) BoringSSL: ECDHE+CHACHA20 also takes ECDHE-PSK; the TLS 1.3 suites are fixed',
  ],
  [
    { suites: ['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384'] },
    ['openssl-3.0'],
    'ECDH+aRSA+AESGCM:+AES256',
    'OpenSSL names; the alias gives them strongest first, a move puts AES128 first',
  ],
  [
    { suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA'] },
    ['openssl-1.0.2', 'openssl-3.0'],
    null,
    '(string checked by checkAnswer) IANA names, and a release (1.0.2) without IANA names',
  ],
  [
    { suites: ['DES-CBC3-SHA'] },
    ['openssl-1.0.2', 'openssl-3.0'],
    null,
    '3.0 has no 3DES suite: no string gives an empty list; 1.0.2 gets its own string',
  ],
];

describe('suggest: table', () => {
  for (const [request, targets, string, why] of CASES) {
    it(`${JSON.stringify(request)} on ${targets.join(', ')}: ${why}`, () => {
      const s = suggest(request, { targets });
      const names = 'policy' in request ? s.wanted.flatMap(() => []) : request.suites;
      if ('suites' in request) checkAnswer(s, names);
      else for (const w of s.wanted) if (s.ok) expect(listOn(s.string!, w.target)).toEqual(w.wanted);
      if (why.startsWith('(')) {
        if (!s.ok) expect(s.perTarget.length).toBe(targets.length);
      } else if (string === null) {
        expect(s.ok).toBe(false);
      } else {
        expect(s.string).toBe(string);
      }
    });
  }

  it('a suite a target lacks is named, and the others are still given (Mozilla intermediate on 1.0.2)', () => {
    const s = suggest({ policy: 'mozilla-intermediate' }, { targets: ['openssl-1.0.2'] });
    expect(s.ok).toBe(true);
    expect(s.wanted[0]!.missing).toContain('TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256');
    expect(s.tls13).toBeNull(); // no chosen target has TLS 1.3
  });

  it('3.0 lacks the 3DES suite: not ok, 1.0.2 gets a string, 3.0 none, the closest says what differs', () => {
    const s = suggest({ suites: ['DES-CBC3-SHA'] }, { targets: ['openssl-1.0.2', 'openssl-3.0'] });
    expect(s.ok).toBe(false);
    expect(s.perTarget.map((p) => p.string === null)).toEqual([false, true]);
    expect(s.wanted[1]!.missing).toEqual(['TLS_RSA_WITH_3DES_EDE_CBC_SHA']);
    expect(s.closest!.differences[0]).toMatchObject({ missing: [], extra: [], moved: [] });
  });

  it('TLS 1.3: the value to set per target, the default already matching; BoringSSL fixed', () => {
    const s = suggest({ policy: 'mozilla-intermediate' }, { targets: ['openssl-3.0', 'boringssl', 'aws-lc'] });
    expect(s.tls13!.map((t) => t.kind)).toEqual(['configurable', 'fixed', 'configurable']);
    expect(s.tls13![0]!.value).toBe('TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256');
    expect(s.tls13![0]!.defaultMatches).toBe(true);
  });

  it('only TLS 1.3 suites (Mozilla modern): no cipher string, the TLS 1.3 settings', () => {
    const s = suggest({ policy: 'mozilla-modern' }, { targets: ['openssl-3.0'] });
    expect(s.ok).toBe(false);
    expect(s.wanted[0]!.wanted).toEqual([]);
    expect(s.tls13![0]!.kind).toBe('configurable');
  });

  it('named TypeErrors for bad requests and options', () => {
    expect(() => suggest({ policy: 'nope' })).toThrow(/suggest: unknown policy "nope"/);
    expect(() => suggest({ suites: [] })).toThrow(TypeError);
    expect(() => suggest({ suites: ['FOO'] })).toThrow(/"FOO" is no suite name/);
    expect(() => suggest({ suites: ['AES128-SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA'] })).toThrow(/twice/);
    expect(() => suggest({ suites: ['AES128-SHA'] }, { targets: ['openssl-9'] as never })).toThrow(/unknown target/);
    expect(() => suggest({ suites: ['AES128-SHA'] }, { targets: ['boringssl'], seclevel: 2 })).toThrow(
      /none of the targets has security levels/,
    );
    expect(() => suggest(null as never)).toThrow(TypeError);
  });
});

describe('suggest: property', () => {
  // Every suite with an IANA name that some target can put in a cipher list.
  const pool = [
    ...new Set(
      allTargets.flatMap((target) => {
        const r = expand('ALL:COMPLEMENTOFALL', {
          target,
          ...(target.startsWith('boringssl') ? {} : { ciphersuites: '' }),
        });
        return r.ciphers.flatMap((c) => (c.stdname ? [c.stdname] : []));
      }),
    ),
  ].sort();
  const runs = process.env.FC_NUM_RUNS !== undefined ? numRuns : 150;

  it(`random ordered suite lists on random target sets give exactly the list on every target (seed ${seed}, ${runs} runs)`, () => {
    console.log(`suggest: FC_SEED=${seed} FC_NUM_RUNS=${runs}`);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(pool, { minLength: 1, maxLength: 6 }),
        fc.shuffledSubarray([...allTargets], { minLength: 1, maxLength: 3 }),
        (suites, targets) => {
          const s = suggest({ suites }, { targets });
          checkAnswer(s, suites);
        },
      ),
      { seed, numRuns: runs },
    );
  }, 600_000);
});

describe('cipherx suggest', () => {
  it('the string alone on stdout, the proof on stderr, exit 0; --json is the library answer', () => {
    const args = [
      'suggest',
      '--policy',
      'mozilla-intermediate',
      '--target',
      'openssl-1.1.1',
      '--target',
      'openssl-3.0',
      '--target',
      'libressl-3.3',
    ];
    const r = cipherx(args);
    const lib = suggest(
      { policy: 'mozilla-intermediate' },
      { targets: ['openssl-1.1.1', 'openssl-3.0', 'libressl-3.3'] },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${lib.string}\n`);
    expect(r.stderr).toContain('proof: the list the string gives on each target');
    const j = cipherx([...args, '--json']);
    expect(JSON.parse(j.stdout)).toEqual(JSON.parse(JSON.stringify(lib)));
  });

  it('no single string: exit 1, nothing on stdout, per-target strings on stderr', () => {
    const r = cipherx(['suggest', '--suites', 'DES-CBC3-SHA', '--target', 'openssl-1.0.2', '--target', 'openssl-3.0']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('one string per target:');
  });

  it('usage errors: exit 2, did-you-mean for a policy, unknown suite names', () => {
    const p = cipherx(['suggest', '--policy', 'mozilla-intermedate']);
    expect(p.status).toBe(2);
    expect(p.stderr).toContain('did you mean `mozilla-intermediate`?');
    const s = cipherx(['suggest', '--suites', 'AES128-SHA,FOO']);
    expect(s.status).toBe(2);
    expect(s.stderr).toContain('"FOO" is no suite name');
    expect(cipherx(['suggest']).status).toBe(2);
  });
});

describe('suggest says why there is no string', () => {
  it('a closest string a target rejects is said to be rejected there, not "as asked"', () => {
    const r = cipherx(['suggest', '--suites', 'DES-CBC3-SHA', '--target', 'openssl-1.0.2', '--target', 'openssl-3.0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/openssl-3\.0 +rejects it/);
    const answer = suggest({ suites: ['DES-CBC3-SHA'] }, { targets: ['openssl-1.0.2', 'openssl-3.0'] });
    expect(answer.closest!.proof.find((p) => p.target === 'openssl-3.0')!.ok).toBe(false);
  });

  it('a TLS 1.2 suite no target has is not "a request without TLS 1.2 suites"; a TLS 1.3-only policy is', () => {
    expect(suggest({ suites: ['DES-CBC3-SHA'] }, { targets: ['openssl-3.0'] }).cipherStringRequested).toBe(true);
    expect(cipherx(['suggest', '--suites', 'DES-CBC3-SHA', '--target', 'openssl-3.0']).stderr).toMatch(
      /no target given has any of the requested TLS 1\.2-or-below suites/,
    );
    expect(suggest({ policy: 'mozilla-modern' }, { targets: ['openssl-1.0.2'] }).cipherStringRequested).toBe(false);
  });

  it('--seclevel applies to the targets that have levels, as in check, fix and minimize', () => {
    const r = suggest({ policy: 'mozilla-intermediate' }, { targets: ['openssl-1.0.2', 'openssl-3.0'], seclevel: 2 });
    expect(r.ok).toBe(true);
    expect(() => suggest({ policy: 'mozilla-intermediate' }, { targets: ['boringssl'], seclevel: 2 })).toThrow(
      /none of the targets has security levels/,
    );
  });
});
