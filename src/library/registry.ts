// The libraries cipherx evaluates strings for, each once, with what sets it apart. Every other
// module asks a record here (its family, its capabilities, its facts) and never compares names.
// Facts a recorded table also holds are checked against it in test/library.test.ts.

/** The rule engines cipherx has: OpenSSL's (also LibreSSL's) and BoringSSL's dialect. */
export type Family = 'openssl' | 'boringssl';

/** What a library's context and tool can do: the options a call may give for it. */
export interface Capabilities {
  /** A TLS 1.3 list configured apart (`SSL_CTX_set_ciphersuites`, `-ciphersuites`). */
  readonly tls13Configurable: boolean;
  /** Security levels (`SSL_CTX_set_security_level`, `@SECLEVEL=n`, `--seclevel`). */
  readonly securityLevels: boolean;
  /** Equal-preference groups `[A|B]` in the string. */
  readonly groups: boolean;
  /** A strict mode that rejects unknown words (`SSL_CTX_set_strict_cipher_list`). */
  readonly strict: boolean;
  /** SRP suites that a callback can enable (`openssl ciphers -srp`). */
  readonly srp: boolean;
  /** The tool prints IANA names (`-stdname`). */
  readonly stdnameOutput: boolean;
  /** The tool prints the two-byte ids (`-V`). */
  readonly idsOutput: boolean;
}

/** One library line cipherx evaluates strings for, as the rest of the code sees it. */
export interface LibraryRecord {
  /** The name `options.target` and `--target` take. */
  readonly name: string;
  /** Which rule engine evaluates its strings. */
  readonly family: Family;
  /** What the library calls itself in prose (`OpenSSL`, `BoringSSL`). */
  readonly product: string;
  /** The tool whose output cipherx reproduces, as a user would type it. */
  readonly tool: string;
  /** What a call may ask of it. */
  readonly capabilities: Capabilities;
  /** The protocol versions a default context negotiates, oldest first (`SSLv3` .. `TLSv1.3`). */
  readonly protocols: readonly string[];
  /**
   * The named groups a default context supports, in preference order (what `negotiate` offers
   * for key exchange).
   */
  readonly groups: readonly string[];
  /**
   * Whether a side refuses to start when none of its suites works with its highest protocol
   * version (OpenSSL 1.1.1+ tls_setup_handshake), per role.
   */
  readonly checksMaxVersionSuites: { readonly client: boolean; readonly server: boolean };
  /** One line on what is particular about it (help texts, `cipherx targets`). */
  readonly summary: string;
  /**
   * The release line as the library's version text starts (`OpenSSL 3.0`, `LibreSSL 3.3`), for
   * `--target "OpenSSL 3.0.13 30 Jan 2024"`; absent where the library prints none (BoringSSL).
   */
  readonly versionLine?: string;
}

/**
 * OpenSSL 1.1.1+'s default methods; BoringSSL at the recorded revision too (set_min_version(0)
 * gives TLS 1.0 in ssl/ssl_versions.cc; revisions from May 2024 raise the minimum to TLS 1.2).
 */
const TLS1_TO_1_3 = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const FFDHE = ['ffdhe2048', 'ffdhe3072', 'ffdhe4096', 'ffdhe6144', 'ffdhe8192'];
/** 3.5+ names its defaults (TLS_DEFAULT_GROUP_LIST in ssl/t1_lib.c): only two FFDHE groups are among them. */
const FFDHE_3_5 = ['ffdhe2048', 'ffdhe3072'];

const OPENSSL_1_0: Capabilities = {
  tls13Configurable: false,
  securityLevels: false,
  groups: false,
  strict: false,
  srp: true,
  stdnameOutput: false,
  idsOutput: true,
};
const OPENSSL_1_1: Capabilities = {
  ...OPENSSL_1_0,
  tls13Configurable: true,
  securityLevels: true,
  stdnameOutput: true,
};
const BORINGSSL: Capabilities = {
  tls13Configurable: false,
  securityLevels: false,
  groups: true,
  strict: true,
  srp: false,
  stdnameOutput: true,
  idsOutput: false,
};
const AWS_LC: Capabilities = { ...BORINGSSL, tls13Configurable: true };
const OPENSSL_CHECKS = { client: true, server: true } as const;
/** LibreSSL 3.6+: security levels; TLS 1.3 suites configurable apart; no -stdname, no SRP. */
const LIBRESSL: Capabilities = {
  tls13Configurable: true,
  securityLevels: true,
  groups: false,
  strict: false,
  srp: false,
  stdnameOutput: false,
  idsOutput: true,
};

