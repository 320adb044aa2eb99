import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { diff, diffResults } from '../src/diff.js';
import { expand } from '../src/index.js';
import { DIFF_HELP } from '../src/cli/diff-command.js';
import { main } from '../src/cli/main.js';
import { loadCorpus } from './helpers/corpus.js';
import { numRuns, seed } from './helpers/property-runs.js';
import type { Cipher, ExpandResult } from '../src/types.js';

const CISCO_SEG_15 =
  'ECDH+aRSA:ECDH+ECDSA:DHE+DSS+AES:AES128:AES256:!SRP:!AESGCM+DH+aRSA:!AESGCM+RSA:!aNULL:!eNULL:!DES:!3DES:!IDEA:!RC2:-IDEA:-aNULL:-EXPORT:!DHE-RSA-AES256-SHA:!DHE-RSA-AES128-CCM:!DHE-RSA-AES256-CCM:!ECDHE-ECDSA-CAMELLIA128-SHA256:!ECDHE-RSA-CAMELLIA128-SHA256:!ECDHE-ECDSA-CAMELLIA256-SHA384:!ECDHE-RSA-CAMELLIA256-SHA384:!ECDHE-ECDSA-AES128-CCM:!ECDHE-ECDSA-AES256-CCM';

const names = (r: ExpandResult) => r.ciphers.map((c) => c.name);

