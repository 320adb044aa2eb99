import { describe, expect, it } from 'vitest';
import { expand } from '../src/index.js';
import { cipherx, opensslCiphers } from './helpers/cli.js';

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
    [['expand'], 'needs a cipher string'],
    [['expand', 'HIGH', 'LOW'], 'takes one cipher string'],
    [['expand', '-ALL'], 'must come after `--`'],
    [['expand', '--target', 'openssl-9.9', 'HIGH'], 'unknown target'],
    [['expand', '-v', '-V', 'HIGH'], '-v cannot be combined'],
    [['expand', '--ciphersuites'], 'argument missing'],
    [['frobnicate'], 'unknown command'],
    [['expand', '--batch', 'HIGH'], 'standard input'],
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
    expect(cipherx(['targets']).stdout).toContain('openssl-3.0');
    expect(cipherx(['targets']).stdout).toContain('OpenSSL 3.0.20');
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
