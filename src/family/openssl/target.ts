import type { Cipher } from '../../core/types.js';
import type { OpenSSLTargetName } from '../../library/registry.js';

/** A mask written as bit names, or as every bit of the category but some (OpenSSL's `~SSL_aNULL`). */
export type MaskNames = string[] | { except: string[] };

/** The selection fields shared by suites, aliases and prologue rules, as they are stored in data/. */
export interface MaskFields {
  mkey?: MaskNames;
  auth?: MaskNames;
  enc?: MaskNames;
  mac?: MaskNames;
  /** 1.1.0+: the suite's minimum protocol version (aliases match it by equality). */
  minTls?: string;
  /** 1.0.2: protocol bits (`algorithm_ssl`), matched like the other masks. */
  ssl?: MaskNames;
  strength?: MaskNames;
}

export type MaskCategory = 'mkey' | 'auth' | 'enc' | 'mac' | 'ssl' | 'strength';

/** A part of `algo_strength` that compounds AND and rules match on its own (STRONG, EXP, NOT_DEFAULT). */
export interface StrengthGroupData {
  name: string;
  bits: MaskNames;
  /**
   * 1.1.0+ quirk for the STRONG group: the first word with STRONG bits replaces the whole
   * pattern's strength (dropping a NOT_DEFAULT bit set by an earlier word) instead of adding.
   */
  assignClearsOthers: boolean;
}

/** What a security level forbids in a release (see data/source/target-facts.json). */
export interface SecurityLevelRules {
  /** Minimum strength bits per level 0..5. */
  minBits: number[];
  /** The level from which RC4 suites are refused outright; null where no such rule exists (3.2+). */
  rc4FromLevel: number | null;
  /** Per protocol version, the level from which it is turned off. */
  versionsOffFromLevel: Record<string, number>;
}

/** How SSL_CTX_set_ciphersuites behaves on a release with TLS 1.3. */
export interface Tls13Rules {
  /** 1.1.1 fails the call on any unknown name; 3.0+ skips unknown names. */
  unknownNames: 'fail' | 'skip';
  /** 3.0+ leaves out listed suites whose algorithms the providers lack; 1.1.1 keeps them. */
  dropUnavailable: boolean;
  /**
   * The TLS 1.3 list a context starts with. Where `inCipherList` is set no list is configured
   * apart on a fresh context (this is then only the default order of the TLS 1.3 suites).
   */
  defaultCiphersuites: string;
  /**
   * LibreSSL: the TLS 1.3 suites are members of the suite table and of the cipher-string list
   * (`TLSv1.3`, `AEAD`, `HIGH`, `ALL` select them). Without a TLS 1.3 list configured apart,
   * a string that never names TLS 1.3 (see Target.tls13SslBit) keeps every TLS 1.3 suite in
   * place, inactive or not; a list with no active suite is emptied.
   */
  inCipherList?: boolean;
  /** 4.0+: only the TLS 1.3 suites' names are looked up (3.x also took any suite's IANA name). */
  tls13NamesOnly?: boolean;
  /** 4.0+: a suite named twice is listed once, where it is first named (3.x lists it twice). */
  dropDuplicates?: boolean;
  /**
   * The names SSL_CTX_set_ciphersuites looks up (LibreSSL's ssl_tls13_ciphersuites: a name and
   * an alias per suite); a name whose suite the table lacks is known but skipped. Absent: the
   * IANA names of the TLS 1.3 suites, then of every suite and SCSV (OpenSSL).
   */
  names?: Array<{ name: string; alias: string; id: string }>;
}