describe('diff', () => {
  it('the same list ending at another security level is not identical', () => {
    const d = diff({ input: 'HIGH' }, { input: 'HIGH:@SECLEVEL=3' });
    expect([d.before.seclevel, d.after.seclevel, d.moved.length, d.identical]).toEqual([1, 3, 0, false]);
  });

  it('identical strings are identical', () => {
    const d = diff({ input: 'HIGH:!aNULL' }, { input: 'HIGH:!aNULL' });
    const n = expand('HIGH:!aNULL').ciphers.length;
    expect(d).toEqual({
      before: { ok: true, error: null, count: n, seclevel: 1 },
      after: { ok: true, error: null, count: n, seclevel: 1 },
      added: [],
      removed: [],
      moved: [],
      unchanged: n,
      firstPreference: { before: 'TLS_AES_256_GCM_SHA384', after: 'TLS_AES_256_GCM_SHA384', changed: false },
      tls13Changed: false,
      identical: true,
    });
  });

  it('strings written differently with the same outcome are identical (the lists are compared, not the text)', () => {
    // `!aNULL` first kills the anonymous suites for good; HIGH then adds the rest in the same order.
    expect(diff({ input: '!aNULL:HIGH' }, { input: 'HIGH:!aNULL' }).identical).toBe(true);
  });

  it('HIGH vs HIGH:!aNULL: exactly the aNULL suites are removed, at their places in HIGH', () => {
    const high = expand('HIGH');
    const d = diff({ input: 'HIGH' }, { input: 'HIGH:!aNULL' });
    const anon = high.ciphers.flatMap((c, position) => (c.au === 'None' ? [{ name: c.name, position }] : []));
    expect(anon.length).toBeGreaterThan(0);
    expect(anon.every((x) => /^(ADH|AECDH)-/.test(x.name))).toBe(true);
    expect(d.removed).toEqual(anon);
    expect(d.added).toEqual([]);
    expect(d.moved).toEqual([]);
    expect(d.unchanged).toBe(high.ciphers.length - anon.length);
    expect(d.firstPreference.changed).toBe(false);
    expect(d.identical).toBe(false);
  });

  it('AES128-SHA:AES256-SHA vs AES256-SHA:AES128-SHA: one moved, first preference changed', () => {
    // Without TLS 1.3 suites, so the written order leads the list. Of the swapped pair, the one
    // that now comes later (AES128-SHA) is the one reported as moved.
    const d = diff(
      { input: 'AES128-SHA:AES256-SHA', options: { ciphersuites: '' } },
      { input: 'AES256-SHA:AES128-SHA', options: { ciphersuites: '' } },
    );
    expect(d.moved).toEqual([{ name: 'AES128-SHA', from: 0, to: 1 }]);
    expect(d.unchanged).toBe(1);
    expect(d.firstPreference).toEqual({ before: 'AES128-SHA', after: 'AES256-SHA', changed: true });
    expect(d.tls13Changed).toBe(false);
    expect(d.identical).toBe(false);
  });

  it('positions count the TLS 1.3 suites, which lead both lists', () => {
    const d = diff({ input: 'AES128-SHA:AES256-SHA' }, { input: 'AES256-SHA:AES128-SHA' });
    expect(d.moved).toEqual([{ name: 'AES128-SHA', from: 3, to: 4 }]);
    expect(d.firstPreference.changed).toBe(false);
  });

  it('a failing side (FOO) vs HIGH: the error is kept, everything of HIGH is added', () => {
    const high = expand('HIGH');
    const d = diff({ input: 'FOO' }, { input: 'HIGH' });
    expect(d.before).toEqual({ ok: false, error: expand('FOO').error, count: 0, seclevel: 1 });
    expect(d.before.error?.code).toBe('no-cipher-match');
    expect(d.after).toEqual({ ok: true, error: null, count: high.ciphers.length, seclevel: 1 });
    expect(d.added).toEqual(names(high).map((name, position) => ({ name, position })));
    expect(d.removed).toEqual([]);
    expect(d.moved).toEqual([]);
    expect(d.unchanged).toBe(0);
    expect(d.firstPreference).toEqual({ before: null, after: 'TLS_AES_256_GCM_SHA384', changed: true });
    expect(d.tls13Changed).toBe(true);
    expect(d.identical).toBe(false);
  });

  it('two failing sides are not identical', () => {
    const d = diff({ input: 'FOO' }, { input: 'AES#' });
    expect(d.before.error?.code).toBe('no-cipher-match');
    expect(d.after.error?.code).toBe('invalid-command');
    expect([d.added, d.removed, d.moved, d.unchanged, d.identical]).toEqual([[], [], [], 0, false]);
  });

  it('a change of the TLS 1.3 list is tls13Changed', () => {
    const d = diff(
      { input: 'HIGH' },
      { input: 'HIGH', options: { ciphersuites: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384' } },
    );
    expect(d.tls13Changed).toBe(true);
    expect(d.removed).toEqual([{ name: 'TLS_CHACHA20_POLY1305_SHA256', position: 1 }]);
    expect(d.moved).toEqual([{ name: 'TLS_AES_256_GCM_SHA384', from: 0, to: 1 }]);
  });

  it('the results passed in are not changed', () => {
    const a = expand('HIGH');
    const b = expand('FOO');
    const copies = JSON.stringify([a, b]);
    const d = diffResults(a, b);
    d.after.error!.message = 'changed';
    expect(JSON.stringify([a, b])).toBe(copies);
  });
});

describe('diff across releases: Cisco SEG 15.0 string (corpus row 0), openssl-1.1.1 -> openssl-3.5', () => {
  // Expected values come from the lists recorded on real 1.1.1w and 3.5.7 builds (TLS 1.3 list
  // empty), not from cipherx's evaluation.
  const row = (file: string) => loadCorpus(file).find((r) => r.id === 0)!;
  const old = row('corpus-1.1.1w.jsonl');
  const neu = row('corpus-3.5.7.jsonl');
  const d = diff(
    { input: CISCO_SEG_15, options: { target: 'openssl-1.1.1', ciphersuites: '' } },
    { input: CISCO_SEG_15, options: { target: 'openssl-3.5', ciphersuites: '' } },
  );

  it('the corpus rows are this string, accepted on both releases', () => {
    expect([old.input, neu.input]).toEqual([CISCO_SEG_15, CISCO_SEG_15]);
    expect([old.ok, neu.ok]).toEqual([true, true]);
    expect([d.before.count, d.after.count]).toEqual([old.ciphers.length, neu.ciphers.length]);
  });

  it('added and removed are the set differences of the recorded lists, at their recorded places', () => {
    const only = (x: string[], y: string[]) =>
      x.flatMap((name, position) => (y.includes(name) ? [] : [{ name, position }]));
    expect(d.added).toEqual(only(neu.ciphers, old.ciphers));
    expect(d.removed).toEqual(only(old.ciphers, neu.ciphers));
  });

  it('moved: the CCM8 suites that 3.5 demotes, at their recorded places; the rest keeps its order', () => {
    // Read off the recorded lists: in 3.5 the ECDHE-ECDSA CCM8 pair drops behind the
    // ECDHE-ECDSA ARIA/AES GCM suites, and each PSK/RSA CCM8 trio behind its CCM and GCM
    // suites; DHE-RSA-AES{128,256}-CCM8 keep their places.
    const want = [
      'ECDHE-ECDSA-AES256-CCM8',
      'ECDHE-ECDSA-AES128-CCM8',
      'DHE-PSK-AES128-CCM8',
      'AES128-CCM8',
      'PSK-AES128-CCM8',
      'DHE-PSK-AES256-CCM8',
      'AES256-CCM8',
      'PSK-AES256-CCM8',
    ];
    expect(d.moved.map((m) => m.name)).toEqual(want);
    for (const m of d.moved) {
      expect([m.from, m.to]).toEqual([old.ciphers.indexOf(m.name), neu.ciphers.indexOf(m.name)]);
    }
    const rest = (list: string[]) => list.filter((n) => !want.includes(n));
    expect(rest(neu.ciphers)).toEqual(rest(old.ciphers));
    expect(d.unchanged).toBe(old.ciphers.length - want.length);
    expect(d.firstPreference).toEqual({
      before: 'ECDHE-RSA-AES256-GCM-SHA384',
      after: 'ECDHE-RSA-AES256-GCM-SHA384',
      changed: false,
    });
  });

  it('with the default TLS 1.3 lists, the same moves three places further down', () => {
    const withTls13 = diff(
      { input: CISCO_SEG_15, options: { target: 'openssl-1.1.1' } },
      { input: CISCO_SEG_15, options: { target: 'openssl-3.5' } },
    );
    expect(withTls13.moved).toEqual(d.moved.map((m) => ({ name: m.name, from: m.from + 3, to: m.to + 3 })));
    expect(withTls13.tls13Changed).toBe(false);
  });
});

describe('moved is a smallest set, chosen from the head of the new list', () => {
  // Independent of the implementation: the longest common subsequence by the textbook dynamic
  // program, and the tie rule by trying every subset of the common suites.
  const pool = expand('ALL', { ciphersuites: '' }).ciphers.slice(0, 8);
  const result = (ciphers: Cipher[]): ExpandResult => ({
    ok: true,
    error: null,
    ciphers,
    seclevel: null,
    diagnostics: [],
  });
  const lcs = (x: string[], y: string[]) => {
    const t = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
    for (let i = 1; i <= x.length; i++)
      for (let j = 1; j <= y.length; j++)
        t[i]![j] = x[i - 1] === y[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
    return t[x.length]![y.length]!;
  };
  const lexLess = (p: number[], q: number[]) => {
    for (let k = 0; k < p.length; k++) if (p[k] !== q[k]) return p[k]! < q[k]!;
    return false;
  };

  it(`on random pairs of lists (seed ${seed})`, () => {
    console.log(`diff: FC_SEED=${seed}`);
    fc.assert(
      fc.property(fc.shuffledSubarray(pool), fc.shuffledSubarray(pool), (x, y) => {
        const a = x.map((c) => c.name);
        const b = y.map((c) => c.name);
        const d = diffResults(result(x), result(y));
        const common = b.filter((n) => a.includes(n));
        expect(d.moved.length).toBe(common.length - lcs(a, b));
        expect(d.unchanged + d.moved.length).toBe(common.length);
        // The kept suites: of all in-order subsets of that size, the first by positions in b.
        const movedNames = d.moved.map((m) => m.name);
        const kept = common.filter((n) => !movedNames.includes(n));
        let best: number[] | null = null;
        for (let mask = 0; mask < 1 << common.length; mask++) {
          const s = common.filter((_, k) => mask & (1 << k));
          const inOrder = s.every((n, k) => k === 0 || a.indexOf(s[k - 1]!) < a.indexOf(n));
          if (!inOrder || s.length !== kept.length) continue;
          const pos = s.map((n) => b.indexOf(n));
          if (best === null || lexLess(pos, best)) best = pos;
        }
        expect(kept.map((n) => b.indexOf(n))).toEqual(best);
        // Swapping the sides swaps added and removed and keeps the number of moves.
        const back = diffResults(result(y), result(x));
        expect(back.added).toEqual(d.removed);
        expect(back.removed).toEqual(d.added);
        expect(back.moved.length).toBe(d.moved.length);
        expect(d.identical).toBe(a.join(':') === b.join(':'));
      }),
      { seed, numRuns },
    );
  });
});

/** A Writable that keeps what is written to it. */
function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(w, { text: () => chunks.join('') });
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(['diff', ...args], { stdin: process.stdin, stdout, stderr, version: '0' });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('cipherx diff', () => {
  it('text output, exactly (the example of the help text)', async () => {
    const r = await run([
      '--ciphersuites',
      '',
      'AES128-SHA:AES256-SHA:CAMELLIA128-SHA',
      'AES256-SHA:AES128-SHA:AES128-GCM-SHA256',
    ]);
    const want = [
      '--- openssl-3.0 `AES128-SHA:AES256-SHA:CAMELLIA128-SHA`: accepted, 3 suites',
      '+++ openssl-3.0 `AES256-SHA:AES128-SHA:AES128-GCM-SHA256`: accepted, 3 suites',
      '- CAMELLIA128-SHA    (was at 3)',
      '+ AES128-GCM-SHA256  (at 3)',
      '~ AES128-SHA         1 -> 2',
      'first preference: AES128-SHA -> AES256-SHA',
      'added 1, removed 1, moved 1, unchanged 1',
      '',
    ].join('\n');
    expect(r).toEqual({ code: 1, stdout: want, stderr: '' });
    expect(DIFF_HELP()).toContain(
      want
        .split('\n')
        .map((l) => (l ? `  ${l}` : l))
        .join('\n'),
    );
  });

  it('identical lists: exit 0', async () => {
    const r = await run(['HIGH:!aNULL', '!aNULL:HIGH']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^first preference: TLS_AES_256_GCM_SHA384 \(unchanged\)\nadded 0, removed 0, moved 0, unchanged \d+\n$/m,
    );
    expect(r.stdout.split('\n').filter((l) => /^[-+~] /.test(l))).toEqual([]);
  });

  it('--json is the library result, one object and a newline', async () => {
    const r = await run(['--json', '--target', 'openssl-1.1.1', '--target', 'openssl-3.5', CISCO_SEG_15]);
    expect(r.code).toBe(1);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(r.stdout.trimEnd().includes('\n')).toBe(false);
    const want = diff(
      { input: CISCO_SEG_15, options: { target: 'openssl-1.1.1' } },
      { input: CISCO_SEG_15, options: { target: 'openssl-3.5' } },
    );
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(want)));
  });

  it('one string, two releases: each header names its release; a long string is cut in the middle', async () => {
    const r = await run(['--target', 'openssl-1.1.1', '--target', 'openssl-3.5', CISCO_SEG_15]);
    const [h1, h2] = r.stdout.split('\n');
    expect(h1).toBe(
      '--- openssl-1.1.1 `ECDH+aRSA:ECDH+ECDSA:DHE+DSS+AES:AES128:…128-CCM:!ECDHE-ECDSA-AES256-CCM`: accepted, 72 suites',
    );
    expect(h2).toBe(
      '+++ openssl-3.5   `ECDH+aRSA:ECDH+ECDSA:DHE+DSS+AES:AES128:…128-CCM:!ECDHE-ECDSA-AES256-CCM`: accepted, 72 suites',
    );
    expect(r.stdout).toContain('~ ECDHE-ECDSA-AES256-CCM8  15 -> 18\n');
    expect(r.stdout.endsWith('added 0, removed 0, moved 8, unchanged 64\n')).toBe(true);
  });

  it('two strings, two releases: the first string on the first release', async () => {
    const r = await run(['--json', '--target', 'openssl-1.0.2', '--target', 'boringssl', 'DEFAULT', 'ALL']);
    const want = diff(
      { input: 'DEFAULT', options: { target: 'openssl-1.0.2' } },
      { input: 'ALL', options: { target: 'boringssl' } },
    );
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(want)));
  });

  it('a rejected side: its error in the header, exit 1', async () => {
    const r = await run(['--ciphersuites', '', 'FOO', 'AES128-SHA']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      `--- openssl-3.0 \`FOO\`: rejected (error[no-cipher-match]: ${expand('FOO').error!.message}), 0 suites`,
      '+++ openssl-3.0 `AES128-SHA`: accepted, 1 suite',
      '+ AES128-SHA  (at 1)',
    ]);
    expect(r.stdout).toContain('first preference: none -> AES128-SHA\n');
  });

  it('strings starting with - after --', async () => {
    const r = await run(['--json', '--', '-ALL:HIGH', 'HIGH']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).identical).toBe(true);
  });

  it('--ciphersuites applies to the releases that have TLS 1.3', async () => {
    const cs = 'TLS_AES_128_GCM_SHA256';
    const r = await run([
      '--json',
      '--ciphersuites',
      cs,
      '--target',
      'openssl-1.0.2',
      '--target',
      'openssl-3.0',
      'HIGH',
    ]);
    const want = diff(
      { input: 'HIGH', options: { target: 'openssl-1.0.2' } },
      { input: 'HIGH', options: { target: 'openssl-3.0', ciphersuites: cs } },
    );
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(want)));
  });

  it('--help', async () => {
    expect(await run(['--help'])).toEqual({ code: 0, stdout: DIFF_HELP(), stderr: '' });
  });

  // Each: the arguments, and a piece of the message on stderr.
  const USAGE: Array<[string[], string]> = [
    [[], 'diff needs two cipher strings'],
    [['HIGH'], 'give --target twice'],
    [['--target', 'openssl-3.5', 'HIGH'], 'give --target twice'],
    [['A', 'B', 'C'], 'got 3'],
    [['--target', 'openssl-1.0.2', '--target', 'openssl-3.0', '--target', 'openssl-3.5', 'HIGH'], 'at most twice'],
    [['--target', 'openssl-9', 'A', 'B'], 'unknown target "openssl-9"'],
    [['-ALL:HIGH', 'HIGH'], 'must come after `--`'],
    [['--frobnicate', 'A', 'B'], 'unknown option --frobnicate'],
    [['--target'], 'option --target needs a value'],
    [
      ['--target', 'openssl-1.0.2', '--ciphersuites', 'TLS_AES_128_GCM_SHA256', 'A', 'B'],
      'openssl-1.0.2 has no configurable TLS 1.3 list',
    ],
    [
      ['--target', 'openssl-1.0.2', '--target', 'boringssl', '--ciphersuites', 'TLS_AES_128_GCM_SHA256', 'A'],
      'neither openssl-1.0.2 nor boringssl',
    ],
  ];
  it.each(USAGE)('usage error: %j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith('cipherx: ')).toBe(true);
    expect(r.stderr).toContain(message);
    expect(r.stderr.endsWith('\n')).toBe(true);
  });
});
