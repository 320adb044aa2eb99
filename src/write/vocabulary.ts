// The words `suggest` builds strings from, each with what it matches on every chosen target:
// aliases every target knows, compounds `A+B` and `A+B+C` of them, and the suites' own names.
// What a word matches is what the real evaluator gives for the word alone (computed once per
// target and word); the search only ranks candidates, and every string it returns is proven.
import { expand } from '../expand.js';
import { requireLibrary, type TargetName } from '../library/registry.js';
import { boringsslTable, opensslTable } from '../library/tables.js';
import { expandOptionsFor, type ProofOptions } from './proof.js';

/** What one word matches on one target, as the search sees it. */
export interface WordMatch {
  /** The wanted suites it adds when alone, as positions in the target's wanted list, in the order it adds them. */
  hit: number[];
  /** The other suites it adds when alone (OpenSSL names). */
  extra: ReadonlySet<string>;
}

/** A word of the vocabulary and what it matches on each target (in the order of the targets). */
export interface Word {
  /** The word as written: `ECDHE`, `ECDHE+AESGCM`, `ECDHE-RSA-AES128-GCM-SHA256`. */
  text: string;
  /** How many words joined by `+` it is (1 for an alias or a suite name). */
  parts: number;
  /** Every target knows it (an unknown word is ignored by OpenSSL, but lint warns about it). */
  common: boolean;
  /** Per target. */
  match: WordMatch[];
}

/** A word's lone expansion on one target: its suites in order, or null where the target rejects the word. */
type Lone = readonly string[] | null;

const loneCache = new Map<string, Lone>();

/** What `word` alone gives on `target` with the proof's set-up and no TLS 1.3 list (cached). */
export function loneMatch(word: string, target: TargetName, options: ProofOptions): Lone {
  const key = `${target}\u0000${options.seclevel ?? ''}\u0000${word}`;
  let got = loneCache.get(key);
  if (got === undefined) {
    const r = expand(word, expandOptionsFor(target, { ...options, ciphersuites: '' }));
    got = r.ok ? r.ciphers.map((c) => c.name) : r.error.code === 'no-cipher-match' ? [] : null;
    if (loneCache.size > 200_000) loneCache.clear();
    loneCache.set(key, got);
  }
  return got;
}

/** The words a target's cipher string knows: aliases (in the table's order) and suite names. */
interface TargetWords {
  aliases: string[];
  names: ReadonlySet<string>;
}

const wordsCache = new Map<TargetName, TargetWords>();

function wordsOf(target: TargetName): TargetWords {
  let w = wordsCache.get(target);
  if (w) return w;
  const lib = requireLibrary(target, 'suggest');
  if (lib.family === 'boringssl') {
    const t = boringsslTable(lib);
    // Words that only mean something at byte 0 (DEFAULT, and ALL/FIPS/HIGH on AWS-LC) are left out.
    const prefixes = new Set(t.data.defaultPrefixes);
    w = { aliases: [...t.aliases.keys()].filter((a) => !prefixes.has(a)), names: new Set(t.suiteByName.keys()) };
  } else {
    const t = opensslTable(lib);
    const aliases: string[] = [];
    const names = new Set<string>();
    for (const [name, e] of t.words) {
      if (e.suite >= 0 || e.explicit) names.add(name);
      else if (!name.startsWith('SUITEB')) aliases.push(name);
    }
    w = { aliases, names };
  }
  wordsCache.set(target, w);
  return w;
}

/** The search's view of `target`: its wanted list, by position. */
export interface SearchTarget {
  target: TargetName;
  wanted: readonly string[];
}

/**
 * The vocabulary for `targets`: one word per distinct match (the best spelled: known everywhere,
 * shorter, fewer parts), for the aliases every target knows, their compounds that narrow them,
 * and the names of the wanted suites. Words a target rejects outright are left out.
 */
