import type { BoringsslCipher, BoringsslErrorCode } from './types.js';

type Category = 'mkey' | 'auth' | 'enc' | 'mac';
const CATEGORIES: readonly Category[] = ['mkey', 'auth', 'enc', 'mac'];

/** data/boringssl.json as scripts/generate-boringssl-data.js writes it. */
interface MaskNames {
  mkey?: string[];
  auth?: string[];
  enc?: string[];
  mac?: string[];
}
interface SuiteData {
  name: string;
  stdname: string;
  id: string;
  protocol: null;
  kx: string;
  au: string;
  enc: string;
  mac: string;
  bits: number;
  algBits: number;
  minVersion: string;
  tls13: boolean;
  listed: boolean;
  masks: Record<Category, string>;
}
export interface RuleData extends MaskNames {
  when?: 'aesHardware' | 'noAesHardware';
  op: RuleOp;
  /** Suites selected by name, each in turn (a fixed order laid out by ids). */
  suites?: string[];
}
/** A kCipherAliases entry. */
export interface AliasData extends MaskNames {
  name: string;
  minVersion?: string;
  /** The categories whose mask is the complement of the named bits (`~(SSL_3DES | SSL_eNULL)`). */
  invert?: Category[];
  /** include_deprecated: the alias also selects deprecated suites when adding. */
  includeDeprecated?: boolean;
}
/** SSL_CTX_set_ciphersuites of a library whose TLS 1.3 list is configurable (AWS-LC). */
export interface Tls13ListData {
  /** What a fresh context is given, with and without AES hardware. */
  defaultCiphersuites: string;
  defaultCiphersuitesNoAesHardware: string;
  /** On NO_CIPHER_MATCH the context's whole list is emptied, TLS 1.3 suites included. */
  noMatchEmptiesTls13: boolean;
}
export interface BoringsslData {
  target: string;
  release: string;
  commit: string;
  versionText: string;
  /** Where the recorded table comes from. */
  origin: string;
  bits: Record<Category, string[]>;
  specials: string[];
  defaultRuleString: string;
  recordedAesHardware: boolean;
  explicitOnly: MaskNames;
  descriptionLayout: { name: number; kx: number; au: number; enc: number; mac: number };
  errors: Record<BoringsslErrorCode, { reason: string; line: string }>;
  defaultOrder: RuleData[];
  suites: SuiteData[];
  aliases: AliasData[];
  /** Words that, at byte 0 only (a prefix match), run the default rule string first. */
  defaultPrefixes: string[];
  /** The empty string is accepted (outside strict mode) with an empty list. */
  emptyStringAccepted: boolean;
  /** Whether a TLS 1.3 suite's name is a suite name in the cipher list (else an unknown word). */
  cipherListKnowsTls13Names: boolean;
  /** The configurable TLS 1.3 list, or null where TLS 1.3 suites are fixed. */
  tls13: Tls13ListData | null;
  /** Bit values that are not the bit's place in `bits` (AWS-LC's MAC values 1, 2, 3, 4). */
  bitValues?: Partial<Record<Category, Record<string, number>>>;
  /**
   * ssl_cipher_is_deprecated(): suites an adding rule skips unless one of its aliases includes
   * deprecated suites; other rules and a suite's own name select them.
   */
  deprecated?: { suites?: string[] } & MaskNames;
}

/** ssl_cipher_apply_rule's rule types: CIPHER_ADD, CIPHER_ORD, CIPHER_DEL, CIPHER_KILL. */
export type RuleOp = 'add' | 'ord' | 'del' | 'kill';

/**
 * What a rule selects (ssl_cipher_apply_rule): one suite by index when `suite >= 0`; otherwise
 * every suite whose bit in each category is in the mask, whose minimum version equals
 * `minVersion` when that is set, and which is not explicit-only (NULL-SHA).
 */
export interface Selector {
  suite: number;
  mkey: number;
  auth: number;
  enc: number;
  mac: number;
  minVersion: string | null;
  /** Deprecated suites are selected too (always for rules other than adding). */
  includeDeprecated: boolean;
}

/** A suite with its masks as bits of this target. */
export interface Suite {
  readonly data: SuiteData;
  readonly mkey: number;
  readonly auth: number;
  readonly enc: number;
  readonly mac: number;
  readonly explicitOnly: boolean;
  /** Skipped by an adding rule unless its aliases include deprecated suites. */
  readonly deprecated: boolean;
  /** The result objects, made once: out of a group, and in a group with the next suite. */
  readonly cipher: BoringsslCipher;
  readonly cipherInGroup: BoringsslCipher;
}

