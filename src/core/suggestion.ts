import { closest } from './closest.js';

/** Per table: its known words, listed once, and the suggestions already found (bounded). */
const wordLists = new WeakMap<object, string[]>();
const found = new WeakMap<object, Map<string, string | null>>();
const MAX_REMEMBERED = 4096;

/**
 * The "did you mean" of an unknown word among a table's known words (aliases and suite names):
 * the one that differs only in letter case, else the one closest by edit distance (`aNUL` →
 * `aNULL`, `SHA265` → `SHA256`); null when none is close enough or two are equally close (`adh`
 * on 1.0.2 could be `aDH` or `ADH`). `table` keys the cache of `names`.
 */
export function wordSuggestion(table: object, names: () => Iterable<string>, word: string): string | null {
  let list = wordLists.get(table);
  if (!list) {
    list = [...new Set(names())];
    wordLists.set(table, list);
  }
  let seen = found.get(table);
  if (!seen) found.set(table, (seen = new Map()));
  let answer = seen.get(word);
  if (answer === undefined) {
    answer = closest(word, list) ?? null;
    if (seen.size >= MAX_REMEMBERED) seen.clear();
    seen.set(word, answer);
  }
  return answer;
}
