import type { Cipher, Diagnostic } from '../core/types.js';
import { popcount } from '../core/cipher-list.js';
import { isTls13Suite } from '../core/tls13.js';
import { expand } from '../expand.js';
import { requireLibrary } from '../library/registry.js';
import { opensslTable } from '../library/tables.js';
import type { ExpandOptions } from '../types.js';
import { securityRules, suiteFacts, type SecurityReport, type SecurityRule } from './security.js';
import { suiteId, suiteIdCount } from './suite-ids.js';

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
  if (findings.length === 0) return findings;
  // Where the TLS 1.3 list is configured apart, no word of the string reaches its suites.
  const lib = requireLibrary(options.target, 'lint');
  const apart = lib.capabilities.tls13Configurable;
  // Sets of suites are bitsets over the numbers of suite names (suite-ids.ts).
  const cache = wordCache(options);
  // The final list's numbers (-1 for a TLS 1.3 suite of the list apart) and the rules each suite matches.
  const n = final.length;
  const ids: number[] = [];
  const rulesOf: number[] = [];
  const tls13: number[] = []; // the positions of those TLS 1.3 suites
  for (let k = 0; k < n; k++) {
    const f = suiteFacts(final[k]!);
    rulesOf.push(f.rules);
    if (apart && f.tls13) {
      ids.push(-1);
      tls13.push(k);
    } else ids.push(f.id);
  }
  // The sets of this call, each `words` long, in one scratch array (see Sets).
  const words = (suiteIdCount() + 31) >>> 5;
  const size = (securityRules.length + 2) * words;
  if (scratch.length < size) scratch = new Uint32Array(size);
  const sets: Sets = { bits: scratch, words, left: (securityRules.length + 1) * words };
  scratch.fill(0, 0, size);
  for (let k = 0; k < n; k++) {
    const i = ids[k]!;
    if (i < 0) continue;
    const w = i >>> 5;
    const bit = 1 << (i & 31);
    scratch[w]! |= bit;
    for (let bits = rulesOf[k]!; bits !== 0; bits &= bits - 1) {
      const r = 31 - Math.clz32(bits & -bits);
      scratch[(1 + r) * words + w]! |= bit;
    }
  }
  /** The suites an exclude word (`!X` or `X`) selects on the target; null for a word it does not know. */
  const selected = (exclude: string): Uint32Array | null => {
    let all = cache.words.get(exclude);
    if (all === undefined) {
      const word = exclude.replace(/^!/, '');
      // A word not in an OpenSSL-family table is unknown there: no need to evaluate it (and have
      // the evaluator look for the words it may have meant).
      if (lib.family === 'openssl' && opensslTable(lib).words.get(word) === undefined) all = null;
      else {
        const r = expand(word, { ...options, ciphersuites: undefined, supported: undefined, trace: false });
        const unknown = r.diagnostics.some((d) => d.code === 'unknown-word' || d.code === 'unavailable-alias');
        all = unknown || !r.ok ? null : setOf(r.ciphers.map((c) => c.name));
      }
      if (cache.words.size < MAX_WORDS) cache.words.set(exclude, all);
    }
    return all;
  };
  /** The names of the suites rule r flags, in list order, at the positions `at` (all when absent) that pass `keep`. */
  const namesOf = (r: number, keep: (k: number) => boolean, at?: readonly number[]): string[] => {
    const names: string[] = [];
    for (let j = 0, end = at ? at.length : n; j < end; j++) {
      const k = at ? at[j]! : j;
      if ((rulesOf[k]! & (1 << r)) !== 0 && keep(k)) names.push(final[k]!.name);
    }
    return names;
  };
  return findings.map((d) => {
    const r = RULE_INDEX.get(d.code);
    if (r === undefined || typeof d.args.suites !== 'string') return d;
    const fix = targetFix(securityRules[r]!, r, sets, tls13, ids, namesOf, input, selected);
    // assessList's findings, field by field in their order, with the fix written for the target.
    return fix ? { code: d.code, severity: d.severity, message: d.message, span: d.span, args: d.args, fix } : d;
  });
}

