import type { Cipher, Diagnostic } from '../core/types.js';
import { popcount } from '../core/cipher-list.js';
import { isTls13Suite } from '../core/tls13.js';
import { expand } from '../expand.js';
import { requireLibrary } from '../library/registry.js';
import type { ExpandOptions } from '../types.js';
import { securityRules, type SecurityReport, type SecurityRule } from './security.js';

/** How many flagged suites a fix may name one by one when no word of the rule covers them. */
const MAX_NAMED = 3;

/**
 * The security findings' fixes written for the target: each rule's `exclude` words that the
 * target knows, chosen so that every one removes flagged suites and nothing else of the final
 * list, then flagged suites no word covers by their names (a few), then the TLS 1.3 suites to
 * leave out of the ciphersuites list. The text to append is also given as a replacement at the
 * end of the input, so that applying it is one edit. A finding whose suites no such fix removes
 * keeps the rule's general advice. Words are judged by evaluating them on the target, so a word
 * another release spells differently is never offered.
 */
export function fixesForTarget(
  security: SecurityReport,
  final: readonly Cipher[],
  input: string,
  options: ExpandOptions,
): Diagnostic[] {
  const findings = security.diagnostics;
  // Where the TLS 1.3 list is configured apart, no word of the string reaches its suites.
  const apart = requireLibrary(options.target, 'lint').capabilities.tls13Configurable;
  const tls13 = new Set(apart ? final.filter(isTls13Suite).map((c) => c.name) : []);
  // Sets of suites are bitsets over the target's suite names, numbered once per cache (`id`);
  // `inFinal` holds the final list's (outside the TLS 1.3 list apart).
  const cache = wordCache(options);
  const id = cache.id;
  const idOf = (n: string): number => {
    let i = id.get(n);
    if (i === undefined) id.set(n, (i = id.size));
    return i;
  };
  for (const c of final) if (!tls13.has(c.name)) idOf(c.name);
  // Each rule's flagged suites, with their ids, in list order: what its finding's `suites` lists.
  const flaggedBy = new Map<string, { names: string[]; ids: number[] }>();
  for (const s of security.suites) {
    if (s.findings.length === 0) continue;
    const i = idOf(s.name);
    for (const code of s.findings) {
      const f = flaggedBy.get(code);
      if (f) {
        f.names.push(s.name);
        f.ids.push(i);
      } else flaggedBy.set(code, { names: [s.name], ids: [i] });
    }
  }
  const words = (id.size + 31) >>> 5;
  const inFinal = new Uint32Array(words);
  for (const c of final) {
    if (tls13.has(c.name)) continue;
    const i = id.get(c.name)!;
    inFinal[i >>> 5]! |= 1 << (i & 31);
  }
  const matches = new Map<string, Uint32Array | null>();
  /** The suites of the final list an exclude word (`!X` or `X`) selects on the target; null for a word it does not know. */
  const selected = (exclude: string): Uint32Array | null => {
    let hits = matches.get(exclude);
    if (hits === undefined) {
      let all = cache.words.get(exclude);
      if (all === undefined) {
        const word = exclude.replace(/^!/, '');
        const r = expand(word, { ...options, ciphersuites: undefined, supported: undefined, trace: false });
        const unknown = r.diagnostics.some((d) => d.code === 'unknown-word' || d.code === 'unavailable-alias');
        all =
          unknown || !r.ok
            ? null
            : setOf(
                r.ciphers.map((c) => c.name),
                idOf,
              );
        if (cache.words.size < MAX_WORDS) cache.words.set(exclude, all);
      }
      if (all === null) hits = null;
      else {
        hits = new Uint32Array(words);
        for (let w = 0; w < words && w < all.length; w++) hits[w] = all[w]! & inFinal[w]!;
      }
      matches.set(exclude, hits);
    }
    return hits;
  };
  const isFinal = (i: number) => ((inFinal[i >>> 5]! >>> (i & 31)) & 1) !== 0;
  return findings.map((d) => {
    const rule = securityRules.find((r) => r.code === d.code);
    const flagged = typeof d.args.suites === 'string' ? flaggedBy.get(d.code) : undefined;
    if (!rule || !flagged) return d;
    const fix = targetFix(rule, flagged.names, flagged.ids, tls13, input, isFinal, words, selected);
    return fix ? { ...d, fix } : d;
  });
}

