import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, lint, policies, type TargetName } from '../src/index.js';
import { checkList } from '../src/policy/check.js';
import { cipherx, opensslCiphers } from './helpers/cli.js';
import { memoryHost } from './helpers/memory-host.js';
import { scan } from '../src/scan/index.js';
import intermediate from '../data/policies/mozilla-intermediate.json' with { type: 'json' };

// The suites the policy file lists, read from the file itself (not through the code under test).
const INTERMEDIATE = new Set(
  intermediate.entries.flatMap((e) => (e.kind === 'allow' ? (e as { suites: string[] }).suites : [])),
);

/** What this machine's OpenSSL 3.0 leaves for a string, by IANA name (`openssl ciphers -stdname`). */
function liveStdnames(input: string): string[] {
  const r = opensslCiphers(['-stdname', '-ciphersuites', '', input]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => l.split(' - ')[0]!.trim());
}

describe('check against the live OpenSSL 3.0: the suites not allowed are those openssl lists outside the policy', () => {
  it.each([
    'ECDHE+AESGCM:ECDHE+CHACHA20',
    'ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM',
    'HIGH:!aNULL:!MD5',
    'ECDH+aRSA:ECDH+ECDSA:DHE+DSS+AES:AES128:AES256:!SRP:!AESGCM+DH+aRSA:!AESGCM+RSA:!aNULL:!eNULL',
    'kEECDH+CHACHA20:kEECDH+AESGCM:@STRENGTH',
  ])('%s', (input) => {
    const live = liveStdnames(input);
    const r = check(input, { policy: 'mozilla-intermediate', targets: ['openssl-3.0'], ciphersuites: '' });
    const [t] = r.targets;
    expect(t!.forbidden.map((f) => f.iana)).toEqual(live.filter((n) => !INTERMEDIATE.has(n)));
    expect(t!.pass).toBe(live.every((n) => INTERMEDIATE.has(n)) && live.length > 0);
  });
});

