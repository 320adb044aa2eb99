import type { Entry, Selector, Target } from './target.js';

/**
 * The suites a selector matches, as a bitset over suite indices (bit i of word i >> 5).
 *
 * ssl_cipher_apply_rule() tests each suite: every non-zero category mask must share a bit with
 * the suite's, the minimum version must be equal, the id must be equal when set. "Shares a bit
 * with mask m" is the union, over the bits b of m, of the suites that have b; so the match set
 * is the intersection, over the selector's non-zero fields, of unions of per-bit suite sets
 * that are computed once per target. Same answer as testing each suite, in a few word ops.
 */
export interface MatchIndex {
  words: number;
  /** [category][bit position] → suites that have that bit. */
  byBit: Record<'mkey' | 'auth' | 'enc' | 'mac' | 'ssl' | 'strength', Uint32Array[]>;
  /** Protocol version number → suites whose minimum is that version. */
  byMinTls: Map<number, Uint32Array>;
  /** Suite id number → a set with that one suite. */
  byId: Map<number, Uint32Array>;
  empty: Uint32Array;
}

const CATEGORIES = ['mkey', 'auth', 'enc', 'mac', 'ssl', 'strength'] as const;
const index = new WeakMap<Target, MatchIndex>();

export function matchIndex(t: Target): MatchIndex {
  let ix = index.get(t);
  if (ix) return ix;
  const n = t.suites.length;
  const words = (n + 31) >>> 5;
  const byBit = {} as MatchIndex['byBit'];
  for (const cat of CATEGORIES) {
    const masks = t[cat];
    const sets = Array.from({ length: 32 }, () => new Uint32Array(words));
    for (let i = 0; i < n; i++) {
      for (let m = masks[i]!; m !== 0; m &= m - 1) {
        const b = 31 - Math.clz32(m & -m);
        sets[b]![i >>> 5]! |= 1 << (i & 31);
      }
    }
    byBit[cat] = sets;
  }
  const byMinTls = new Map<number, Uint32Array>();
  const byId = new Map<number, Uint32Array>();
  for (let i = 0; i < n; i++) {
    const v = t.minTls[i]!;
    if (!byMinTls.has(v)) byMinTls.set(v, new Uint32Array(words));
    byMinTls.get(v)![i >>> 5]! |= 1 << (i & 31);
    const one = new Uint32Array(words);
    one[i >>> 5] = 1 << (i & 31);
    byId.set(t.ids[i]!, one);
  }
  ix = { words, byBit, byMinTls, byId, empty: new Uint32Array(words) };
  index.set(t, ix);
  return ix;
}

let unionScratch = new Uint32Array(0);

function intersectUnion(out: Uint32Array, sets: Uint32Array[], mask: number, words: number): void {
  if (unionScratch.length < words) unionScratch = new Uint32Array(words);
  const u = unionScratch.fill(0, 0, words);
  for (let b = 0; b < 32; b++) {
    if (((mask >>> b) & 1) === 0) continue;
    const s = sets[b]!;
    for (let w = 0; w < words; w++) u[w]! |= s[w]!;
  }
  for (let w = 0; w < words; w++) out[w]! &= u[w]!;
}

/** The match set of `sel` (a new array). */
export function matchSet(t: Target, sel: Selector): Uint32Array {
  const ix = matchIndex(t);
  const { words } = ix;
  const out = new Uint32Array(words).fill(0xffffffff);
  if (sel.cipherId !== 0) {
    const one = ix.byId.get(sel.cipherId) ?? ix.empty;
    for (let w = 0; w < words; w++) out[w]! &= one[w]!;
  }
  if (sel.mkey !== 0) intersectUnion(out, ix.byBit.mkey, sel.mkey, words);
  if (sel.auth !== 0) intersectUnion(out, ix.byBit.auth, sel.auth, words);
  if (sel.enc !== 0) intersectUnion(out, ix.byBit.enc, sel.enc, words);
  if (sel.mac !== 0) intersectUnion(out, ix.byBit.mac, sel.mac, words);
  if (sel.ssl !== 0) intersectUnion(out, ix.byBit.ssl, sel.ssl, words);
  if (sel.minTls !== 0) {
    const s = ix.byMinTls.get(sel.minTls) ?? ix.empty;
    for (let w = 0; w < words; w++) out[w]! &= s[w]!;
  }
  // Each strength group (STRONG, EXP, NOT_DEFAULT) is its own condition.
  for (const g of t.strengthGroups) {
    const part = sel.strength & g.mask;
    if (part !== 0) intersectUnion(out, ix.byBit.strength, part, words);
  }
  return out;
}

/** The match set of a word's own selector, computed once and kept on the entry. */
export function entryMatchSet(t: Target, e: Entry): Uint32Array {
  return (e.hits ??= matchSet(t, e));
}

const availableSets = new WeakMap<Target, Uint32Array>();

/** The suites this build provides (what ssl_cipher_collect_ciphers() can collect), as a set. */
export function availableSet(t: Target): Uint32Array {
  let s = availableSets.get(t);
  if (!s) {
    s = new Uint32Array((t.suites.length + 31) >>> 5);
    for (let i = 0; i < t.suites.length; i++) if (t.available[i]) s[i >>> 5]! |= 1 << (i & 31);
    availableSets.set(t, s);
  }
  return s;
}
