import { expand } from './expand.js';
import type { Cipher, ExpandError } from './core/types.js';
import type { ExpandOptions, ExpandResult } from './types.js';

/** One side of a comparison: accepted or not, why not, and how many suites its final list has. */
export interface Side {
  /** Whether OpenSSL accepts this side's string. */
  ok: boolean;
  /** Why not; null when `ok`. */
  error: ExpandError | null;
  /** How many suites its final list has (0 when not `ok`). */
  count: number;
  /** The security level after the call (`@SECLEVEL=n`), null where the release has none. */
  seclevel: number | null;
}

/**
 * What changes from one final list (`before`) to another (`after`). Suites are compared by
 * their OpenSSL name; positions are 0-based indexes into each final list, TLS 1.3 suites
 * included, as `expand` returns them.
 */
export interface CipherListDiff {
  /** The first list's side. */
  before: Side;
  /** The second list's side. */
  after: Side;
  /** In `after` only, in `after` order; `position` is the index in `after`. */
  added: Array<{
    /** The suite's OpenSSL name. */
    name: string;
    /** Its index in `after`. */
    position: number;
  }>;
  /** In `before` only, in `before` order; `position` is the index in `before`. */
  removed: Array<{
    /** The suite's OpenSSL name. */
    name: string;
    /** Its index in `before`. */
    position: number;
  }>;
  /**
   * In both lists, but placed differently relative to the other suites both lists hold: the
   * fewest suites whose removal leaves the common suites in the same order on both sides.
   * In `after` order, with the index in `before` (`from`) and in `after` (`to`).
   */
  moved: Array<{
    /** The suite's OpenSSL name. */
    name: string;
    /** Its index in `before`. */
    from: number;
    /** Its index in `after`. */
    to: number;
  }>;
  /** Suites in both lists that did not move (their index may still shift by additions and removals). */
  unchanged: number;
  /** The first suite of each list (null for an empty or failed list), and whether it differs. */
  firstPreference: {
    /** The first suite of `before`. */
    before: string | null;
    /** The first suite of `after`. */
    after: string | null;
    /** Whether they differ. */
    changed: boolean;
  };
  /** Whether the TLS 1.3 suites (protocol `TLSv1.3`), in their order, differ between the lists. */
  tls13Changed: boolean;
  /** Both sides accepted with the same suites in the same order. */
  identical: boolean;
}

/**
 * Compares two results of `expand`. A failed side counts as an empty list (so every suite of
 * the other side is added or removed) and keeps its error in `Side.error`; two failures are
 * never `identical`. Pure; neither argument is changed.
 *
 * "Moved" is the complement of a longest common subsequence of the two lists restricted to
 * their common suites: with the common suites numbered by their place in `before` and read in
 * `after` order, the kept suites are a longest increasing subsequence of those numbers, and
 * every other common suite moved. That is the smallest set of suites that, taken out and put
 * back, turns one order into the other. Where several smallest sets exist, the kept
 * subsequence is the one whose `after` positions are lexicographically smallest: the new list
 * is matched from its head, so of two suites that swapped places the one that now comes later
 * is reported as moved, and a group that dropped back (as the CCM8 suites do from OpenSSL 1.1.1
 * to 3.5) is reported rather than the suites it let by.
 */
export function diffResults(before: ExpandResult, after: ExpandResult): CipherListDiff {
  const a = before.ok ? before.ciphers.map((c) => c.name) : [];
  const b = after.ok ? after.ciphers.map((c) => c.name) : [];
  // A suite listed twice (LibreSSL: in its TLS 1.3 list and named by the string) counts where it
  // first comes, which is where it takes its preference; the later entry is neither added nor moved.
  const firstIndex = (list: readonly string[]) => {
    const index = new Map<string, number>();
    list.forEach((name, i) => index.has(name) || index.set(name, i));
    return index;
  };
  const indexInA = firstIndex(a);
  const indexInB = firstIndex(b);

  const removed = a.flatMap((name, position) =>
    indexInB.has(name) || indexInA.get(name) !== position ? [] : [{ name, position }],
  );
  const added = b.flatMap((name, position) =>
    indexInA.has(name) || indexInB.get(name) !== position ? [] : [{ name, position }],
  );

  // The common suites in `after` order, each with its index in `after` and in `before`.
  const common = b.flatMap((name, to) => {
    const from = indexInA.get(name);
    return from === undefined || indexInB.get(name) !== to ? [] : [{ name, from, to }];
  });
  const kept = earliestLongestIncreasing(common.map((c) => c.from));
  const moved = common.filter((_, k) => !kept.has(k));

  const firstBefore = a[0] ?? null;
  const firstAfter = b[0] ?? null;
  const tls13 = (r: ExpandResult) => (r.ok ? r.ciphers.filter(isTls13).map((c) => c.name) : []);
  return {
    before: side(before),
    after: side(after),
    added,
    removed,
    moved,
    unchanged: common.length - moved.length,
    firstPreference: { before: firstBefore, after: firstAfter, changed: firstBefore !== firstAfter },
    tls13Changed: !sameList(tls13(before), tls13(after)),
    identical: before.ok && after.ok && before.seclevel === after.seclevel && sameList(a, b),
  };
}

/**
 * Expands `a.input` with `a.options` and `b.input` with `b.options` and compares the results
 * (`diffResults`): `a` is before, `b` after. Throws what `expand` throws (a TypeError for a bad
 * option or an unknown target); any string is fine.
 */
export function diff(
  a: { input: string; options?: ExpandOptions },
  b: { input: string; options?: ExpandOptions },
): CipherListDiff {
  for (const [which, x] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (x === null || typeof x !== 'object') {
      throw new TypeError(`diff: ${which} must be an object { input, options? }`);
    }
    if (typeof x.input !== 'string') throw new TypeError(`diff: ${which}.input must be the cipher string`);
  }
  return diffResults(expand(a.input, a.options), expand(b.input, b.options));
}

function side(r: ExpandResult): Side {
  return {
    ok: r.ok,
    error: r.error && { ...r.error, ...(r.error.span ? { span: { ...r.error.span } } : {}) },
    count: r.ok ? r.ciphers.length : 0,
    seclevel: r.seclevel,
  };
}

function isTls13(c: Cipher): boolean {
  return c.protocol === 'TLSv1.3';
}

function sameList(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((name, i) => name === y[i]);
}

/**
 * The indexes (into `values`, which are distinct) of a longest strictly increasing
 * subsequence: of all the longest, the one whose indexes are lexicographically smallest.
 *
 * `rest[i]` is the length of the longest increasing subsequence that starts at `i`; then the
 * subsequence is built from the front, each time taking the first index after the previous
 * pick, with a greater value, that can still start a run long enough to finish. Quadratic,
 * which is nothing for lists of a few hundred suites.
 */
function earliestLongestIncreasing(values: readonly number[]): Set<number> {
  const n = values.length;
  const rest = new Array<number>(n).fill(1);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      if (values[j]! > values[i]! && rest[j]! + 1 > rest[i]!) rest[i] = rest[j]! + 1;
    }
  }
  let need = 0;
  for (const r of rest) need = Math.max(need, r);
  const picked = new Set<number>();
  let lastValue = -Infinity;
  for (let j = 0; j < n && need > 0; j++) {
    if (values[j]! > lastValue && rest[j]! >= need) {
      picked.add(j);
      lastValue = values[j]!;
      need--;
    }
  }
  return picked;
}