/**
 * The sets of one fixesForTarget call, as bitsets of `words` words over suite ids in `bits`: the
 * final list (outside the TLS 1.3 list apart) at 0, the part of it rule r flags at (1 + r) *
 * words, and at `left` the flagged suites of the rule at hand that no chosen word removes yet.
 * A scratch array, reused from call to call (lint is synchronous), so that no call allocates sets.
 */
interface Sets {
  bits: Uint32Array;
  words: number;
  left: number;
}
let scratch = new Uint32Array(0);

/** Each security rule's index in securityRules, by code. */
const RULE_INDEX = new Map(securityRules.map((rule, r) => [rule.code as string, r]));

/** The names as a bitset over their numbers. */
function setOf(names: readonly string[]): Uint32Array {
  const ids = names.map(suiteId);
  const set = new Uint32Array((Math.max(-1, ...ids) + 32) >>> 5);
  for (const i of ids) set[i >>> 5]! |= 1 << (i & 31);
  return set;
}

/**
 * What each word selects, by the options that change it, as a bitset over the numbers of suite
 * names (suite-ids.ts); the words are the security rules' `exclude` words, so the cache stays
 * small (bounded anyway).
 */
function wordCache(options: ExpandOptions): WordCache {
  const key = `${options.target ?? ''}|${options.strict ?? ''}|${options.seclevel ?? ''}`;
  let m = wordCaches.get(key);
  if (!m) wordCaches.set(key, (m = { words: new Map() }));
  return m;
}
interface WordCache {
  words: Map<string, Uint32Array | null>;
}
const wordCaches = new Map<string, WordCache>();
const MAX_WORDS = 1024;

function targetFix(
  rule: SecurityRule,
  r: number,
  sets: Sets,
  tls13: readonly number[],
  ids: readonly number[],
  namesOf: (r: number, keep: (k: number) => boolean, at?: readonly number[]) => string[],
  input: string,
  selected: (exclude: string) => Uint32Array | null,
): Diagnostic['fix'] | null {
  const { bits, words: size, left } = sets;
  const flagged = (1 + r) * size;
  bits.copyWithin(left, flagged, flagged + size);
  const words: string[] = [];
  for (const word of rule.exclude) {
    const all = selected(word);
    if (!all) continue; // a word the target lacks
    // What it selects of the final list (a suite numbered after `all` was made is not in it).
    const m = Math.min(size, all.length);
    let outside = 0;
    let adds = 0;
    for (let w = 0; w < m; w++) {
      const hits = all[w]! & bits[w]!;
      outside |= hits & ~bits[flagged + w]!;
      adds |= hits & bits[left + w]!;
    }
    // One that removes a suite the rule did not flag, or one that adds nothing new.
    if (outside !== 0 || adds === 0) continue;
    words.push(word);
    for (let w = 0; w < m; w++) bits[left + w]! &= ~(all[w]! & bits[w]!);
  }
  // The flagged suites left (outside the TLS 1.3 list apart), in list order: named one by one
  // when they are few, else the finding keeps its general advice.
  let count = 0;
  for (let w = 0; w < size; w++) count += popcount(bits[left + w]!);
  if (count > MAX_NAMED) return null;
  if (count > 0) {
    const isLeft = (k: number) => {
      const i = ids[k]!;
      return i >= 0 && ((bits[left + (i >>> 5)]! >>> (i & 31)) & 1) !== 0;
    };
    for (const name of new Set(namesOf(r, isLeft))) words.push(`!${name}`);
  }
  const outOfTls13 = tls13.length > 0 ? namesOf(r, () => true, tls13) : [];
  if (words.length === 0 && outOfTls13.length === 0) return null;
  let text = '';
  for (const w of words) text += ':' + w;
  let description = text ? `Append \`${text}\`${rule.fixNote ? ` ${rule.fixNote}` : ''}` : '';
  if (outOfTls13.length > 0) {
    description += `${text ? '; ' : ''}leave ${outOfTls13.join(', ')} out of the TLS 1.3 list (ciphersuites)`;
  }
  description += '.';
  return text
    ? { description, replacement: { span: { start: input.length, end: input.length }, text } }
    : { description };
}
