import { describe, expect, it } from 'vitest';
import {
  expand,
  lint,
  locateInSource,
  renderProblem,
  type DiagnosticSources,
  type RenderedProblem,
  type SourceText,
} from '../src/index.js';

// Diagnostics rendered at their real place: a cipher string found inside a larger text (a
// configuration file) is evaluated alone; its spans are offsets into it, and a source says
// where it starts in the text, under which name.

const NGINX = [
  'server {',
  '    listen 443 ssl;',
  '\tssl_ciphers  AES128-SHA:!aNULL:-aNULL;', // a tab, then the string at column 15
  '    ssl_conf_command Ciphersuites TLS_AES_128_GCM_SHA256:FOO;',
  '}',
  '',
].join('\n');
const NGINX_STRING = 'AES128-SHA:!aNULL:-aNULL';
const NGINX_SUITES = 'TLS_AES_128_GCM_SHA256:FOO';

const POSTFIX_CRLF = '# main.cf\r\nsmtpd_tls_mandatory_ciphers = high\r\ntls_high_cipherlist = AES128-SHA:FOO\r\n';

// A string that goes on over a line break, as a file can hold it.
const HTTPD = [
  ...Array.from({ length: 8 }, (_, i) => `# line ${i + 1}`),
  'SSLCipherSuite "AES128-SHA:!aNULL',
  '    :-aNULL"',
  '',
].join('\n');
const HTTPD_STRING = 'AES128-SHA:!aNULL\n    :-aNULL';

const lintOf = (input: string, ciphersuites: string) =>
  lint(input, { ciphersuites, ignore: ['sha1-mac', 'cbc-mode', 'no-forward-secrecy'] });
const find = (input: string, ciphersuites: string, code: string) =>
  lintOf(input, ciphersuites).diagnostics.find((d) => d.code === code)!;

const CASES: Array<[string, () => RenderedProblem, DiagnosticSources, string[]]> = [
  [
    'a string at line 3, column 15 of a config text (after a tab), with a related note',
    () => lintOf(NGINX_STRING, '').diagnostics[1]!,
    { 'cipher-list': { name: 'nginx.conf', text: NGINX, start: { line: 3, column: 15 } } },
    [
      'warning[dead-term]: `-aNULL` does nothing: every suite it matches was removed for good before by `!aNULL`',
      ' --> nginx.conf:3:33',
      '  |',
      '3 | →ssl_ciphers  AES128-SHA:!aNULL:-aNULL;',
      '  |                                 ^^^^^^',
      '  = note: `!aNULL` removed them for good',
      ' --> nginx.conf:3:26',
      '  |',
      '3 | →ssl_ciphers  AES128-SHA:!aNULL:-aNULL;',
      '  |                          ^^^^^^',
      '',
    ],
  ],
  [
    'a CRLF file: the line shown without its carriage return',
    () => find('AES128-SHA:FOO', '', 'unknown-word'),
    { 'cipher-list': { name: 'main.cf', text: POSTFIX_CRLF, start: { line: 3, column: 23 } } },
    [
      'warning[unknown-word]: `FOO` is not a cipher or alias in openssl-3.0; OpenSSL ignores it and the rest of its element',
      ' --> main.cf:3:34',
      '  |',
      '3 | tls_high_cipherlist = AES128-SHA:FOO',
      '  |                                  ^^^',
      '',
    ],
  ],
  [
    'a related note on another line: each with its own excerpt, one gutter width',
    () => ({
      severity: 'warning',
      code: 'dead-term',
      message: '`-aNULL` does nothing',
      span: { start: HTTPD_STRING.indexOf('-aNULL'), end: HTTPD_STRING.indexOf('-aNULL') + 6 },
      related: [{ span: { start: 11, end: 17 }, message: '`!aNULL` removed them for good' }],
      fix: { description: 'remove it' },
    }),
    { 'cipher-list': { name: 'httpd.conf', text: HTTPD, start: HTTPD.indexOf('AES128') } },
    [
      'warning[dead-term]: `-aNULL` does nothing',
      '  --> httpd.conf:10:6',
      '   |',
      '10 |     :-aNULL"',
      '   |      ^^^^^^',
      '  = note: `!aNULL` removed them for good',
      '  --> httpd.conf:9:28',
      '   |',
      ' 9 | SSLCipherSuite "AES128-SHA:!aNULL',
      '   |                            ^^^^^^',
      '  = help: remove it',
      '',
    ],
  ],
  [
    'the ciphersuites option as a second source',
    () => find(NGINX_STRING, NGINX_SUITES, 'unknown-ciphersuite'),
    {
      'cipher-list': { name: 'nginx.conf', text: NGINX, start: NGINX.indexOf(NGINX_STRING) },
      ciphersuites: { name: 'nginx.conf', text: NGINX, start: { line: 4, column: 35 } },
    },
    [
      'warning[unknown-ciphersuite]: `FOO` is not a ciphersuite name; OpenSSL skips it',
      ' --> nginx.conf:4:58',
      '  |',
      '4 |     ssl_conf_command Ciphersuites TLS_AES_128_GCM_SHA256:FOO;',
      '  |                                                          ^^^',
      '',
    ],
  ],
  [
    "an ExpandError with a severity: invalid-ciphersuites points into the ciphersuites' source",
    () => {
      const r = expand('HIGH', { ciphersuites: 'FOO' });
      if (r.ok) throw new Error('accepted');
      return { ...r.error, severity: 'error' };
    },
    {
      'cipher-list': { name: 'a.conf', text: 'ssl_ciphers HIGH;\nssl_conf_command Ciphersuites FOO;\n', start: 12 },
      ciphersuites: {
        name: 'a.conf',
        text: 'ssl_ciphers HIGH;\nssl_conf_command Ciphersuites FOO;\n',
        start: { line: 2, column: 31 },
      },
    },
    [
      'error[invalid-ciphersuites]: no ciphersuite name in the list is known (SSL_CTX_set_ciphersuites fails: no cipher match)',
      ' --> a.conf:2:31',
      '  |',
      '2 | ssl_conf_command Ciphersuites FOO;',
      '  |                               ^^^',
      '',
    ],
  ],
  [
    'a problem of the whole string: where the string starts, no caret',
    () => {
      const r = expand('aNULL:!aNULL', { ciphersuites: '' });
      if (r.ok) throw new Error('accepted');
      return { ...r.error, severity: 'error' };
    },
    { 'cipher-list': { name: 'a.conf', text: '\n\n  ssl_ciphers aNULL:!aNULL;\n', start: { line: 3, column: 15 } } },
    ['error[no-cipher-match]: no cipher match: the string selects no TLS 1.2-or-below suite', ' --> a.conf:3:15', ''],
  ],
];

