import { closest } from './closest.js';

/** Per table: its known words, listed once. */
const wordLists = new WeakMap<object, string[]>();

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
  return closest(word, list) ?? null;
}
