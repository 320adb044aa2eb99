import { contextHelp, targetHelp } from './options.js';

export const EXPAND_HELP = (): string => `Usage: cipherx expand [options] [--] [<cipher-string>]

Prints what the target release would make of <cipher-string> (SSL_CTX_set_cipher_list on a
fresh context): the same suites in the same order, in the layout of \`openssl ciphers\`.
Without a string (OpenSSL releases): the list a fresh context holds, as \`openssl ciphers\`
prints it with none.
From OpenSSL 1.1.1 on, the TLS 1.3 suites come first, as OpenSSL prints them; they are
configured apart (--ciphersuites) and the cipher string never changes them.

Output (default: names joined by ':'):
  -v                   one line per suite, like \`openssl ciphers -v\`
  -V                   the same with the two-byte id, like \`openssl ciphers -V\`
  --stdname            the IANA name first, like \`openssl ciphers -stdname\` (with -V: both;
                       as in openssl, -V and --stdname imply -v)
  --json               the result object of the library's expand() as JSON
  -s, --supported      what a context would really offer, like \`openssl ciphers -s\`
                       (SSL_get1_supported_ciphers): the suites the security level,
                       the protocol range and the PSK/SRP set-up leave. On 1.0.2 (no
                       security levels, no -s) and boringssl: what the client puts in
                       its ClientHello. With -s:
    --tls1 | --tls1_1 | --tls1_2 | --tls1_3
                       negotiate that protocol version only (one of them; unlike
                       openssl, where the last one wins and they are accepted without -s)
    --psk, --srp       a PSK / SRP callback is set: keep those suites
  --openssl-name       boringssl: OpenSSL names in the \`bssl ciphers\` layout
                       (by default boringssl prints like \`bssl ciphers\`: IANA names, one
                       per line, equal-preference groups between [ and ])
  --explain            instead of the list: what every element of the string did, then
                       where every suite comes from (the same as \`cipherx explain\`; every
                       target, boringssl with its equal-preference groups too)

Input:
${targetHelp('(see `cipherx targets`)')}${contextHelp(['ciphersuites', 'seclevel', 'strict'])}  --batch              read one cipher string per line of standard input and print one
                       result per line (with -v/-V/--stdname, and for boringssl: one block
                       per string, separated by a blank line; with --json: one object per
                       line). Lines end at LF; a CR right before it is dropped. A line
                       of more than 1,048,576 characters is not read: an error line
                       stands in its place.
  --                   ends the options: use it when the string starts with '-'
  -h, --help           this text
OpenSSL's spellings -help, -stdname, -ciphersuites LIST, -ciphersuites=LIST, -tls1_2,
-psk, ... are accepted too.

Exit status:
  0   the target accepts the string (with --batch: every string)
  1   it rejects it: invalid command (a caret shows the place), no cipher match, ...
  2   usage error
  70  internal error (a bug: please report it with the input)

Cipher string syntax, in short: elements separated by ':' ',' ';' or space; each is
a word (suite name or alias such as HIGH, aRSA, AESGCM) or words joined by '+' (all
must hold), optionally after an operator: '!' removes for good, '-' removes (a later
element may add again), '+' moves to the end; '@STRENGTH' sorts by strength and
'@SECLEVEL=n' sets the security level. 'DEFAULT' counts only at the very start.
Unknown words are silently ignored by OpenSSL; cipherx reports them on standard
error (and in --json as diagnostics); standard output stays as OpenSSL prints it.
`;

export const TARGETS_HELP = `Usage: cipherx targets [--json]

Lists the release lines cipherx evaluates for, with the exact release each
table was recorded from and where it comes from.

Options:
  --json               one array of objects: name, release, versionText, origin, family,
                       capabilities, protocols, summary, tool
  -h, --help           this text
`;