/**
 * Every library line, OpenSSL's in release order, LibreSSL's newest first (releaseLine() gives
 * any line oldest first). Groups: 1.0.2's NIST curves (it has
 * no X25519); 1.1.1's eccurves_default (ssl/t1_lib.c); 3.0 adds the RFC 7919 FFDHE groups (TLS
 * 1.3 only); 3.5 puts the hybrid X25519MLKEM768 first; BoringSSL's kDefaultGroups at the
 * recorded revision; BoringSSL 2026's DefaultSupportedGroupIds (ssl/ssl_key_share.cc, a0689af29)
 * and AWS-LC's kDefaultGroups (ssl/extensions.cc, v5.5.0). Protocols: BoringSSL's
 * set_min_version(0) gives TLS 1.2 at a0689af29, AWS-LC's TLS 1.0 (ssl/ssl_versions.cc). A BoringSSL client checks its offer against its highest version as
 * OpenSSL does (its TLS 1.3 suites are always there); its server does not check.
 */
/** What every OpenSSL release line shares, and every BoringSSL one. */
const OPENSSL = { family: 'openssl', product: 'OpenSSL', tool: 'openssl ciphers' } as const;
const BORINGSSL_TOOL = { family: 'boringssl', product: 'BoringSSL', tool: 'bssl ciphers' } as const;

