import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expand, negotiate, peers } from '../src/index.js';
import { spawnSync } from 'node:child_process';
import { BIN, cipherx, opensslCiphers } from './helpers/cli.js';

// The CLI against `openssl ciphers` (stdout byte for byte, same exit status class) and
// against the library (--json), plus its own contract: usage errors, --batch, carets.
const REAL_STRINGS = [
  'ECDH+aRSA:ECDH+ECDSA:DHE+DSS+AES:AES128:AES256:!SRP:!AESGCM+DH+aRSA:!AESGCM+RSA:!aNULL:!eNULL:!DES:!3DES:!IDEA:!RC2:-IDEA:-aNULL:-EXPORT:!DHE-RSA-AES256-SHA:!DHE-RSA-AES128-CCM:!DHE-RSA-AES256-CCM:!ECDHE-ECDSA-CAMELLIA128-SHA256:!ECDHE-RSA-CAMELLIA128-SHA256:!ECDHE-ECDSA-CAMELLIA256-SHA384:!ECDHE-RSA-CAMELLIA256-SHA384:!ECDHE-ECDSA-AES128-CCM:!ECDHE-ECDSA-AES256-CCM',
  'MEDIUM:HIGH:-SSLv2:-aNULL:!RC4:@STRENGTH:-EXPORT',
  'HIGH:!aNULL:!MD5',
  'DEFAULT',
  'ALL:COMPLEMENTOFALL',
  'ALL:COMPLEMENTOFALL:@STRENGTH',
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305',
  '@SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES:DHE+AES:!aNULL:!eNULL:!aDSS:!SHA1:!AESCCM',
  'ALL:!kRSA:!SRP:!kDHd:!DSS:!aNULL:!eNULL:!EXPORT:!DES:!3DES:!MD5:!PSK:!RC4:!ADH:!LOW@STRENGTH',
  'eNULL:aNULL',
  'PSK:SRP',
  '-ALL:HIGH',
  'FOO',
  'AES#',
];
const MODES: Array<[string, string[], string[]]> = [
  ['plain', [], []],
  ['-v', ['-v'], ['-v']],
  ['-V', ['-V'], ['-V']],
  ['-stdname', ['--stdname'], ['-stdname']],
];

describe('cipherx expand prints what openssl ciphers prints', () => {
  for (const [mode, ours, theirs] of MODES) {
    for (const cs of [undefined, '']) {
      it(`${mode}${cs === '' ? ' with --ciphersuites ""' : ''}, on ${REAL_STRINGS.length} real strings`, () => {
        for (const s of REAL_STRINGS) {
          const csArgs = cs === undefined ? [] : ['--ciphersuites', cs];
          const want = opensslCiphers([...theirs, ...(cs === undefined ? [] : ['-ciphersuites', cs]), '--', s]);
          const got = cipherx(['expand', ...ours, ...csArgs, '--', s]);
          expect({ input: s, stdout: got.stdout, ok: got.status === 0 }).toEqual({
            input: s,
            stdout: want.stdout,
            ok: want.status === 0,
          });
        }
      });
    }
  }

  it('--ciphersuites with a custom TLS 1.3 list', () => {
    const cs = 'TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_8_SHA256';
    const want = opensslCiphers(['-V', '-ciphersuites', cs, '--', 'HIGH']);
    const got = cipherx(['expand', '-V', '--ciphersuites', cs, '--', 'HIGH']);
    expect(got.stdout).toBe(want.stdout);
  });
});

describe('cipherx expand --json is the library result', () => {
  it.each(REAL_STRINGS)('%s', (s) => {
    const got = cipherx(['expand', '--json', '--', s]);
    expect(JSON.parse(got.stdout)).toEqual(JSON.parse(JSON.stringify(expand(s))));
    expect(got.status).toBe(expand(s).ok ? 0 : 1);
  });
});

