import { describe, expect, it } from 'vitest';
import { convertNames } from '../src/index.js';
import { findLibrary } from '../src/library/registry.js';
import { opensslTable } from '../src/library/tables.js';
import { cipherx, opensslCiphers } from './helpers/cli.js';

// What the CLI accepts as `openssl ciphers` does, and how it reads what it is given: each case
// is compared with this machine's openssl (3.0) where openssl has the same thing.

describe('the spellings and defaults of openssl ciphers', () => {
  // Each row: cipherx's arguments, then openssl's. Output and exit status must be identical.
  const SAME: Array<[string[], string[]]> = [
    [['expand'], []], // no string: what a fresh context holds
    [['expand', '-v'], ['-v']],
    [['expand', '-V'], ['-V']],
    [['expand', '-stdname'], ['-stdname']],
    [['expand', '-s'], ['-s']],
    [
      ['expand', '-v', '-V', 'HIGH'],
      ['-v', '-V', 'HIGH'],
    ], // -V implies -v
    [
      ['expand', '-v', '-stdname', 'HIGH'],
      ['-v', '-stdname', 'HIGH'],
    ], // -stdname implies -v
    [
      ['expand', '-V', '-stdname', 'AES'],
      ['-V', '-stdname', 'AES'],
    ],
    [
      ['expand', '-ciphersuites=TLS_AES_128_GCM_SHA256', '-v', 'HIGH'],
      ['-ciphersuites=TLS_AES_128_GCM_SHA256', '-v', 'HIGH'],
    ],
    [
      ['expand', '-ciphersuites', 'TLS_AES_128_GCM_SHA256', 'HIGH'],
      ['-ciphersuites', 'TLS_AES_128_GCM_SHA256', 'HIGH'],
    ],
  ];
  it.each(SAME)('cipherx %j = openssl ciphers %j', (ours, theirs) => {
    const a = cipherx(ours);
    const b = opensslCiphers(theirs);
    expect(a.stdout).toBe(b.stdout);
    expect(a.status).toBe(b.status);
  });
  // Proves -help is the help, as openssl's -help is its.
  it('-help', () => {
    const r = cipherx(['expand', '-help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: cipherx expand/);
  });
  // Proves a library whose tool needs a string says so, rather than guessing a default.
  it('bssl ciphers needs a string', () => {
    const r = cipherx(['expand', '--target', 'boringssl']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/needs a cipher string/);
  });
});

describe('cipherx convert', () => {
  const lib = findLibrary('openssl-3.0')!;
  const d = opensslTable(lib).data;
  const iana = [...d.tls13Suites, ...d.suites, ...d.scsvs].map((s) => s.stdname!).filter(Boolean);
  // Proves every IANA name of the build converts as openssl ciphers -convert converts it
  // (suites whose algorithms are unavailable, TLS 1.3 suites and SCSVs included), and that
  // names the build does not know give (NONE) on both sides.
  it('agrees with openssl ciphers -convert on every IANA name of the build, and on unknown names', () => {
    const names = [...iana, 'TLS_RSA_WITH_RC4_128_SHA', 'TLS_DH_RSA_WITH_AES_128_CBC_SHA', 'FOO', 'AES128-SHA'];
    const ours = convertNames(names, { target: 'openssl-3.0' });
    for (const [i, name] of names.entries()) {
      const theirs = opensslCiphers(['-convert', name]).stdout.trim();
      const mine = ours[i]!.openssl === null || name !== ours[i]!.iana ? '(NONE)' : ours[i]!.openssl;
      expect(`OpenSSL cipher name: ${mine}`, name).toBe(theirs);
    }
  });
  // Proves the other direction and the list form: OpenSSL names give IANA names, a list stays a list.
  it('OpenSSL names to IANA names, lists, unknown names', () => {
    const r = cipherx(['convert', 'AES128-SHA:TLS_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA', 'FOO']);
    expect(r.stdout).toBe('TLS_RSA_WITH_AES_128_CBC_SHA:TLS_AES_128_GCM_SHA256\nAES256-SHA\n(NONE)\n');
    expect(r.stderr).toBe('cipherx: warning: openssl-3.0 has no suite named "FOO"\n');
    expect(r.status).toBe(1);
  });
  // Proves an empty argument is a name no suite has, as `openssl ciphers -convert ''` says: it
  // printed an empty line and exited 0.
  it('an empty name', () => {
    expect(opensslCiphers(['-convert', '']).stdout).toBe('OpenSSL cipher name: (NONE)\n');
    const r = cipherx(['convert', '', 'AES128-SHA']);
    expect(r.stdout).toBe('(NONE)\nTLS_RSA_WITH_AES_128_CBC_SHA\n');
    expect(r.stderr).toBe('cipherx: warning: openssl-3.0 has no suite named ""\n');
    expect(r.status).toBe(1);
  });
});

describe('--batch reads lines as a C caller would get them', () => {
  // Proves a CR that ends the input (no LF after it) stays part of the string, as openssl keeps
  // it: AES128-SHA followed by a carriage return is an invalid command there.
  it('a final CR without LF is part of the string', () => {
    expect(opensslCiphers(['AES128-SHA\r']).status).not.toBe(0);
    const r = cipherx(['expand', '--batch'], 'AES128-SHA\r');
    expect(r.stdout).toMatch(/^error\[invalid-command\]/);
    expect(r.status).toBe(1);
    // A CR before an LF is a Windows line end: dropped.
    expect(cipherx(['expand', '--batch', '--ciphersuites', ''], 'AES128-SHA\r\n').stdout).toBe('AES128-SHA\n');
  });
  // Proves a line over the documented maximum is not kept whole: an error line stands in its
  // place, the lines after it are answered, and the exit status says something failed.
  it('a line over the maximum is refused in its place', () => {
    const input = `AES128-SHA\n${'A'.repeat((1 << 20) + 1)}\nAES256-SHA\n`;
    const r = cipherx(['expand', '--batch', '--ciphersuites', ''], input);
    expect(r.stdout.split('\n')).toEqual([
      'AES128-SHA',
      'error[line-too-long]: line 2 has 1048577 characters; --batch reads lines of at most 1048576',
      'AES256-SHA',
      '',
    ]);
    expect(r.status).toBe(1);
    const lint = cipherx(['lint', '--batch', '--json'], input);
    expect(lint.stdout.split('\n')[1]).toContain('"code":"line-too-long"');
    // In JSON the message is the message alone, as for every other diagnostic (no `error[code]: ` before it).
    expect(JSON.parse(lint.stdout.split('\n')[1]!).diagnostics[0].message).toBe(
      'line 2 has 1048577 characters; --batch reads lines of at most 1048576',
    );
    const json = cipherx(['expand', '--batch', '--json', '--ciphersuites', ''], input);
    expect(JSON.parse(json.stdout.split('\n')[1]!).error).toEqual({
      code: 'line-too-long',
      message: 'line 2 has 1048577 characters; --batch reads lines of at most 1048576',
    });
    const lintText = cipherx(['lint', '--batch'], input);
    expect(lintText.stdout).toContain(
      'error[line-too-long]: line 2 has 1048577 characters; --batch reads lines of at most 1048576\n',
    );
    expect(lint.status).toBe(1);
  });
  // Proves a line split across many chunks is put together again (the reader keeps pieces).
  it('lines across chunk boundaries', () => {
    const many = Array.from({ length: 20000 }, (_, i) => (i % 2 ? 'AES128-SHA' : 'AES256-SHA')).join('\n');
    const r = cipherx(['expand', '--batch', '--ciphersuites', ''], many);
    expect(r.stdout.split('\n').length).toBe(20001);
    expect(r.status).toBe(0);
  });
});

describe('files given on the command line are read up to a limit', () => {
  // Proves a file that never ends (/dev/zero) is refused at the documented size, not read forever.
  it('--peer-file /dev/zero', () => {
    const r = cipherx(['negotiate', '--peer-file', '/dev/zero', 'ALL']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cipherx: --peer-file /dev/zero is larger than 4194304 bytes; cipherx reads at most that\n');
  });
});

describe('did you mean, for what the CLI is given', () => {
  // Each row: the arguments, and the text the usage error must contain.
  it.each([
    [['expnad', 'HIGH'], 'unknown command "expnad" (did you mean `expand`?)'],
    [['help', 'lnit'], 'no help on "lnit" (did you mean `lint`?)'],
    [['expand', '--target', 'boringsl', 'HIGH'], 'unknown target "boringsl" (did you mean `boringssl`?)'],
    [['expand', '--target', 'openssl-3.1', 'HIGH'], 'unknown target "openssl-3.1"; known targets:'],
  ])('cipherx %j', (args, message) => {
    const r = cipherx(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('every command teaches its options', () => {
  // Proves each command's help lists -h, and the top-level help names every command.
  it.each(['expand', 'lint', 'explain', 'diff', 'negotiate', 'convert', 'targets'])('%s', (command) => {
    const help = cipherx(['help', command]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('-h, --help');
    expect(cipherx([command, '-h']).stdout).toBe(help.stdout);
    expect(cipherx(['--help']).stdout).toContain(`cipherx ${command} `);
  });
  it('the top-level help shows every way to name a peer', () => {
    expect(cipherx(['--help']).stdout).toContain('--peer ID | --peer-file FILE | --all-peers');
  });
});

describe('--batch says what OpenSSL did silently, at the line it came from', () => {
  // Proves expand --batch reports warnings on standard error with <stdin>:LINE:COL, and keeps
  // standard output as openssl prints it.
  it('expand --batch', () => {
    const r = cipherx(['expand', '--batch', '--ciphersuites', ''], 'AES128-SHA\n\nAES128-SHA:FOO\n');
    expect(r.stdout).toBe(
      'AES128-SHA\nerror[no-cipher-match]: no cipher match: the string selects no TLS 1.2-or-below suite\nAES128-SHA\n',
    );
    expect(r.stderr).toContain(' --> <stdin>:3:12\n');
    expect(r.stderr).toContain('3 | AES128-SHA:FOO\n');
  });
  // Proves lint --batch labels each finding with its own line, not <argv>:1.
  it('lint --batch', () => {
    const r = cipherx(['lint', '--batch', '--ciphersuites', ''], 'HIGH\nAES128:FOO\n');
    expect(r.stdout).toContain(' --> <stdin>:2:8\n');
    expect(r.stdout).not.toContain('<argv>');
  });
});

describe('lint --fail-on and --ignore take only what exists', () => {
  // Each row: the arguments, and the usage error. An inherited property name is no level or code.
  it.each([
    [['lint', '--fail-on', 'toString', 'HIGH'], '--fail-on takes error, warning, info or never'],
    [['lint', '--ignore', 'constructor', 'HIGH'], '--ignore "constructor" is no diagnostic code'],
    [['lint', '--ignore', 'unknown-wrod', 'HIGH'], 'did you mean `unknown-word`?'],
  ])('cipherx %j', (args, message) => {
    const r = cipherx(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
  it('a known code is ignored', () => {
    const r = cipherx([
      'lint',
      '--ignore',
      'unknown-word',
      '--fail-on',
      'warning',
      '--ciphersuites',
      '',
      'AES128-SHA:FOO',
    ]);
    expect(r.stdout).not.toContain('unknown-word');
  });
});

describe('what a newcomer found', () => {
  // Proves explain answers for a TLS 1.3 suite of a BoringSSL-family library whose TLS 1.3 list
  // is configured (AWS-LC), where its tool prints no protocol column (it crashed before).
  it('explain --target aws-lc HIGH TLS_AES_128_GCM_SHA256', () => {
    const r = cipherx(['explain', '--target', 'aws-lc', 'HIGH', 'TLS_AES_128_GCM_SHA256']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('a TLS 1.3 suite, from the ciphersuites list');
  });
  // Proves `cipherx help help` is the help, and LibreSSL's messages name LibreSSL.
  it('help help; LibreSSL says LibreSSL', () => {
    expect(cipherx(['help', 'help']).stdout).toBe(cipherx(['--help']).stdout);
    const r = cipherx(['expand', '--target', 'libressl-4.3', 'HIGH:FOO']);
    expect(r.stderr).toContain('LibreSSL ignores it');
  });
});

describe("how a command was called wrongly, in the CLI's own words", () => {
  // Each row: the arguments, then what standard error must say (exit status 2, no Node wording).
  it.each([
    [['targets', '--bogus'], 'cipherx: unknown option --bogus (see cipherx targets --help)\n'],
    [['targets', 'openssl-3.0'], 'cipherx: targets takes no operand, not "openssl-3.0" (see cipherx targets --help)\n'],
    [['expand', '--target'], 'cipherx: option --target needs a value (see cipherx expand --help)\n'],
    [['lint', '--json=yes', 'HIGH'], 'cipherx: option --json takes no value (see cipherx lint --help)\n'],
    [
      ['expand', '--target', '--json', 'HIGH'],
      'cipherx: option --target needs a value, and is followed by another option (see cipherx expand --help); a value that starts with `-` is written --target=-VALUE\n',
    ],
    // Commands that take no cipher string are not told to put one after `--`.
    [['scan', '--bogus'], 'cipherx: unknown option --bogus (see cipherx scan --help)\n'],
    [['suggest', '--bogus'], 'cipherx: unknown option --bogus (see cipherx suggest --help)\n'],
    [['convert', '--bogus'], 'cipherx: unknown option --bogus (see cipherx convert --help)\n'],
    // An option that takes one value, given twice, is refused (parseArgs would keep the last).
    [
      ['expand', '--target', 'openssl-1.0.2', '--target', 'openssl-3.0', 'HIGH'],
      'cipherx: option --target is given twice ("openssl-1.0.2", then "openssl-3.0"); it takes one value (see cipherx expand --help)\n',
    ],
    [
      ['negotiate', '--peer', 'java-8', '--peer', 'java-17', 'HIGH'],
      'cipherx: option --peer is given twice ("java-8", then "java-17"); it takes one value (see cipherx negotiate --help)\n',
    ],
    [
      ['expand', '--batch', '--explain'],
      'cipherx: --explain explains one string; run cipherx explain on the string rather than --batch (see cipherx expand --help)\n',
    ],
    // A command's own checks point at its help too; an option typed as short flags is named as typed.
    [
      ['expand', '--seclevel', '9', 'HIGH'],
      'cipherx: --seclevel takes one digit from 0 to 5 (see cipherx expand --help)\n',
    ],
    [
      ['expand', '-ALL'],
      "cipherx: unknown option -ALL (see cipherx expand --help); a cipher string that starts with `-` must come after `--`: cipherx expand -- '-ALL:HIGH'\n",
    ],
    [['explain', 'ALL', ''], 'cipherx: the suite name is empty (see cipherx explain --help)\n'],
  ])('cipherx %j', (args, message) => {
    const r = cipherx(args);
    expect(r.stderr).toBe(message);
    expect(r.status).toBe(2);
  });

  it("OpenSSL's -help is the help on every command, and only an option before `--`", () => {
    for (const command of ['lint', 'scan', 'suggest', 'targets', 'negotiate']) {
      const r = cipherx([command, '-help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(cipherx([command, '--help']).stdout);
    }
    const r = cipherx(['lint', '--', '-help']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('`help` is not a cipher or alias');
  });

  it('a --target repeated where several are taken is still taken', () => {
    const r = cipherx([
      'check',
      '--policy',
      'mozilla-modern',
      '--target',
      'openssl-3.0',
      '--target',
      'openssl-3.5',
      'HIGH',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('on 2 of 2 targets');
  });

  it('explain exits 1 when the target rejects the string, with a suite too', () => {
    expect(cipherx(['explain', 'FOO(', 'AES128-SHA']).status).toBe(1);
    expect(cipherx(['explain', 'HIGH', 'NOTASUITE']).status).toBe(0);
  });

  it('-help, help --help, help -help and help -h are the help', () => {
    expect(cipherx(['-help']).stdout).toBe(cipherx(['--help']).stdout);
    for (const flag of ['--help', '-help', '-h']) {
      const r = cipherx(['help', flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(cipherx(['--help']).stdout);
    }
  });
});