describe('check: named cases', () => {
  it('each suite not allowed names the element that brought it in, with its span', () => {
    const input = 'ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM';
    const [t] = check(input, { policy: 'mozilla-intermediate', targets: ['openssl-3.0'] }).targets;
    expect(new Set(t!.forbidden.map((f) => f.source.element?.text))).toEqual(new Set(['DHE+AESGCM']));
    expect(t!.forbidden[0]!.source.element!.span).toEqual({ start: 28, end: 38 });
  });

  it('BoringSSL: ECDHE+CHACHA20 also brings in ECDHE-PSK-CHACHA20-POLY1305, which intermediate does not allow', () => {
    const [t] = check('ECDHE+AESGCM:ECDHE+CHACHA20', {
      policy: 'mozilla-intermediate',
      targets: ['boringssl'],
    }).targets;
    expect(t!.forbidden.map((f) => f.suite)).toEqual(['ECDHE-PSK-CHACHA20-POLY1305']);
  });

  it('the default TLS 1.3 suites of OpenSSL 3.0 are the three intermediate allows', () => {
    const [t] = check('ECDHE+AESGCM:ECDHE+CHACHA20', {
      policy: 'mozilla-intermediate',
      targets: ['openssl-3.0'],
    }).targets;
    expect(t!.pass).toBe(true);
    expect(t!.ciphers.slice(0, 3)).toEqual([
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
      'TLS_AES_128_GCM_SHA256',
    ]);
  });

  it('a TLS 1.3 suite the policy does not allow is reported on the TLS 1.3 list', () => {
    const [t] = check('ECDHE+AESGCM', {
      policy: 'mozilla-intermediate',
      targets: ['openssl-3.0'],
      ciphersuites: 'TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256',
    }).targets;
    expect(t!.forbidden).toEqual([
      {
        suite: 'TLS_AES_128_CCM_SHA256',
        iana: 'TLS_AES_128_CCM_SHA256',
        reason: 'not-allowed',
        source: { element: null, from: 'ciphersuites' },
      },
    ]);
  });

  it('modern allows no TLS 1.2 suite, unless the server enables TLS 1.3 only', () => {
    const input = 'ECDHE+AESGCM';
    const open = check(input, { policy: 'mozilla-modern', targets: ['openssl-3.0'] }).targets[0]!;
    expect(open.pass).toBe(false);
    expect(open.forbidden.length).toBe(4);
    const only13 = check(input, { policy: 'mozilla-modern', targets: ['openssl-3.0'], protocols: ['TLSv1.3'] })
      .targets[0]!;
    expect(only13.pass).toBe(true);
    expect(only13.unusable.length).toBe(4);
    const with12 = check(input, {
      policy: 'mozilla-modern',
      targets: ['openssl-3.0'],
      protocols: ['TLSv1.2', 'TLSv1.3'],
    });
    expect(with12.targets[0]!.protocols).toEqual(['TLSv1.2']);
  });

  it('a rejected string fails, and so does a list with no allowed suite', () => {
    const rejected = check('FOO', { policy: 'mozilla-intermediate', targets: ['openssl-3.0'] }).targets[0]!;
    expect([rejected.pass, rejected.error?.code]).toEqual([false, 'no-cipher-match']);
    const none = check('AES256-SHA', { policy: 'mozilla-intermediate', targets: ['openssl-1.0.2'] }).targets[0]!;
    expect([none.pass, none.noAllowedSuite]).toEqual([false, true]);
  });

  it('allowed suites a build lacks are listed, not counted against it (1.0.2 has no ChaCha20 and no TLS 1.3)', () => {
    const [t] = check('ECDHE+AESGCM', { policy: 'mozilla-intermediate', targets: ['openssl-1.0.2'] }).targets;
    expect(t!.pass).toBe(true);
    expect(t!.unavailable).toContain('TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256');
  });

  it('order: adjacent allowed suites the list prefers the other way round (a policy that asks for order)', () => {
    const r = lint('ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256', {
      target: 'openssl-3.0',
      ciphersuites: '',
    });
    if (!r.ok) throw new Error('rejected');
    const rules = {
      allowed: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
      ordered: true,
      required: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'],
      forbidden: [],
      protocols: null,
      keySizes: null,
    };
    const t = checkList(r.result.ciphers, r.result.trace, rules, 'openssl-3.0', { error: null });
    expect(t.order).toEqual([{ suite: 'ECDHE-RSA-AES256-GCM-SHA384', before: 'ECDHE-RSA-AES128-GCM-SHA256' }]);
    expect(t.missing).toEqual([
      { iana: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', suite: 'ECDHE-ECDSA-AES128-GCM-SHA256' },
    ]);
  });

  it('unknown policy or target, wrong protocols: TypeErrors that name what there is', () => {
    expect(() => check('HIGH', { policy: 'mozilla' })).toThrow(
      /unknown policy "mozilla"; the policies are mozilla-modern/,
    );
    expect(() => check('HIGH', { policy: '__proto__' })).toThrow(TypeError);
    expect(() =>
      check('HIGH', { policy: 'mozilla-modern', targets: ['openssl-9'] as unknown as TargetName[] }),
    ).toThrow(TypeError);
    expect(() => check('HIGH', { policy: 'mozilla-modern', protocols: ['TLSv1.4'] as never })).toThrow(
      /options.protocols/,
    );
    expect(() => check('HIGH', { policy: 'mozilla-modern', targets: [] })).toThrow(/non-empty/);
  });

  it('lint --policy: the same findings as errors, placed at the element', () => {
    const r = lint('ECDHE+AESGCM:kRSA+AESGCM', { target: 'openssl-3.0', policy: 'mozilla-intermediate' });
    const found = r.diagnostics.filter((d) => d.code === 'policy-forbidden-suite');
    expect(found.map((d) => [d.severity, d.span])).toEqual([['error', { start: 13, end: 24 }]]);
    expect(() => lint('HIGH', { policy: 'nope' })).toThrow(/unknown policy/);
  });

  it('policies() lists each with its source', () => {
    expect(policies().map((p) => p.id)).toContain('mozilla-intermediate');
    expect(Object.isFrozen(policies()[0]!.entries)).toBe(true);
  });
});

describe('cipherx check', () => {
  it('text: the verdict per target, a caret under the element; exit 1 on a failure', () => {
    const r = cipherx([
      'check',
      '--policy',
      'mozilla-intermediate',
      '--target',
      'openssl-3.0',
      '--target',
      'boringssl',
      'ECDHE+AESGCM:DHE+AESGCM',
    ]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('openssl-3.0: fails: 4 suites not allowed');
    expect(r.stdout).toContain('boringssl: passes (4 suites)');
    expect(r.stdout).toContain('^^^^^^^^^^');
    expect(r.stdout).toContain('fails mozilla-intermediate on 1 of 2 targets');
  });

  it('exit 0 when it passes; --json is the PolicyCheck', () => {
    const r = cipherx(['check', '--policy', 'mozilla-intermediate', '--json', 'ECDHE+AESGCM:ECDHE+CHACHA20']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.pass, j.policy.id, j.targets[0].target]).toEqual([true, 'mozilla-intermediate', 'openssl-3.0']);
  });

  it('usage errors: no policy, unknown policy with did-you-mean, bad --protocols; a target twice is checked once', () => {
    expect(cipherx(['check', 'HIGH']).stderr).toMatch(/--policy is required/);
    const typo = cipherx(['check', '--policy', 'mozila-intermediate', 'HIGH']);
    expect([typo.status, typo.stderr]).toEqual([2, expect.stringMatching(/did you mean `mozilla-intermediate`/)]);
    expect(cipherx(['check', '--policy', 'mozilla-modern', '--protocols', 'TLSv1.4', 'HIGH']).status).toBe(2);
    const twice = cipherx([
      'check',
      '--policy',
      'mozilla-modern',
      '--json',
      '--target',
      'openssl-3.0',
      '--target',
      'openssl-3.0',
      'HIGH',
    ]);
    expect(JSON.parse(twice.stdout).targets.map((t: { target: string }) => t.target)).toEqual(['openssl-3.0']);
  });

  it('lint --policy gates: exit 1 on a policy finding, 0 with --fail-on never', () => {
    expect(cipherx(['lint', '--policy', 'mozilla-intermediate', 'ECDHE+AESGCM:DHE+AESGCM']).status).toBe(1);
    expect(
      cipherx(['lint', '--policy', 'mozilla-intermediate', '--fail-on', 'never', 'ECDHE+AESGCM:DHE+AESGCM']).status,
    ).toBe(0);
  });
});

describe('scan --policy', () => {
  it('each setting is judged on what it offers, at the protocols it enables', () => {
    const files = {
      '/n/nginx.conf':
        'http {\n server { listen 443 ssl; ssl_protocols TLSv1.2 TLSv1.3; ssl_ciphers ECDHE+AESGCM:ECDHE+CHACHA20; }\n server { listen 8443 ssl; ssl_protocols TLSv1.1 TLSv1.2; ssl_ciphers ECDHE+AESGCM:DHE+AESGCM; }\n}\n',
    };
    const report = scan(['/n'], memoryHost(files), { policy: 'mozilla-intermediate' });
    const codes = report.settings.map((s) =>
      s.diagnostics.filter((d) => d.code.startsWith('policy-')).map((d) => d.code),
    );
    expect(codes).toEqual([[], ['policy-forbidden-suite', 'policy-protocol']]);
    expect(() => scan(['/n'], memoryHost(files), { policy: 'nist' })).toThrow(/unknown policy/);
  });
});

describe('README', () => {
  it('shows the real output of its check example', () => {
    const readme = readFileSync('README.md', 'utf8');
    const command =
      "$ cipherx check --policy mozilla-intermediate --target openssl-1.1.1 --target boringssl-2026 'ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM'\n";
    const at = readme.indexOf(command);
    expect(at).toBeGreaterThan(0);
    const shown = readme.slice(at + command.length, readme.indexOf('```', at));
    const args = [
      'check',
      '--policy',
      'mozilla-intermediate',
      '--target',
      'openssl-1.1.1',
      '--target',
      'boringssl-2026',
    ];
    expect(cipherx([...args, 'ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM']).stdout).toBe(shown);
  });
});
