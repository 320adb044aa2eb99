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
  aliases: Array<MaskNames & { name: string; minVersion?: string }>;
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
}

/** A suite with its masks as bits of this target. */
export interface Suite {
  readonly data: SuiteData;
  readonly mkey: number;
  readonly auth: number;
  readonly enc: number;
  readonly mac: number;
  readonly explicitOnly: boolean;
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
}

export const ALL_BITS = 0xffffffff;

function bitOf(t: BoringsslData, cat: Category, name: string): number {
  const i = t.bits[cat].indexOf(name);
  if (i < 0) throw new Error(`data/boringssl.json: unknown ${cat} bit ${name}`);
  return (1 << i) >>> 0;
}

/** A named mask: a missing category matches every suite (~0u), an empty list none (0). */
function maskOf(t: BoringsslData, names: MaskNames, cat: Category): number {
  const list = names[cat];
  if (list === undefined) return ALL_BITS;
  return list.reduce((m, n) => (m | bitOf(t, cat, n)) >>> 0, 0);
}

/** A rule or alias of data/ as a selector. */
export function selectorOf(t: BoringsslData, names: MaskNames & { minVersion?: string }): Selector {
  return {
    suite: -1,
    mkey: maskOf(t, names, 'mkey'),
    auth: maskOf(t, names, 'auth'),
    enc: maskOf(t, names, 'enc'),
    mac: maskOf(t, names, 'mac'),
    minVersion: names.minVersion ?? null,
  };
}

/** The evaluation form of a BoringSSL-family table (data/<name>.json): selectors and suites as bits. */
export function compileBoringsslTable(data: BoringsslData): BoringsslTarget {
  const explicitOnly = selectorOf(data, data.explicitOnly);
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
  return { data, suites, suiteByName, aliases, collected };
}

/** The line BoringSSL's ERR_print_errors prints for an error code, e.g. `error:1000009e:…:INVALID_COMMAND`. */
export function boringsslErrorLine(t: BoringsslTarget, code: BoringsslErrorCode): string {
  return t.data.errors[code].line;
}