export function vocabulary(targets: readonly SearchTarget[], options: ProofOptions): Word[] {
  const known = targets.map((t) => wordsOf(t.target));
  const positions = targets.map((t) => new Map(t.wanted.map((n, i) => [n, i])));
  const matchOf = (text: string): WordMatch[] | null => {
    const out: WordMatch[] = [];
    for (let i = 0; i < targets.length; i++) {
      const lone = loneMatch(text, targets[i]!.target, options);
      if (lone === null) return null;
      const hit: number[] = [];
      const extra = new Set<string>();
      for (const n of lone) {
        const p = positions[i]!.get(n);
        if (p === undefined) extra.add(n);
        else hit.push(p);
      }
      out.push({ hit, extra });
    }
    return out;
  };
  const best = new Map<string, Word>();
  const offer = (text: string, parts: number, match: WordMatch[] | null) => {
    if (match === null || match.every((m) => m.hit.length === 0 && m.extra.size === 0)) return;
    const common = known.every((k) => k.names.has(text) || text.split('+').every((p) => k.aliases.includes(p)));
    const word: Word = { text, parts, common, match };
    const sig = signature(match);
    const had = best.get(sig);
    if (!had || better(word, had)) best.set(sig, word);
  };

  // Aliases every target knows, in the first target's table order (key exchange, authentication, cipher, MAC...).
  const aliases = known[0]!.aliases.filter((a) => known.every((k) => k.aliases.includes(a)));
  const alone = new Map<string, WordMatch[]>();
  for (const a of aliases) {
    const m = matchOf(a);
    if (m === null) continue;
    offer(a, 1, m);
    if (m.some((x) => x.hit.length > 0)) alone.set(a, m);
  }
  // Compounds of aliases that match wanted suites: kept when the pattern narrows both parts.
  const relevant = [...alone.keys()];
  const narrows = (m: WordMatch[], of: WordMatch[]) => m.some((x, i) => size(x) < size(of[i]!));
  const pairs: Array<{ parts: string[]; model: WordMatch[] }> = [];
  for (let i = 0; i < relevant.length; i++) {
    for (let j = i + 1; j < relevant.length; j++) {
      const a = alone.get(relevant[i]!)!;
      const b = alone.get(relevant[j]!)!;
      const model = intersect(a, b);
      if (model.every((x) => x.hit.length === 0) || !narrows(model, a) || !narrows(model, b)) continue;
      pairs.push({ parts: [relevant[i]!, relevant[j]!], model });
    }
  }
  // The shortest spelling per modelled match: a longer one is not evaluated.
  const shortest = new Map<string, number>();
  for (const p of pairs) {
    const text = p.parts.join('+');
    const sig = signature(p.model);
    shortest.set(sig, Math.min(shortest.get(sig) ?? Infinity, text.length));
    offer(text, 2, matchOf(text));
  }
  for (const p of pairs) {
    const last = relevant.indexOf(p.parts[1]!);
    for (let k = last + 1; k < relevant.length; k++) {
      const c = alone.get(relevant[k]!)!;
      const model = intersect(p.model, c);
      if (model.every((x) => x.hit.length === 0) || !narrows(model, p.model) || !narrows(model, c)) continue;
      const sig = signature(model);
      const text = [...p.parts, relevant[k]!].join('+');
      if ((shortest.get(sig) ?? Infinity) <= text.length) continue;
      shortest.set(sig, text.length);
      offer(text, 3, matchOf(text));
    }
  }
  // The wanted suites by name, under each target's name for it.
  for (const t of targets) for (const n of t.wanted) offer(n, 1, matchOf(n));
  return [...best.values()];
}

function size(m: WordMatch): number {
  return m.hit.length + m.extra.size;
}

/** The model of a compound: what both parts match (the evaluator decides; this only ranks). */
function intersect(a: WordMatch[], b: WordMatch[]): WordMatch[] {
  return a.map((x, i) => {
    const y = b[i]!;
    const inY = new Set(y.hit);
    return { hit: x.hit.filter((p) => inY.has(p)), extra: new Set([...x.extra].filter((n) => y.extra.has(n))) };
  });
}

function signature(match: readonly WordMatch[]): string {
  return match.map((m) => `${m.hit.join(',')}/${[...m.extra].sort().join(',')}`).join(';');
}

/** Known on every target first, then shorter, then fewer parts, then alphabetical. */
function better(a: Word, b: Word): boolean {
  if (a.common !== b.common) return a.common;
  if (a.text.length !== b.text.length) return a.text.length < b.text.length;
  if (a.parts !== b.parts) return a.parts < b.parts;
  return a.text < b.text;
}
