/**
 * How much a diagnostic matters: `error` where OpenSSL rejects the string, `warning` where it
 * accepts it but does something other than the text says, `info` for style.
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Every code a finding can carry, with its severity and a one-line summary; each has the page
 * docs/diagnostics/<code>.md (test/registry.test.ts checks both ways, and that each is emitted).
 * Severity follows OpenSSL: `error` where the library rejects the string, `warning` where it
 * accepts it but does something other than the text says, `info` for style and advice.
 * `origin` says who reports it: the call itself failing, the evaluator (expand), lint, or a
 * security rule of data/security.json (whose severity there must be the one here), or `scan`
 * reading a configuration file, or a named policy the list fails (`policy`: errors, because the
 * user asked for the check, so that a CI gate on errors fails).
 */
export const DIAGNOSTICS = {
  // The call fails (ExpandError codes; lint reports them as errors).
  'invalid-command': { severity: 'error', origin: 'call', summary: 'the string cannot be read: the call fails here' },
  'no-cipher-match': { severity: 'error', origin: 'call', summary: 'the string leaves no suite: the call fails' },
  'invalid-ciphersuites': { severity: 'error', origin: 'call', summary: 'the TLS 1.3 list is rejected' },
  'unexpected-operator-in-group': {
    severity: 'error',
    origin: 'call',
    summary: 'BoringSSL: something other than names and `|` inside `[...]`',
  },
  'mixed-special-operator-with-groups': {
    severity: 'error',
    origin: 'call',
    summary: 'BoringSSL: an operator or `@` after an equal-preference group',
  },

  // What the library does silently (expand).
  'unknown-word': {
    severity: 'warning',
    origin: 'evaluation',
    summary: 'not a suite or alias of this target: ignored',
  },
  'unavailable-alias': {
    severity: 'warning',
    origin: 'evaluation',
    summary: 'an alias whose algorithms this build lacks: ignored',
  },
  'default-not-first': {
    severity: 'warning',
    origin: 'evaluation',
    summary: '`DEFAULT` expands only at the very start of the string',
  },
  'suite-b-not-first': {
    severity: 'warning',
    origin: 'evaluation',
    summary: 'a Suite B keyword counts only at the very start of the string',
  },
  'suite-b-replaces': {
    severity: 'warning',
    origin: 'evaluation',
    summary: 'a Suite B prefix replaces the whole string: the rest is ignored',
  },
  'iana-name-unsupported': {
    severity: 'warning',
    origin: 'evaluation',
    summary: 'an IANA name, which this release does not read in a cipher list',
  },
  'tls13-suite-in-cipher-list': {
    severity: 'warning',
    origin: 'evaluation',
    summary: 'a TLS 1.3 suite in the cipher list, which never configures TLS 1.3',
  },
  'empty-intersection': {
    severity: 'warning',
    origin: 'evaluation',
    summary: 'the words of a `+` compound exclude each other: it matches nothing',
  },
  'version-alias-order': {
    severity: 'warning',
    origin: 'evaluation',
    summary: 'BoringSSL: a protocol alias before another word of a `+` compound voids the rule',
  },
  'ignored-after-special': {
    severity: 'warning',
    origin: 'evaluation',
    summary: 'text glued after an `@` command is discarded up to the next separator',
  },
  'nul-truncates': {
    severity: 'warning',
    origin: 'evaluation',
    summary: 'a NUL character ends the string for a C caller',
  },
  'unknown-ciphersuite': {
    severity: 'warning',
    origin: 'evaluation',
    summary: 'a name in the TLS 1.3 list that is not a ciphersuite: skipped',
  },
  'too-many-diagnostics': {
    severity: 'info',
    origin: 'evaluation',
    summary: 'more findings than are listed (100 at most per call)',
  },
  'trace-limited': {
    severity: 'info',
    origin: 'evaluation',
    summary: 'the trace records the first 200,000 elements; the rest were evaluated, not recorded',
  },

  // lint.
  'not-in-this-release': {
    severity: 'warning',
    origin: 'lint',
    summary: 'a word other releases know but this one does not',
  },
  'case-insensitive-match': {
    severity: 'warning',
    origin: 'lint',
    summary: 'a word that matches only where names are read in any case (OpenSSL 4.0+)',
  },
  'removed-alias': {
    severity: 'warning',
    origin: 'lint',
    summary: 'an alias this release or a later one removed (OpenSSL 4.0: SSLv3, FIPS...)',
  },
  'dead-term': { severity: 'warning', origin: 'lint', summary: 'an element that does nothing' },
  'dead-term-check-limited': {
    severity: 'info',
    origin: 'lint',
    summary: '`!` elements past the first 64 not tested for effect',
  },
  'plus-does-not-add': { severity: 'warning', origin: 'lint', summary: '`+X` used as if it added suites' },
  'duplicate-term': { severity: 'info', origin: 'lint', summary: 'an element that repeats an earlier one' },
  'redundant-term': {
    severity: 'info',
    origin: 'lint',
    summary: 'an element whose suites are all in the list already',
  },
  'strength-reorders': {
    severity: 'warning',
    origin: 'lint',
    summary: '`@STRENGTH` re-sorts suites named one by one before it',
  },
  overshoot: {
    severity: 'warning',
    origin: 'lint',
    summary: 'a broad alias brings in suites a certificate server cannot or should not use',
  },
  'psk-variant-kept': {
    severity: 'warning',
    origin: 'lint',
    summary: 'excluding a key exchange by name keeps its PSK variant',
  },

  // Security rules (data/security.json).
  'null-encryption': { severity: 'warning', origin: 'security', summary: 'NULL encryption' },
  'anonymous-key-exchange': { severity: 'warning', origin: 'security', summary: 'anonymous key exchange' },
  'export-grade': { severity: 'warning', origin: 'security', summary: 'EXPORT or LOW strength encryption' },
  rc4: { severity: 'warning', origin: 'security', summary: 'RC4' },
  des: { severity: 'warning', origin: 'security', summary: 'single DES' },
  '3des': { severity: 'warning', origin: 'security', summary: 'Triple DES' },
  idea: { severity: 'warning', origin: 'security', summary: 'IDEA' },
  'md5-mac': { severity: 'warning', origin: 'security', summary: 'HMAC-MD5' },
  'no-forward-secrecy': { severity: 'warning', origin: 'security', summary: 'no forward secrecy' },
  'cbc-mode': { severity: 'warning', origin: 'security', summary: 'CBC mode' },
  'sha1-mac': { severity: 'info', origin: 'security', summary: 'HMAC-SHA1' },
  'finite-field-dhe': { severity: 'info', origin: 'security', summary: 'finite-field DHE in TLS 1.2' },
  'ccm8-short-tag': { severity: 'info', origin: 'security', summary: 'CCM with an 8-byte tag' },
  'pre-shared-key': { severity: 'info', origin: 'security', summary: 'pre-shared key suites' },
  srp: { severity: 'info', origin: 'security', summary: 'SRP suites' },
  gost: { severity: 'info', origin: 'security', summary: 'GOST suites' },
  'uncommon-cipher': { severity: 'info', origin: 'security', summary: 'ARIA, Camellia or SEED' },

  // What `scan` cannot read in a configuration file.
  'file-unreadable': { severity: 'error', origin: 'scan', summary: 'a file that cannot be read' },
  'config-syntax': { severity: 'error', origin: 'scan', summary: 'the configuration cannot be read here' },
  'unresolved-value': {
    severity: 'warning',
    origin: 'scan',
    summary: 'a value the product only knows when it runs (a variable, a template): not evaluated',
  },
  'include-not-found': { severity: 'warning', origin: 'scan', summary: 'an include that names no file' },
  'include-loop': { severity: 'error', origin: 'scan', summary: 'an include that does not end' },
  'unrecognised-file': { severity: 'warning', origin: 'scan', summary: 'a file no product cipherx knows writes' },
  'unknown-protocol': { severity: 'warning', origin: 'scan', summary: 'a protocol name the product does not know' },
  'vhost-setting-ignored': {
    severity: 'warning',
    origin: 'scan',
    summary: 'a name-based virtual server’s protocols or TLS 1.3 list, which its address’s default server decides',
  },

  // A named policy the list fails (check, and lint / scan with --policy): errors, so a CI gate fails.
  'policy-forbidden-suite': {
    severity: 'error',
    origin: 'policy',
    summary: 'suites the policy does not allow, and the element that brought them in',
  },
  'policy-missing-suite': { severity: 'error', origin: 'policy', summary: 'suites the policy requires, missing' },
  'policy-order': {
    severity: 'error',
    origin: 'policy',
    summary: 'allowed suites out of the order the policy asks for',
  },
  'policy-protocol': { severity: 'error', origin: 'policy', summary: 'a protocol version the policy does not allow' },
  'policy-no-allowed-suite': {
    severity: 'error',
    origin: 'policy',
    summary: 'no suite the policy allows: no client can connect within it',
  },
} as const satisfies Record<
  string,
  { severity: Severity; origin: 'call' | 'evaluation' | 'lint' | 'security' | 'scan' | 'policy'; summary: string }
>;

/** A code of the registry: what `Diagnostic.code` holds. */
export type DiagnosticCode = keyof typeof DIAGNOSTICS;

/** Every code, in registry order. */
export const DIAGNOSTIC_CODES = Object.keys(DIAGNOSTICS) as DiagnosticCode[];

/** Whether `code` is a code of the registry. */
export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTICS, code);
}

/** The severity every finding with this code has. */
export function severityOf(code: DiagnosticCode): Severity {
  return DIAGNOSTICS[code].severity;
}

/** The code's documentation page, relative to the package root. */
export function diagnosticPage(code: DiagnosticCode): string {
  return `docs/diagnostics/${code}.md`;
}