const RECORDS = [
  {
    name: 'openssl-1.0.2',
    versionLine: 'OpenSSL 1.0.2',
    protocols: ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ...OPENSSL,
    capabilities: OPENSSL_1_0,
    groups: ['secp256r1', 'secp521r1', 'secp384r1'],
    checksMaxVersionSuites: { client: false, server: false },
    summary: 'no @SECLEVEL, no TLS 1.3, RC4/3DES/SEED/IDEA/static DH, DEFAULT of 98 suites',
  },
  {
    name: 'openssl-1.1.1',
    versionLine: 'OpenSSL 1.1.1',
    protocols: TLS1_TO_1_3,
    ...OPENSSL,
    capabilities: OPENSSL_1_1,
    groups: ['x25519', 'secp256r1', 'x448', 'secp521r1', 'secp384r1'],
    checksMaxVersionSuites: OPENSSL_CHECKS,
    summary: 'TLS 1.3 first; one unknown name fails the whole --ciphersuites list',
  },
  {
    name: 'openssl-3.0',
    versionLine: 'OpenSSL 3.0',
    protocols: TLS1_TO_1_3,
    ...OPENSSL,
    capabilities: OPENSSL_1_1,
    groups: ['x25519', 'secp256r1', 'x448', 'secp521r1', 'secp384r1', ...FFDHE],
    checksMaxVersionSuites: OPENSSL_CHECKS,
    summary: 'default provider only: RC4, IDEA, SEED, DES and GOST words unknown; CBC alias',
  },
  {
    name: 'openssl-3.5',
    versionLine: 'OpenSSL 3.5',
    protocols: TLS1_TO_1_3,
    ...OPENSSL,
    capabilities: OPENSSL_1_1,
    groups: ['X25519MLKEM768', 'x25519', 'secp256r1', 'x448', 'secp384r1', 'secp521r1', ...FFDHE_3_5],
    checksMaxVersionSuites: OPENSSL_CHECKS,
    summary: 'IANA names and _ in names, CCM8 demoted to 64 bits, default security level 2',
  },
  {
    name: 'openssl-3.6',
    versionLine: 'OpenSSL 3.6',
    protocols: TLS1_TO_1_3,
    ...OPENSSL,
    capabilities: OPENSSL_1_1,
    groups: ['X25519MLKEM768', 'x25519', 'secp256r1', 'x448', 'secp384r1', 'secp521r1', ...FFDHE_3_5],
    checksMaxVersionSuites: OPENSSL_CHECKS,
    summary: 'as 3.5',
  },
  // LibreSSL (t1_lib.c's client default groups; ssl_versions.c: 3.8+ turned TLS 1.0 and 1.1
  // off): neither side checks its suites against its highest version before it starts, it
  // only fails when no suite is left at all (tls13_client.c, NO_CIPHERS_AVAILABLE).
  {
    name: 'openssl-4.0',
    versionLine: 'OpenSSL 4.0',
    protocols: TLS1_TO_1_3,
    ...OPENSSL,
    capabilities: OPENSSL_1_1,
    // TLS_DEFAULT_GROUP_LIST of 4.0 (ssl/t1_lib.c): 3.5's with two more hybrids and curveSM2.
    groups: [
      'X25519MLKEM768',
      'SecP256r1MLKEM768',
      'curveSM2MLKEM768',
      'x25519',
      'secp256r1',
      'x448',
      'secp384r1',
      'secp521r1',
      'curveSM2',
      ...FFDHE_3_5,
    ],
    checksMaxVersionSuites: OPENSSL_CHECKS,
    summary: 'every word, command and prefix in any case; SSLv3, FIPS and the EDH-*-DES-CBC3-SHA aliases gone',
  },
  {
    name: 'libressl-4.3',
    versionLine: 'LibreSSL 4.3',
    protocols: ['TLSv1.2', 'TLSv1.3'],
    family: 'openssl',
    product: 'LibreSSL',
    tool: 'openssl ciphers',
    capabilities: LIBRESSL,
    groups: ['X25519MLKEM768', 'x25519', 'secp256r1', 'secp384r1', 'secp521r1'],
    checksMaxVersionSuites: { client: false, server: false },
    summary: 'TLS 1.3 suites in the cipher string, RC4 and 3DES in DEFAULT, @SECLEVEL (default 1), no IANA names',
  },
  {
    name: 'libressl-3.3',
    versionLine: 'LibreSSL 3.3',
    protocols: TLS1_TO_1_3,
    family: 'openssl',
    product: 'LibreSSL',
    tool: 'openssl ciphers',
    capabilities: { ...LIBRESSL, securityLevels: false },
    groups: ['x25519', 'secp256r1', 'secp384r1', 'secp521r1'],
    checksMaxVersionSuites: { client: false, server: false },
    summary: "macOS's /usr/bin/openssl: TLS 1.3 suites named AEAD-*, GOST, no @SECLEVEL",
  },
  {
    name: 'boringssl',
    protocols: TLS1_TO_1_3,
    ...BORINGSSL_TOOL,
    capabilities: BORINGSSL,
    groups: ['x25519', 'secp256r1', 'secp384r1'],
    checksMaxVersionSuites: { client: true, server: false },
    summary: 'its own dialect: equal-preference groups [A|B], a strict mode, no @SECLEVEL',
  },
  {
    name: 'boringssl-2026',
    protocols: ['TLSv1.2', 'TLSv1.3'],
    ...BORINGSSL_TOOL,
    capabilities: BORINGSSL,
    groups: ['X25519MLKEM768', 'x25519', 'secp256r1', 'secp384r1'],
    checksMaxVersionSuites: { client: true, server: false },
    summary:
      '19 suites: 3DES and two ECDHE AES128-SHA256 suites by name (or 3DES) only, no NULL-SHA, SHA256/SHA384 gone',
  },
  {
    name: 'aws-lc',
    versionLine: 'AWS-LC 5.5',
    protocols: TLS1_TO_1_3,
    family: 'boringssl',
    product: 'AWS-LC',
    tool: 'bssl ciphers',
    capabilities: AWS_LC,
    groups: ['X25519MLKEM768', 'SecP256r1MLKEM768', 'SecP384r1MLKEM1024', 'x25519', 'secp256r1', 'secp384r1'],
    checksMaxVersionSuites: { client: true, server: false },
    summary: "BoringSSL's dialect with a configurable TLS 1.3 list; ALL/DEFAULT/FIPS/HIGH only at byte 0",
  },
] as const satisfies readonly LibraryRecord[];

