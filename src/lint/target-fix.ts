import type { Cipher, Diagnostic } from '../core/types.js';
import { isTls13Suite } from '../core/tls13.js';
import { expand } from '../expand.js';
import { requireLibrary } from '../library/registry.js';
import type { ExpandOptions } from '../types.js';
import { securityRules, type SecurityRule } from './security.js';

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
  findings: readonly Diagnostic[],
  final: readonly Cipher[],
  input: string,
  options: ExpandOptions,
): Diagnostic[] {
  // Where the TLS 1.3 list is configured apart, no word of the string reaches its suites.
  const apart = requireLibrary(options.target, 'lint').capabilities.tls13Configurable;
  const tls13 = new Set(apart ? final.filter(isTls13Suite).map((c) => c.name) : []);
  // Sets of suites are bitsets over the names of the final list (outside the TLS 1.3 list apart).
  const id = new Map<string, number>();
  for (const c of final) if (!tls13.has(c.name) && !id.has(c.name)) id.set(c.name, id.size);
  const words = (id.size + 31) >>> 5;
  const matches = new Map<string, Uint32Array | null>();
  const known = wordCache(options);
  /** The suites of the final list the word selects on the target; null for a word it does not know. */
  const selected = (word: string): Uint32Array | null => {
    if (!matches.has(word)) {
      let all = known.get(word);
      if (all === undefined) {
        const r = expand(word, { ...options, ciphersuites: undefined, supported: undefined, trace: false });
        const unknown = r.diagnostics.some((d) => d.code === 'unknown-word' || d.code === 'unavailable-alias');
        all = unknown || !r.ok ? null : r.ciphers.map((c) => c.name);
        if (known.size < MAX_WORDS) known.set(word, all);
      }
      matches.set(word, all === null ? null : setOf(all, id, words));
    }
    return matches.get(word)!;
  };
  return findings.map((d) => {
    const rule = securityRules.find((r) => r.code === d.code);
    if (!rule || typeof d.args.suites !== 'string') return d;
    const fix = targetFix(rule, d.args.suites.split(','), tls13, input, id, selected);
    return fix ? { ...d, fix } : d;
  });
}

/** The names of `names` that have an id, as a bitset. */
function setOf(names: readonly string[], id: ReadonlyMap<string, number>, words: number): Uint32Array {
  const set = new Uint32Array(words);
  for (const n of names) {
    const i = id.get(n);
    if (i !== undefined) set[i >>> 5]! |= 1 << (i & 31);
  }
  return set;
}

/**
 * What each word selects, by the options that change it (the words are the security rules'
 * `exclude` words, so the cache stays small; bounded anyway).
 */
function wordCache(options: ExpandOptions): Map<string, string[] | null> {
  const key = `${options.target ?? ''}|${options.strict ?? ''}|${options.seclevel ?? ''}`;
  let m = wordCaches.get(key);
  if (!m) wordCaches.set(key, (m = new Map()));
  return m;
}
const wordCaches = new Map<string, Map<string, string[] | null>>();
const MAX_WORDS = 1024;

function targetFix(
  rule: SecurityRule,
  flagged: readonly string[],
  tls13: ReadonlySet<string>,
  input: string,
  id: ReadonlyMap<string, number>,
  selected: (word: string) => Uint32Array | null,
): Diagnostic['fix'] | null {
  const flaggedSet = setOf(flagged, id, (id.size + 31) >>> 5);
  // The flagged suites no word removes yet (those of the TLS 1.3 list apart have no id).
  const left = flaggedSet.slice();
  // A flagged suite without an id is in no word's selection: it stays left.
  const isLeft = (n: string) => {
    const i = id.get(n);
    return i === undefined || ((left[i >>> 5]! >>> (i & 31)) & 1) !== 0;
  };
  const words: string[] = [];
  for (const word of rule.exclude) {
    const hits = selected(word.replace(/^!/, ''));
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
  // The flagged suites left, in the order flagged.
  const named = [...new Set(flagged)].filter((n) => !tls13.has(n) && isLeft(n));
  if (named.length > 0 && named.length <= MAX_NAMED) {
    for (const n of named) words.push(`!${n}`);
    named.length = 0;
  }
  const outOfTls13 = flagged.filter((n) => tls13.has(n));
  if (named.length > 0 || (words.length === 0 && outOfTls13.length === 0)) return null;
  const text = words.map((w) => `:${w}`).join('');
  const parts: string[] = [];
  if (text) parts.push(`Append \`${text}\`${rule.fixNote ? ` ${rule.fixNote}` : ''}`);
  if (outOfTls13.length > 0) parts.push(`leave ${outOfTls13.join(', ')} out of the TLS 1.3 list (ciphersuites)`);
  const description = parts.join('; ') + '.';
  return text
    ? { description, replacement: { span: { start: input.length, end: input.length }, text } }
    : { description };
}