describe('exit status and messages', () => {
  it('renders an invalid command with a caret under the offending byte', () => {
    const r = cipherx(['expand', 'AES128#:AES256']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'error[invalid-command]: `#` cannot follow `AES128`: after a known word OpenSSL expects a separator (: , ; space) or an operator',
        ' --> <argv>:1:7',
        '  |',
        '1 | AES128#:AES256',
        '  |       ^',
        '',
      ].join('\n'),
    );
  });

  it('says no cipher match, after warning about the words it ignored', () => {
    const r = cipherx(['expand', 'aes128']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('warning[unknown-word]');
    expect(r.stderr).toContain('error[no-cipher-match]');
  });

  it('a rejected --ciphersuites list is its own error, pointing into that option', () => {
    const r = cipherx(['expand', '--ciphersuites', 'FOO', 'HIGH']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error[invalid-ciphersuites]');
    expect(r.stderr).toContain('--> --ciphersuites:1:1');
  });

  it.each([
    [['expand', '--target', 'boringssl'], 'needs a cipher string'],
    [['expand', 'HIGH', 'LOW'], 'takes one cipher string'],
    [['expand', '-ALL'], 'must come after `--`'],
    [['expand', '--target', 'openssl-9.9', 'HIGH'], 'unknown target'],
    [['expand', '--explain'], 'needs a cipher string'],
    [['expand', '--ciphersuites'], 'option --ciphersuites needs a value'],
    [['frobnicate'], 'unknown command'],
    [['expand', '--batch', 'HIGH'], 'standard input'],
    [['expand', '--seclevel', '7', 'HIGH'], 'one digit from 0 to 5'],
    [['expand', '--target', 'openssl-1.0.2', '--seclevel', '1', 'HIGH'], 'no security levels'],
    [
      ['expand', '--target', 'openssl-1.0.2', '--ciphersuites', 'TLS_AES_128_GCM_SHA256', 'HIGH'],
      'no configurable TLS 1.3',
    ],
    [['expand', '--target', 'openssl-1.0.2', '--stdname', 'HIGH'], 'no -stdname'],
    [['expand', '--target', 'boringssl', '-V', 'HIGH'], 'no -V'],
    [['expand', '--strict', 'HIGH'], '--strict applies to --target boringssl'],
  ])('usage error %j exits 2', (args, message) => {
    const r = cipherx(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('-- lets a string start with - or !', () => {
    expect(cipherx(['expand', '--', '-ALL:HIGH']).stdout).toBe(opensslCiphers(['--', '-ALL:HIGH']).stdout);
    expect(cipherx(['expand', '!aNULL:HIGH']).status).toBe(0);
  });

  it('--help teaches, --version tells', () => {
    const help = cipherx(['expand', '--help']);
    expect(help.status).toBe(0);
    for (const opt of ['-v', '-V', '--stdname', '--json', '--batch', '--ciphersuites', '--target', '--'])
      expect(help.stdout).toContain(opt);
    expect(cipherx(['--help']).status).toBe(0);
    expect(cipherx([]).status).toBe(2);
    expect(cipherx(['--version']).stdout).toMatch(/^cipherx \d+\.\d+\.\d+\n$/);
  });

  it('targets lists each target with its exact release', () => {
    const out = cipherx(['targets']).stdout;
    for (const want of [
      'OpenSSL 1.0.2u',
      'OpenSSL 1.1.1w',
      'OpenSSL 3.0.20',
      'OpenSSL 3.5.7',
      'OpenSSL 3.6.3',
      'OpenSSL 4.0.2',
      'android-13.0.0_r24',
      'LibreSSL 4.3.2',
      'LibreSSL 3.3.6',
      'BoringSSL a0689af29',
      'AWS-LC 5.5.0',
    ]) {
      expect(out).toContain(want);
    }
    expect(JSON.parse(cipherx(['targets', '--json']).stdout).map((t: { name: string }) => t.name)).toEqual([
      'openssl-1.0.2',
      'openssl-1.1.1',
      'openssl-3.0',
      'openssl-3.5',
      'openssl-3.6',
      'openssl-4.0',
      'libressl-4.3',
      'libressl-3.3',
      'boringssl',
      'boringssl-2026',
      'aws-lc',
    ]);
  });

  it('diff compares OpenSSL 3.0 with AWS-LC; AWS-LC takes --ciphersuites', () => {
    const d = cipherx(['diff', '--target', 'openssl-3.0', '--target', 'aws-lc', 'HIGH:!aNULL']);
    // Exit status 1: the lists differ, as diff(1) says.
    expect(d.status).toBe(1);
    expect(d.stdout).toContain('+++ aws-lc');
    const e = cipherx(['expand', '--target', 'aws-lc', '--ciphersuites', 'TLS_AES_256_GCM_SHA384', 'kRSA+AES256']);
    expect(e.stdout).toBe('TLS_AES_256_GCM_SHA384\nTLS_RSA_WITH_AES_256_GCM_SHA384\nTLS_RSA_WITH_AES_256_CBC_SHA\n');
    expect(cipherx(['expand', '--target', 'boringssl-2026', '--ciphersuites', 'X', 'ALL']).status).toBe(2);
  });

  it('OpenSSL spellings of options work: -stdname, -ciphersuites, -V -stdname', () => {
    const want = opensslCiphers(['-V', '-stdname', '-ciphersuites', '', 'AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256']);
    expect(
      cipherx(['expand', '-V', '-stdname', '-ciphersuites', '', 'AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256']).stdout,
    ).toBe(want.stdout);
  });

  it('bare cipherx prints the help to stderr and exits 2; help expand shows the expand help', () => {
    const r = cipherx([]);
    expect([r.status, r.stdout, r.stderr.includes('Usage')]).toEqual([2, '', true]);
    expect(cipherx(['help', 'expand']).stdout).toContain('--ciphersuites LIST');
  });

  it('--seclevel sets the level the string starts from', () => {
    expect(JSON.parse(cipherx(['expand', '--json', '--seclevel', '2', 'HIGH']).stdout).seclevel).toBe(2);
    expect(JSON.parse(cipherx(['expand', '--json', '--seclevel', '2', 'HIGH:@SECLEVEL=4']).stdout).seclevel).toBe(4);
  });
});

// -s against the real tool: this machine's build starts at security level 2, so cipherx is told
// so with --seclevel 2. Each protocol / PSK / SRP flag in OpenSSL's own spelling.
describe('cipherx expand -s prints what openssl ciphers -s prints', () => {
  const FLAGS = [[], ['-tls1'], ['-tls1_1'], ['-tls1_2'], ['-tls1_3'], ['-psk'], ['-srp'], ['-psk', '-srp']];
  for (const flags of FLAGS) {
    // -v once; the other flags change only which suites are printed.
    const modes = flags.length === 0 ? [[], ['-v']] : [[]];
    it(`-s ${flags.join(' ')}, on ${REAL_STRINGS.length} real strings`, () => {
      for (const mode of modes) {
        for (const s of REAL_STRINGS) {
          const want = opensslCiphers(['-s', ...mode, ...flags, '--', s]);
          const got = cipherx(['expand', '-s', '--seclevel', '2', ...mode, ...flags, '--', s]);
          expect({ input: s, flags, stdout: got.stdout, ok: got.status === 0 }).toEqual({
            input: s,
            flags,
            stdout: want.stdout,
            ok: want.status === 0,
          });
        }
      }
    });
  }

  it('the offer flags need -s, one protocol flag at a time; an empty offer is explained on stderr', () => {
    expect(cipherx(['expand', '--psk', 'ALL']).status).toBe(2);
    expect(cipherx(['expand', '-s', '--tls1', '--tls1_2', 'ALL']).status).toBe(2);
    const empty = cipherx(['expand', '-s', '--tls1', '--target', 'openssl-3.5', 'ALL']);
    expect([empty.status, empty.stdout]).toEqual([0, '\n']);
    expect(empty.stderr).toContain('no protocol version is left at security level 2');
    const json = JSON.parse(cipherx(['expand', '-s', '--json', 'AES128-SHA:@SECLEVEL=3']).stdout);
    expect(json.supported.dropped).toEqual([{ suite: 'AES128-SHA', reason: 'no-forward-secrecy' }]);
  });

  it('--batch -s: one offer per line', () => {
    const r = cipherx(
      ['expand', '--batch', '-s', '--tls1_2'],
      'AES128-SHA:PSK-AES128-CBC-SHA\nECDHE-RSA-AES128-GCM-SHA256\n',
    );
    expect(r.stdout).toBe('AES128-SHA\nECDHE-RSA-AES128-GCM-SHA256\n');
  });
});

describe('other targets', () => {
  it('boringssl prints groups in brackets, as bssl ciphers does', () => {
    const r = cipherx(['expand', '--target', 'boringssl', '[AES128-SHA|AES256-SHA]:AES128-GCM-SHA256']);
    expect(r.stdout).toBe(
      '[\n  TLS_RSA_WITH_AES_128_CBC_SHA\n  TLS_RSA_WITH_AES_256_CBC_SHA\n]\nTLS_RSA_WITH_AES_128_GCM_SHA256\n',
    );
    expect(cipherx(['expand', '--target', 'boringssl', '--openssl-name', 'AES128-SHA']).stdout).toBe('AES128-SHA\n');
  });

  it('boringssl --strict rejects unknown words', () => {
    expect(cipherx(['expand', '--target', 'boringssl', 'FOO:AES128-SHA']).status).toBe(0);
    expect(cipherx(['expand', '--target', 'boringssl', '--strict', 'FOO:AES128-SHA']).status).toBe(1);
  });

  it('--json carries the group flags', () => {
    const r = JSON.parse(cipherx(['expand', '--target', 'boringssl', '--json', '[AES128-SHA|AES256-SHA]']).stdout);
    expect(r.ciphers.map((c: { inGroupWithNext: boolean }) => c.inGroupWithNext)).toEqual([true, false]);
  });

  it('1.0.2 and 1.1.1 print -v in their narrower layout', () => {
    expect(cipherx(['expand', '--target', 'openssl-1.0.2', '-v', 'AES128-SHA']).stdout).toBe(
      'AES128-SHA              SSLv3 Kx=RSA      Au=RSA  Enc=AES(128)  Mac=SHA1\n',
    );
  });
});

describe('--batch', () => {
  const lines = ['HIGH:!aNULL', 'AES#', 'DEFAULT', 'FOO', '-ALL:AES128-SHA', ''];

  it('one line per input, in order; exit 1 when any input is rejected', () => {
    const r = cipherx(['expand', '--batch', '--ciphersuites', ''], lines.join('\n') + '\n');
    const out = r.stdout.split('\n');
    expect(out.length).toBe(lines.length + 1);
    lines.forEach((s, i) => {
      const want = expand(s, { ciphersuites: '' });
      if (want.ok) expect(out[i]).toBe(want.ciphers.map((c) => c.name).join(':'));
      else expect(out[i]).toMatch(new RegExp(`^error\\[${want.error!.code}\\]`));
    });
    expect(r.status).toBe(1);
  });

  it('exit 0 when every input is accepted; a last line without newline counts', () => {
    const r = cipherx(['expand', '--batch'], 'HIGH\nDEFAULT');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').length).toBe(3);
  });

  it('--json: one library object per line', () => {
    const r = cipherx(['expand', '--batch', '--json'], lines.join('\n') + '\n');
    const objs = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(objs).toEqual(lines.map((s) => JSON.parse(JSON.stringify(expand(s)))));
  });

  it('-v: one block per input, separated by a blank line', () => {
    const r = cipherx(['expand', '--batch', '-v', '--ciphersuites', ''], 'AES128-SHA\nAES256-SHA:AES128-SHA\n');
    expect(r.stdout).toBe(
      opensslCiphers(['-v', '-ciphersuites', '', 'AES128-SHA']).stdout +
        '\n' +
        opensslCiphers(['-v', '-ciphersuites', '', 'AES256-SHA:AES128-SHA']).stdout,
    );
  });

  it('a CRLF line ending is dropped; a lone carriage return stays part of the string', () => {
    const r = cipherx(['expand', '--batch', '--ciphersuites', ''], 'AES128-SHA\r\nAES128-SHA\rAES256-SHA\n');
    const out = r.stdout.split('\n');
    expect(out[0]).toBe('AES128-SHA');
    expect(out[1]).toMatch(/^error\[invalid-command\]/);
    expect(out.length).toBe(3);
  });

  it('stops quietly when the reader goes away', () => {
    const many = 'HIGH\n'.repeat(50000);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" expand --batch -v | head -n 1`], {
      input: many,
      encoding: 'utf8',
    });
    expect(r.stdout.split('\n').length).toBe(2);
    expect(r.stderr).toBe('');
  });

  it('streams 100,000 lines in order', () => {
    const many = Array.from({ length: 100000 }, (_, i) =>
      i % 3 === 0 ? 'HIGH:!aNULL' : i % 3 === 1 ? 'FOO' : 'AES128-SHA',
    ).join('\n');
    const r = cipherx(['expand', '--batch', '--ciphersuites', ''], many);
    const out = r.stdout.split('\n');
    expect(out.length).toBe(100001);
    expect(out[1]).toMatch(/^error\[no-cipher-match\]/);
    expect(out[99998]).toBe('AES128-SHA');
  });
});

describe('lint, explain and diff commands', () => {
  it('lint renders findings with carets, notes and a summary (exact text, once)', () => {
    const r = cipherx([
      'lint',
      '--ciphersuites',
      '',
      '--ignore',
      'sha1-mac',
      '--ignore',
      'cbc-mode',
      '--ignore',
      'no-forward-secrecy',
      'AES128-SHA:!aNULL:-aNULL',
    ]);
    expect(r.stdout).toBe(
      [
        'warning[dead-term]: `!aNULL` does nothing: it removes only suites that are not in the list, and no later element adds them',
        ' --> <argv>:1:12',
        '  |',
        '1 | AES128-SHA:!aNULL:-aNULL',
        '  |            ^^^^^^',
        'warning[dead-term]: `-aNULL` does nothing: every suite it matches was removed for good before by `!aNULL`',
        ' --> <argv>:1:19',
        '  |',
        '1 | AES128-SHA:!aNULL:-aNULL',
        '  |                   ^^^^^^',
        '  = note: `!aNULL` removed them for good',
        ' --> <argv>:1:12',
        '  |',
        '1 | AES128-SHA:!aNULL:-aNULL',
        '  |            ^^^^^^',
        'openssl-3.0: accepted, 1 suites; worst suite offered: weak, first preference: weak; 0 errors, 2 warnings, 0 notes',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
  });

  it('a rejected --ciphersuites list: lint, explain and expand --explain report it (exit 1, no internal error)', () => {
    const lintRun = cipherx(['lint', '--ciphersuites', 'FOO', 'HIGH']);
    expect([lintRun.status, lintRun.stderr]).toEqual([1, '']);
    expect(lintRun.stdout).toMatch(/^error\[invalid-ciphersuites\]: .*\n --> --ciphersuites:1:1\n/);
    const want = 'The call fails before the string is read: invalid-ciphersuites (';
    for (const args of [
      ['explain', '--ciphersuites', 'FOO', 'HIGH'],
      ['expand', '--explain', '--ciphersuites', 'FOO', 'HIGH'],
    ]) {
      const r = cipherx(args);
      expect([r.status, r.stderr, r.stdout.startsWith(want)]).toEqual([1, '', true]);
    }
  });

  it('lint lists 100 findings and says how many more there were', () => {
    const r = cipherx(['lint', '--ciphersuites', '', `HIGH${':-aNULL'.repeat(300)}`]);
    const lines = r.stdout.trimEnd().split('\n');
    // A finding without a span points at where the string starts.
    expect(lines.slice(-3)).toEqual([
      'info[too-many-diagnostics]: 208 more findings not listed (lint lists the 100 most severe, the earliest first)',
      ' --> <argv>:1:1',
      'openssl-3.0: accepted, 125 suites; worst suite offered: weak, first preference: recommended; 0 errors, 100 warnings, 0 notes; 208 more not listed',
    ]);
  });

  it('lint --fail-on warning exits 1 on a warning; a rejected string is an error', () => {
    expect(cipherx(['lint', '--fail-on', 'warning', 'HIGH:!aNULL:-aNULL']).status).toBe(1);
    expect(cipherx(['lint', 'AES#']).status).toBe(1);
    expect(cipherx(['lint', '--fail-on', 'fatal', 'HIGH']).status).toBe(2);
  });

  it('lint --json carries the findings and the ratings', () => {
    const r = JSON.parse(cipherx(['lint', '--json', 'HIGH:!aNULL:-aNULL']).stdout);
    expect(r.diagnostics.map((d: { code: string }) => d.code)).toContain('dead-term');
    expect(r.security.summary.rating).toBe('weak');
  });

  it('explain answers why a suite is there or not; expand --explain prints the trace', () => {
    expect(cipherx(['explain', 'HIGH:!AES128-SHA', 'AES128-SHA']).stdout).toBe(
      'AES128-SHA is not there: #2 `!AES128-SHA` removed it from the list for good; nothing can add it again.\n',
    );
    expect(cipherx(['expand', '--explain', 'AES128-SHA']).stdout).toContain('added by #1 AES128-SHA');
  });

  it('boringssl: explain and expand --explain print the trace, groups with their items', () => {
    const input = 'kRSA:[AES128-SHA|ECDHE-RSA-AES128-GCM-SHA256]:ECDHE+AESGCM';
    const r = cipherx(['explain', '--target', 'boringssl', input]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 6)).toEqual([
      'Elements, in the order BoringSSL applies them:',
      '  1  kRSA                                      added 5 suites',
      '  2  [AES128-SHA|ECDHE-RSA-AES128-GCM-SHA256]  added 1 suite (a group of one: no equal preference)',
      '     | AES128-SHA                              nothing: every suite it matches is already in the list',
      '     | ECDHE-RSA-AES128-GCM-SHA256             added 1 suite',
      '  3  ECDHE+AESGCM                              added 3 suites',
    ]);
    expect(cipherx(['expand', '--explain', '--target', 'boringssl', input]).stdout).toBe(r.stdout);
    // The suite answer, and strict mode passed through (FOO fails the call).
    expect(cipherx(['explain', '--target', 'boringssl', 'ALL:!kRSA', 'AES128-SHA']).stdout).toBe(
      'AES128-SHA is not there: #2 `!kRSA` removed it from the list for good; nothing can add it again.\n',
    );
    const strict = cipherx(['expand', '--explain', '--target', 'boringssl', '--strict', 'ALL:FOO']);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('  2  FOO       not a suite or alias: strict mode rejects the string here');
  });

  it('boringssl: lint names the element-level findings; --strict makes an unknown word the error', () => {
    const dead = cipherx(['lint', '--json', '--target', 'boringssl', 'ALL:!kRSA:-kRSA']);
    expect(JSON.parse(dead.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain('dead-term');
    const strict = JSON.parse(cipherx(['lint', '--json', '--target', 'boringssl', '--strict', 'ALL:FOO']).stdout);
    expect(strict.diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity])).toContainEqual([
      'invalid-command',
      'error',
    ]);
  });

  it('lint and explain: --strict is boringssl only; --ciphersuites needs a TLS 1.3 list', () => {
    expect(cipherx(['explain', '--strict', 'HIGH']).status).toBe(2);
    expect(cipherx(['lint', '--strict', 'HIGH']).status).toBe(2);
    const r = cipherx(['explain', '--target', 'boringssl', '--ciphersuites', 'TLS_AES_128_GCM_SHA256', 'ALL']);
    expect([r.status, r.stderr]).toEqual([
      2,
      'cipherx: boringssl has no configurable TLS 1.3 list: --ciphersuites does not apply (see cipherx explain --help)\n',
    ]);
    expect(
      cipherx(['lint', '--target', 'openssl-1.0.2', '--ciphersuites', 'TLS_AES_128_GCM_SHA256', 'ALL']).status,
    ).toBe(2);
    // An empty list means none, on every target.
    expect(cipherx(['lint', '--target', 'boringssl', '--ciphersuites', '', 'ALL']).status).toBe(0);
  });

  it('diff is routed: one string on two releases', () => {
    const r = cipherx(['diff', '--target', 'openssl-3.0', '--target', 'openssl-3.5', 'AESCCM8+HIGH:AES128-SHA']);
    expect(r.stdout).toContain('- ECDHE-ECDSA-AES256-CCM8');
    expect(r.status).toBe(1);
    expect(cipherx(['help', 'diff']).stdout).toContain('Usage: cipherx diff');
  });
});

describe('cipherx negotiate', () => {
  it('prints the simulated handshake (rendered once, exactly)', () => {
    const r = cipherx([
      'negotiate',
      '--target',
      'openssl-1.1.1',
      '--peer',
      'windows-server-2012-r2',
      'ECDHE+AESGCM:ECDHE+AES',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        'openssl-1.1.1 (client)  <->  Windows Server 2012 R2 (Schannel) (server)',
        '  protocols  ours: TLSv1.3 TLSv1.2 TLSv1.1 TLSv1; theirs: TLSv1.2 TLSv1.1 TLSv1 SSLv3',
        '  protocol   TLSv1.2',
        '  suite      ECDHE-RSA-AES256-SHA384  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
        '             Kx=ECDH Au=RSA Enc=AES(256) Mac=SHA384',
        "  chosen by  the server's order (the server is theirs); 4 usable by both",
        '  next       ECDHE-RSA-AES128-SHA256, ECDHE-RSA-AES256-SHA, ECDHE-RSA-AES128-SHA',
        '  result     the handshake completes',
        '',
        'hazards:',
        '  info      [f5-clienthello-255-511] ClientHello between 256 and 511 bytes hangs some TLS terminators',
        '',
      ].join('\n'),
    );
  });

  it('--json is the library object; a failing handshake exits 1', () => {
    const args = ['--target', 'openssl-3.0', '--peer', 'exchange-2013-smtp-pre-cu8', 'HIGH:!aNULL'];
    const r = cipherx(['negotiate', '--json', ...args]);
    expect(r.status).toBe(1);
    const n = negotiate({ local: 'HIGH:!aNULL', target: 'openssl-3.0', peer: 'exchange-2013-smtp-pre-cu8' });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(n)));
  });

  it('--all-peers: one row per profile that can be the server', () => {
    const r = cipherx(['negotiate', '--all-peers', '--target', 'openssl-3.5', 'DEFAULT']);
    const rows = r.stdout.trim().split('\n').slice(1);
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(
      peers()
        .filter((p) => p.roles.includes('server'))
        .map((p) => p.id),
    );
    expect(r.status).toBe(rows.some((l) => l.includes('FAILS')) ? 1 : 0);
  });

  it('--peer-file reads PowerShell output; unknown lines are named with their line number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cipherx-peer-'));
    const file = join(dir, 'exchange.txt');
    writeFileSync(file, 'Name\n----\nTLS_RSA_WITH_AES_256_CBC_SHA\nBOGUS_SUITE\n');
    const r = cipherx(['negotiate', '--peer-file', file, '--peer-protocols', 'TLSv1.2', 'kRSA+AES:@SECLEVEL=1']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('suite      AES256-SHA  TLS_RSA_WITH_AES_256_CBC_SHA');
    expect(r.stderr).toBe(`${file}:4: warning: \`BOGUS_SUITE\` is not a suite name cipherx knows: left out\n`);
  });

  it('--peer-file in UTF-16, as Windows PowerShell 5.1 writes it with >', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cipherx-peer-'));
    const file = join(dir, 'ps51.txt');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('\r\nName\r\n----\r\nTLS_RSA_WITH_AES_256_CBC_SHA\r\n', 'utf16le'),
      ]),
    );
    const r = cipherx(['negotiate', '--peer-file', file, '--peer-protocols', 'TLSv1.2', 'kRSA+AES']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('suite      AES256-SHA  TLS_RSA_WITH_AES_256_CBC_SHA');
    const missing = cipherx(['negotiate', '--peer-file', join(dir, 'nope.txt'), 'DEFAULT']);
    expect([missing.status, missing.stderr]).toEqual([
      2,
      `cipherx: cannot read --peer-file ${join(dir, 'nope.txt')}: no such file\n`,
    ]);
  });

  it('usage errors: no peer, two peers, options that need --role server, an unknown peer', () => {
    expect(cipherx(['negotiate', 'DEFAULT']).status).toBe(2);
    expect(cipherx(['negotiate', '--peer', 'java-17', '--all-peers', 'DEFAULT']).status).toBe(2);
    expect(cipherx(['negotiate', '--peer', 'java-17', '--cert', 'ECDSA', 'DEFAULT']).stderr).toContain('--role server');
    const unknown = cipherx(['negotiate', '--peer', 'windows-3.11', 'DEFAULT']);
    expect([unknown.status, unknown.stderr.includes('known: android-10')]).toEqual([2, true]);
  });

  it("a peer file's name and its name setting reach the terminal with control characters escaped", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cipherx-peer-'));
    const file = join(dir, 'mail\u001b[31m.txt');
    writeFileSync(file, 'TLS_RSA_WITH_AES_256_CBC_SHA\nBOGUS\u001b[2J\n');
    const r = cipherx(['negotiate', '--peer-file', file, '--peer-protocols', 'TLSv1.2', 'kRSA+AES']);
    expect(r.stdout.split('\n')[0]).toBe('openssl-3.0 (client)  <->  mail\\u{1b}[31m.txt (server)');
    expect(r.stderr).toBe(
      `${join(dir, 'mail\\u{1b}[31m.txt')}:2: warning: \`BOGUS\\u001b[2J\` is not a suite name cipherx knows: left out\n`,
    );
    writeFileSync(file, 'name: Mail\u009b2J server\nTLS_RSA_WITH_AES_256_CBC_SHA\n');
    const named = cipherx(['negotiate', '--peer-file', file, '--peer-protocols', 'TLSv1.2', 'kRSA+AES']);
    expect(named.stdout.split('\n')[0]).toBe('openssl-3.0 (client)  <->  Mail\\u{9b}2J server (server)');
  });

  it('--list-peers names every profile with its sources', () => {
    const r = cipherx(['negotiate', '--list-peers']);
    for (const p of peers()) expect(r.stdout).toContain(p.id);
    expect(r.stdout).toContain('https://');
  });
});