export interface BoringsslTarget {
  readonly data: BoringsslData;
  /** Every suite BoringSSL knows, in kCiphers order (by id). */
  readonly suites: readonly Suite[];
  /** OpenSSL and IANA names to suite index: the names a rule may use for one suite. */
  readonly suiteByName: ReadonlyMap<string, number>;
  /** kCipherAliases by name. */
  readonly aliases: ReadonlyMap<string, Selector>;
  /** The suites the rules work on (all but TLS 1.3), in kCiphers order: ssl_cipher_collect_ciphers. */
  readonly collected: readonly number[];
  /** The suites SSL_CTX_set_ciphersuites' rules work on (TLS 1.3 only), where that list is configurable. */
  readonly collectedTls13: readonly number[];
}

export const ALL_BITS = 0xffffffff;

function bitOf(t: BoringsslData, cat: Category, name: string): number {
  const i = t.bits[cat].indexOf(name);
  if (i < 0) throw new Error(`${t.target}: unknown ${cat} bit ${name}`);
  return (t.bitValues?.[cat]?.[name] ?? 1 << i) >>> 0;
}

/** A named mask: a missing category matches every suite (~0u), an empty list none (0); `invert` complements. */
function maskOf(t: BoringsslData, names: MaskNames & { invert?: Category[] }, cat: Category): number {
  const list = names[cat];
  if (list === undefined) return ALL_BITS;
  const mask = list.reduce((m, n) => (m | bitOf(t, cat, n)) >>> 0, 0);
  return names.invert?.includes(cat) ? ~mask >>> 0 : mask;
}

/** A rule or alias of data/ as a selector (a rule other than adding selects deprecated suites too). */
export function selectorOf(t: BoringsslData, names: AliasData | RuleData | MaskNames): Selector {
  const n = names as Partial<AliasData & RuleData>;
  return {
    suite: -1,
    mkey: maskOf(t, n, 'mkey'),
    auth: maskOf(t, n, 'auth'),
    enc: maskOf(t, n, 'enc'),
    mac: maskOf(t, n, 'mac'),
    minVersion: n.minVersion ?? null,
    includeDeprecated: n.includeDeprecated === true || (n.op !== undefined && n.op !== 'add'),
  };
}

/** The evaluation form of a BoringSSL-family table (data/<name>.json): selectors and suites as bits. */
export function compileBoringsslTable(data: BoringsslData): BoringsslTarget {
  const explicitOnly = selectorOf(data, data.explicitOnly);
  const deprecated = data.deprecated ? selectorOf(data, data.deprecated) : null;
  const suites: Suite[] = data.suites.map((s) => {
    const base = {
      name: s.name,
      stdname: s.stdname,
      id: s.id,
      protocol: null,
      kx: s.kx,
      au: s.au,
      enc: s.enc,
      mac: s.mac,
      bits: s.bits,
      algBits: s.algBits,
    };
    const bits = Object.fromEntries(CATEGORIES.map((c) => [c, bitOf(data, c, s.masks[c])])) as Record<Category, number>;
    return {
      data: s,
      ...bits,
      // Only the categories the explicit-only fact names take part (a missing one would match all).
      explicitOnly: CATEGORIES.some((c) => data.explicitOnly[c] !== undefined && (bits[c] & explicitOnly[c]) !== 0),
      deprecated:
        deprecated !== null &&
        ((data.deprecated!.suites ?? []).includes(s.name) ||
          CATEGORIES.some((c) => data.deprecated![c] !== undefined && (bits[c] & deprecated[c]) !== 0)),
      cipher: Object.freeze({ ...base, inGroupWithNext: false }),
      cipherInGroup: Object.freeze({ ...base, inGroupWithNext: true }),
    };
  });
  const suiteByName = new Map<string, number>();
  suites.forEach((s, i) => {
    suiteByName.set(s.data.name, i);
    suiteByName.set(s.data.stdname, i);
  });
  const aliases = new Map<string, Selector>();
  for (const a of data.aliases) if (!aliases.has(a.name)) aliases.set(a.name, selectorOf(data, a));
  const collected = suites.flatMap((s, i) => (s.data.tls13 ? [] : [i]));
  const collectedTls13 = data.tls13 ? suites.flatMap((s, i) => (s.data.tls13 ? [i] : [])) : [];
  return { data, suites, suiteByName, aliases, collected, collectedTls13 };
}

/** The line BoringSSL's ERR_print_errors prints for an error code, e.g. `error:1000009e:…:INVALID_COMMAND`. */
export function boringsslErrorLine(t: BoringsslTarget, code: BoringsslErrorCode): string {
  return t.data.errors[code].line;
}
