// The words a set of targets all know, and what each selects alone as bits over each target's
// suites: what minimize() may write in place of a longer word. Judged by evaluating each word alone.
import { expand } from '../expand.js';
import { requireLibrary } from '../library/registry.js';
import { boringsslTable, opensslTable } from '../library/tables.js';
import type { TargetName } from '../types.js';

/** A word with what it selects alone on each target, as bits over that target's suites. */
export interface VocabularyWord {
  /** The word as a target spells it. */
  text: string;
  /** Per target (in the order of `Vocabulary.targets`): the suites the word alone adds. */
  sets: bigint[];
}

/** The words every target of a set knows, and a way to turn lists into bits. */
export interface Vocabulary {
  targets: readonly TargetName[];
  /** Shortest first. */
  words: VocabularyWord[];
  /** The suites of a list, as bits over the suites of the target at `index`. */
  bits(index: number, names: readonly string[]): bigint;
  /**
   * What one word (or compound) selects alone on each target; null where a target does not know
   * it, or with `loose` nothing (0) on that target.
   */
  setsOf(word: string, loose?: boolean): bigint[] | null;
}

/** Names in the target's tables: its suites and aliases, as its string can use them. */
function wordsOf(target: TargetName): string[] {
  const lib = requireLibrary(target, 'minimize');
  if (lib.family === 'openssl') return [...opensslTable(lib).words.keys()];
  const t = boringsslTable(lib);
  return [...t.aliases.keys(), ...t.suites.map((s) => s.data.name)];
}

const cache = new Map<string, Vocabulary>();

/** The vocabulary of `targets` (with the same options on each): built once per set. */
export function vocabularyOf(
  targets: readonly TargetName[],
  optionsFor: (t: TargetName) => Parameters<typeof expand>[1],
): Vocabulary {
  const key = JSON.stringify([targets, targets.map(optionsFor)]);
  const hit = cache.get(key);
  if (hit) return hit;
  const index = targets.map(() => new Map<string, bigint>());
  const bits = (i: number, names: readonly string[]): bigint => {
    let b = 0n;
    const idx = index[i]!;
    for (const n of names) {
      let bit = idx.get(n);
      if (bit === undefined) idx.set(n, (bit = 1n << BigInt(idx.size)));
      b |= bit;
    }
    return b;
  };
  const setsOf = (word: string, loose = false): bigint[] | null => {
    const out: bigint[] = [];
    for (const [i, target] of targets.entries()) {
      const r = expand(word, { ...optionsFor(target), ciphersuites: '' });
      if (r.diagnostics.some((d) => d.code === 'unknown-word' || d.code === 'unavailable-alias')) {
        if (!loose) return null;
        out.push(0n);
        continue;
      }
      out.push(
        bits(
          i,
          r.ciphers.map((c) => c.name),
        ),
      );
    }
    return out;
  };
  const common = targets.map((t) => new Set(wordsOf(t))).reduce((a, b) => new Set([...a].filter((w) => b.has(w))));
  const words: VocabularyWord[] = [];
  for (const text of [...common].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    if (!/^[A-Za-z0-9][A-Za-z0-9.=_-]*$/.test(text) || text === 'DEFAULT') continue;
    const sets = setsOf(text);
    if (sets && sets.some((s) => s !== 0n)) words.push({ text, sets });
  }
  const v: Vocabulary = { targets, words, bits, setsOf };
  if (cache.size > 32) cache.clear();
  cache.set(key, v);
  return v;
}