/** The names as a bitset over their ids. */
function setOf(names: readonly string[], idOf: (n: string) => number): Uint32Array {
  const ids = names.map(idOf);
  const set = new Uint32Array((Math.max(-1, ...ids) + 32) >>> 5);
  for (const i of ids) set[i >>> 5]! |= 1 << (i & 31);
  return set;
}

/**
 * What each word selects, by the options that change it, as a bitset over suite names numbered
 * in `id` (the words are the security rules' `exclude` words, so the cache stays small; bounded
 * anyway).
 */
function wordCache(options: ExpandOptions): WordCache {
  const key = `${options.target ?? ''}|${options.strict ?? ''}|${options.seclevel ?? ''}`;
  let m = wordCaches.get(key);
  if (!m) wordCaches.set(key, (m = { id: new Map(), words: new Map() }));
  return m;
}
interface WordCache {
  id: Map<string, number>;
  words: Map<string, Uint32Array | null>;
}
const wordCaches = new Map<string, WordCache>();
const MAX_WORDS = 1024;

function targetFix(
  rule: SecurityRule,
  flagged: readonly string[],
  ids: readonly number[],
  tls13: ReadonlySet<string>,
  input: string,
  isFinal: (i: number) => boolean,
  size: number,
  selected: (exclude: string) => Uint32Array | null,
): Diagnostic['fix'] | null {
  // The flagged suites of the final list (those of the TLS 1.3 list apart are not in it); a
  // flagged suite outside it (`outside`) is in no word's selection, so it stays left.
  const flaggedSet = new Uint32Array(size);
  let outsideFinal = false;
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k]!;
    if (isFinal(i)) flaggedSet[i >>> 5]! |= 1 << (i & 31);
    else if (!tls13.has(flagged[k]!)) outsideFinal = true;
  }
  // The flagged suites no word removes yet.
  const left = flaggedSet.slice();
  const words: string[] = [];
  for (const word of rule.exclude) {
    const hits = selected(word);
    if (!hits) continue; // a word the target lacks
    let outside = 0;
    let adds = 0;
    for (let w = 0; w < hits.length; w++) {
      outside |= hits[w]! & ~flaggedSet[w]!;
      adds |= hits[w]! & left[w]!;
    }
    // One that removes a suite the rule did not flag, or one that adds nothing new.
    if (outside !== 0 || adds === 0) continue;
    words.push(word);
    for (let w = 0; w < hits.length; w++) left[w]! &= ~hits[w]!;
  }
  // The flagged suites left (outside the TLS 1.3 list apart), in the order flagged: named one
  // by one when they are few, else the finding keeps its general advice.
  let count = 0;
  for (let w = 0; w < size; w++) count += popcount(left[w]!);
  if (outsideFinal || (count > 0 && count <= MAX_NAMED)) {
    const isLeft = (k: number) => {
      const i = ids[k]!;
      return !isFinal(i) || ((left[i >>> 5]! >>> (i & 31)) & 1) !== 0;
    };
    const named = [...new Set(flagged.filter((n, k) => !tls13.has(n) && isLeft(k)))];
    if (named.length > MAX_NAMED) return null;
    for (const n of named) words.push(`!${n}`);
  } else if (count > 0) return null;
  const outOfTls13 = tls13.size === 0 ? [] : flagged.filter((n) => tls13.has(n));
  if (words.length === 0 && outOfTls13.length === 0) return null;
  const text = words.map((w) => `:${w}`).join('');
  const parts: string[] = [];
  if (text) parts.push(`Append \`${text}\`${rule.fixNote ? ` ${rule.fixNote}` : ''}`);
  if (outOfTls13.length > 0) parts.push(`leave ${outOfTls13.join(', ')} out of the TLS 1.3 list (ciphersuites)`);
  const description = parts.join('; ') + '.';
  return text
    ? { description, replacement: { span: { start: input.length, end: input.length }, text } }
    : { description };
}