describe('renderProblem with sources: the real file, line and column', () => {
  it.each(CASES)('%s', (_, problem, sources, want) => {
    expect(renderProblem(problem(), sources)).toBe(want.join('\n'));
  });

  it('a start given as an offset or as a line and column renders the same', () => {
    const d = lintOf(NGINX_STRING, '').diagnostics[1]!;
    const byOffset = renderProblem(d, {
      'cipher-list': { name: 'nginx.conf', text: NGINX, start: NGINX.indexOf(NGINX_STRING) },
    });
    expect(byOffset).toBe(CASES[0]![3].join('\n'));
  });

  it('a source that is the string itself renders as the single-string form (but the note has its caret)', () => {
    const d = lintOf(NGINX_STRING, '').diagnostics[1]!;
    const one = renderProblem(d, { 'cipher-list': { name: '<argv>', text: NGINX_STRING } });
    const plain = renderProblem(d, NGINX_STRING);
    expect(one.split('\n').slice(0, 5)).toEqual(plain.split('\n').slice(0, 5));
    expect(plain.split('\n')[5]).toBe('  = note: `!aNULL` removed them for good (at 12)');
  });

  it('a span in a source that is not given, or a start outside the text, is a TypeError', () => {
    const d = find(NGINX_STRING, NGINX_SUITES, 'unknown-ciphersuite');
    const text = NGINX;
    expect(() => renderProblem(d, { 'cipher-list': { name: 'n', text } })).toThrow(/ciphersuites option/);
    const at = (start: SourceText['start']) => () =>
      renderProblem(d, { 'cipher-list': { name: 'n', text }, ciphersuites: { name: 'n', text, start } });
    expect(at({ line: 7, column: 1 })).toThrow(/line 7 is not in the text/);
    expect(at({ line: 2, column: 21 })).toThrow(/line 2 has no column 21/);
    expect(at(text.length + 1)).toThrow(/not in the text/);
    expect(at({ line: 2, column: 20 })).not.toThrow(); // just past the end of the line
  });
});

describe('locateInSource', () => {
  // A CRLF line, an astral character (one column, two code units), a tab.
  const source: SourceText = { name: 't', text: 'a\r\nb\u{1F600}c\n\td' };
  it.each([
    [0, 1, 1],
    [1, 1, 2], // the \r: past the end of line 1's content
    [3, 2, 1],
    [4, 2, 2],
    [6, 2, 3], // after the two code units of the emoji
    [8, 3, 1],
    [9, 3, 2],
    [99, 3, 3], // kept at the end of the text
  ])('offset %i is line %i, column %i', (offset, line, column) => {
    expect(locateInSource(source, offset)).toMatchObject({ line, column });
  });

  it('offsets count from where the string starts in the text', () => {
    expect(locateInSource({ ...source, start: { line: 2, column: 3 } }, 1)).toEqual({ offset: 7, line: 2, column: 4 });
    expect(locateInSource({ ...source, start: 3 }, 0)).toEqual({ offset: 3, line: 2, column: 1 });
  });
});