/** The names of the OpenSSL-family libraries (OpenSSL's release lines and LibreSSL's). */
export type OpenSSLTargetName =
  | 'openssl-1.0.2'
  | 'openssl-1.1.1'
  | 'openssl-3.0'
  | 'openssl-3.5'
  | 'openssl-3.6'
  | 'openssl-4.0'
  | 'libressl-4.3'
  | 'libressl-3.3';

/** The names of the BoringSSL-family libraries. */
export type BoringSSLTargetName = 'boringssl' | 'boringssl-2026' | 'aws-lc';

/** Every name `options.target` takes. */
export type TargetName = OpenSSLTargetName | BoringSSLTargetName;

// Each name has one record of its family, and each record one of these names.
type NameOf<F extends Family> = Extract<(typeof RECORDS)[number], { family: F }>['name'];
const EVERY_NAME: [OpenSSLTargetName, BoringSSLTargetName] extends [NameOf<'openssl'>, NameOf<'boringssl'>]
  ? [NameOf<'openssl'>, NameOf<'boringssl'>] extends [OpenSSLTargetName, BoringSSLTargetName]
    ? true
    : never
  : never = true;
void EVERY_NAME;

/** A library record whose name is typed. */
export interface Library extends LibraryRecord {
  readonly name: TargetName;
}

const LIBRARIES: readonly Library[] = Object.freeze(RECORDS.map((r) => Object.freeze(r) as Library));

/** The names of every library, OpenSSL's release lines in order, then the other products. */
export const TARGET_NAMES: readonly TargetName[] = Object.freeze(LIBRARIES.map((l) => l.name));

/** The library every call uses unless told otherwise. */
export const DEFAULT_TARGET: TargetName = 'openssl-3.0';

// A Map, never an object: a name typed by a user (`constructor`, `__proto__`) is just unknown.
const BY_NAME: ReadonlyMap<string, Library> = new Map(LIBRARIES.map((l) => [l.name, l]));

/** Every library, in the order of TARGET_NAMES. */
export function libraries(): readonly Library[] {
  return LIBRARIES;
}

/**
 * The libraries of `lib`'s family and product, oldest release first, by the version in
 * `versionLine` (the registry lists LibreSSL 4.3 before 3.3, the newer line first); the order a
 * "later release" or "the release before" is read in. A library without a version line is alone
 * in its line.
 */
export function releaseLine(lib: Library): readonly Library[] {
  let line = LINES.get(lib);
  if (!line) {
    line = lib.versionLine
      ? LIBRARIES.filter((l) => l.family === lib.family && l.product === lib.product && l.versionLine).sort((x, y) =>
          compareVersions(versionOf(x), versionOf(y)),
        )
      : [lib];
    LINES.set(lib, Object.freeze(line));
  }
  return line;
}
const LINES = new Map<Library, readonly Library[]>();
const versionOf = (l: Library): number[] => l.versionLine!.split(' ').pop()!.split('.').map(Number);
function compareVersions(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The library of that name; undefined for any other value. */
export function findLibrary(name: unknown): Library | undefined {
  return typeof name === 'string' ? BY_NAME.get(name) : undefined;
}

/** Whether `name` is a target name. */
export function isTargetName(name: unknown): name is TargetName {
  return findLibrary(name) !== undefined;
}

/** The library of `name` (default: DEFAULT_TARGET); a TypeError naming `where` for any other value. */
export function requireLibrary(name: unknown, where: string): Library {
  const lib = findLibrary(name ?? DEFAULT_TARGET);
  if (!lib) {
    throw new TypeError(`${where}: unknown target ${JSON.stringify(name)}; known: ${TARGET_NAMES.join(', ')}`);
  }
  return lib;
}
