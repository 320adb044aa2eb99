export const HELP = `cipherx: evaluate OpenSSL cipher strings exactly as OpenSSL does, without OpenSSL.

Usage:
  cipherx expand [options] [--] <cipher-string>   what the string expands to
  cipherx targets                                 the release lines cipherx knows
  cipherx --version | --help

Examples:
  cipherx expand 'HIGH:!aNULL:!MD5'                 like: openssl ciphers 'HIGH:!aNULL:!MD5'
  cipherx expand -v 'ECDH+aRSA:!AESGCM+RSA'         like: openssl ciphers -v ...
  cipherx expand -- '-ALL:HIGH'                     strings starting with - go after --
  cipherx expand --batch < strings.txt              one string per line

Run \`cipherx expand --help\` for every option of expand.
`;

export const EXPAND_HELP = `Usage: cipherx expand [options] [--] <cipher-string>

Prints what OpenSSL would make of <cipher-string> (SSL_CTX_set_cipher_list on a fresh
context): the same suites in the same order, in the layout of \`openssl ciphers\`.
The TLS 1.3 suites come first, as OpenSSL prints them; they are configured apart
(--ciphersuites) and the cipher string never changes them.

Output (choose one; default: names joined by ':'):
  -v                   one line per suite, like \`openssl ciphers -v\`
  -V                   the same with the two-byte id, like \`openssl ciphers -V\`
  --stdname            the IANA name first, like \`openssl ciphers -stdname\`
  --json               the result object of the library's expand() as JSON

Input:
  --ciphersuites LIST  the TLS 1.3 list, as \`openssl ciphers -ciphersuites\`
                       (':'-separated IANA names; '' for none; default: the target's)
  --target NAME        release line to evaluate for (default: openssl-3.0;
                       see \`cipherx targets\`)
  --batch              read one cipher string per line of standard input and print one
                       result per line (with -v/-V/--stdname: one block per string,
                       separated by a blank line; with --json: one object per line)
  --                   ends the options: use it when the string starts with '-'

Exit status:
  0  OpenSSL accepts the string (with --batch: every string)
  1  OpenSSL rejects it: invalid command (a caret shows the byte) or no cipher match
  2  usage error

Cipher string syntax, in short: elements separated by ':' ',' ';' or space; each is
a word (suite name or alias such as HIGH, aRSA, AESGCM) or words joined by '+' (all
must hold), optionally after an operator: '!' removes for good, '-' removes (a later
element may add again), '+' moves to the end; '@STRENGTH' sorts by strength and
'@SECLEVEL=n' sets the security level. 'DEFAULT' counts only at the very start.
Unknown words are silently ignored by OpenSSL; cipherx reports them as diagnostics
(--json).
`;

export const TARGETS_HELP = `Usage: cipherx targets [--json]

Lists the release lines cipherx evaluates for, with the exact release each
table was recorded from.
`;
