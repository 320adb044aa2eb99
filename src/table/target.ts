import type { Cipher, TargetName } from '../types.js';

/** A mask written as bit names, or as every bit of the category but some (OpenSSL's `~SSL_aNULL`). */
export type MaskNames = string[] | { except: string[] };

/** The selection fields shared by suites, aliases and prologue rules, as they are stored in data/. */
export interface MaskFields {
  mkey?: MaskNames;
  auth?: MaskNames;
  enc?: MaskNames;
  mac?: MaskNames;
  minTls?: string;
  strength?: MaskNames;
}

/** The shape of data/<target>.json (see scripts/generate-data.js). */
export interface TargetData {
  target: TargetName;
  release: string;
  versionText: string;
  defaultSeclevel: number | null;
  extraNameChars: string;
  specials: string[];
  defaultCipherList: string;
  defaultCiphersuites: string;
  initialOrder: 'id-descending';
  layout: Layout;
  bits: Record<'mkey' | 'auth' | 'enc' | 'mac' | 'strength', Record<string, number>>;
  disabled: Record<'mkey' | 'auth' | 'enc' | 'mac', string[]>;
  prologue: Array<MaskFields & { op: 'add' | 'ord' | 'del' | 'bump' | 'kill' | 'strength' }>;
  suites: Array<Cipher & { available: boolean; masks: MaskFields }>;
  tls13: Array<Cipher & { available: boolean; masks: MaskFields }>;
  scsvs: Cipher[];
  aliases: Array<MaskFields & { name: string; suiteId?: string }>;
}

/** Column widths of `openssl ciphers -v` for one release. */
export interface Layout {
  name: number;
  protocol: number;
  kx: number;
  au: number;
  enc: number;
  mac: number;
  stdname: number;
}

/** The selection part of a rule, with masks as numbers (OpenSSL's ssl_cipher_apply_rule arguments). */
export interface Selector {
  /** 0, or the 32-bit id (0x0300XXXX) of the one suite the rule may match. */
  cipherId: number;
  mkey: number;
  auth: number;
  enc: number;
  mac: number;
  /** 0, or the protocol version number a suite's minimum must equal. */
  minTls: number;
  /** The STRONG and NOT_DEFAULT bits (`algo_strength`). */
  strength: number;
}

/** What a word of a cipher string can name: a suite or an alias, with its masks. */
export interface Entry extends Selector {
  name: string;
  /** Index into `Target.suites` when the entry is a suite (then `cipherId` is set). */
  suite: number;
  /** The suites this word alone matches, filled on first use (see eval/match-set.ts). */
  hits?: Uint32Array;
}

/** A target compiled for evaluation: numbers and typed arrays, built once. */
export interface Target {
  name: TargetName;
  data: TargetData;
  /** Every suite compiled into the build, available or not, by id ascending. */
  suites: Cipher[];
  available: boolean[];
  /** Per-suite masks, indexed like `suites`. */
  mkey: Uint32Array;
  auth: Uint32Array;
  enc: Uint32Array;
  mac: Uint32Array;
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
  strongMask: number;
  defaultMask: number;
}
