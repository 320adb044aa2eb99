/** Per table: known words by lower case; null where two known words differ only in case. */
const byLowerCase = new WeakMap<object, Map<string, string | null>>();

/**
 * The "did you mean" of an unknown word: the one known word that differs from `word` only in
 * letter case, or null (none, or several: `adh` on 1.0.2 could be `aDH` or `ADH`). `table` keys
 * the cache; `names` lists its known words (aliases and suite names).
 */
export function caseOnlySuggestion(table: object, names: () => Iterable<string>, word: string): string | null {
  let m = byLowerCase.get(table);
  if (!m) {
    m = new Map();
    for (const name of names()) {
      const key = name.toLowerCase();
      const had = m.get(key);
      m.set(key, had === undefined || had === name ? name : null);
    }
    byLowerCase.set(table, m);
  }
  return m.get(word.toLowerCase()) ?? null;
}