/** The shape of data/<target>.json (see scripts/generate-data.js). */
export interface TargetData {
  target: OpenSSLTargetName;
  release: string;
  versionText: string;
  /** Where the recorded tables come from (package, build options). */
  origin: string;
  defaultSeclevel: number | null;
  /** The protocol versions a default build negotiates, oldest first (`SSLv3` .. `TLSv1.3`). */
  protocols: string[];
  /** ssl_security_default_callback's rules; null where the release has no security levels (1.0.2). */
  securityLevels: SecurityLevelRules | null;
  /** Name characters beyond `A-Za-z0-9-.`: `=` from 1.1.0, `_` from 3.2. */
  extraNameChars: string;
  /** Whether `SUITEB128`... at byte 0 replaces the string (OpenSSL 1.0.2+); LibreSSL: an ordinary (unknown) word. */
  suiteBPrefixes: boolean;
  /** 3.2+: a word may also be an IANA name. */
  ianaNamesInCipherList: boolean;
  specials: string[];
  /** 1.1.1+: an explicit suite name in a rule matches that suite's id; 1.0.2 matches its masks only. */
  explicitSuiteMatchesId: boolean;
  strengthGroups: StrengthGroupData[];
  defaultCipherList: string;
  tls13: Tls13Rules | null;
  /** The order ssl_cipher_collect_ciphers() finds the suites in: by id descending, or these ids. */
  collectOrder: 'id-descending' | string[];
  layout: Layout;
  bits: Partial<Record<MaskCategory, Record<string, number>>>;
  disabled: Record<'mkey' | 'auth' | 'enc' | 'mac', string[]>;
  prologue: Array<MaskFields & { op: 'add' | 'ord' | 'del' | 'bump' | 'kill' | 'strength' }>;
  suites: Array<Cipher & { available: boolean; masks: MaskFields }>;
  tls13Suites: Array<Cipher & { available: boolean; masks: MaskFields }>;
  scsvs: Cipher[];
  aliases: Array<MaskFields & { name: string; suiteId?: string }>;
  /**
   * 4.0+: words, `@` commands, the `DEFAULT` and Suite B prefixes and the names of the
   * ciphersuites list match in any (ASCII) case; false before.
   */
  caseInsensitiveWords: boolean;
}

/**
 * Column widths of SSL_CIPHER_description() (`openssl ciphers -v`) for one release; 0 prints
 * the field unpadded. `stdname` is the width of the `-stdname` column, null where the release's
 * tool has no such option.
 */
export interface Layout {
  name: number;
  protocol: number;
  kx: number;
  au: number;
  enc: number;
  mac: number;
  stdname: number | null;
}

/** The selection part of a rule, with masks as numbers (OpenSSL's ssl_cipher_apply_rule arguments). */
export interface Selector {
  /** 0, or the 32-bit id (0x0300XXXX) of the one suite the rule may match. */
  cipherId: number;
  mkey: number;
  auth: number;
  enc: number;
  mac: number;
  /** 1.0.2 protocol bits; 0 elsewhere. */
  ssl: number;
  /** 0, or the protocol version number a suite's minimum must equal (1.1.0+). */
  minTls: number;
  /** `algo_strength` bits (every strength group). */
  strength: number;
}

/** What a word of a cipher string can name: a suite or an alias, with its masks. */
export interface Entry extends Selector {
  name: string;
  /** Index into `Target.suites` when the entry is a suite, else -1. */
  suite: number;
  /** A suite name (or an alias that names one suite): its protocol does not join a compound's pattern. */
  explicit: boolean;
  /** The suites this word alone matches, filled on first use (see match-set.ts). */
  hits?: Uint32Array;
}

export interface StrengthGroup {
  mask: number;
  assignClearsOthers: boolean;
}

/** A target compiled for evaluation: numbers and typed arrays, built once. */
export interface Target {
  name: OpenSSLTargetName;
  data: TargetData;
  /** Every suite compiled into the build, available or not, by id ascending. */
  suites: Cipher[];
  available: boolean[];
  /** Per-suite masks, indexed like `suites`. */
  mkey: Uint32Array;
  auth: Uint32Array;
  enc: Uint32Array;
  mac: Uint32Array;
  ssl: Uint32Array;
  minTls: Uint32Array;
  strength: Uint32Array;
  ids: Uint32Array;
  bits: Int32Array;
  /** Words the cipher string can use (OpenSSL's ca_list): available suites, then registered aliases. */
  words: Map<string, Entry>;
  /** Alias names of the table that this build does not register (their algorithms are unavailable). */
  unregisteredAliases: Set<string>;
  /** The TLS 1.3 ciphersuites and the other names `SSL_CTX_set_ciphersuites` looks up, by IANA name. */
  ciphersuiteNames: Map<string, { cipher: Cipher; usable: boolean; tls13: boolean }>;
  strengthGroups: StrengthGroup[];
  /**
   * Where TLS 1.3 suites are list members (Tls13Rules.inCipherList): the protocol bit of TLS 1.3
   * (`algorithm_ssl`), which a rule names when its pattern is exactly that bit or one of its
   * explicit suites has it; 0 elsewhere.
   */
  tls13SslBit: number;
}
