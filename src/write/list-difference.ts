// How a list a string gives differs from the list wanted: what is missing, what is extra, and
// the fewest suites that are out of order.
import type { TargetName } from '../library/registry.js';
import type { TargetList } from './proof.js';

/** What a target's list lacks, has too many of, and has out of order, against its wanted list. */
export interface ListDifference {
  /** The target. */
  target: TargetName;
  /** Wanted suites the list lacks, in wanted order. */
  missing: string[];
  /** Suites the list has that are not wanted, in list order. */
  extra: string[];
  /** The fewest suites of both whose removal leaves the others in the wanted order, in list order. */
  moved: string[];
}

/** How `got` differs from `wanted` (a rejected list lacks everything). */
export function differenceOf(got: TargetList, wanted: readonly string[]): ListDifference {
  const list = got.ok ? got.ciphers : [];
  const inList = new Set(list);
  const want = new Map(wanted.map((n, i) => [n, i]));
  const common = list.filter((n) => want.has(n));
  const keep = longestIncreasing(common.map((n) => want.get(n)!));
  return {
    target: got.target,
    missing: wanted.filter((n) => !inList.has(n)),
    extra: list.filter((n) => !want.has(n)),
    moved: common.filter((_, i) => !keep.has(i)),
  };
}

/** The number of differences: what an answer closest to every wanted list has fewest of. */
export function differenceSize(d: ListDifference): number {
  return d.missing.length + d.extra.length + d.moved.length;
}

/** The indexes of a longest strictly increasing subsequence of distinct `values` (quadratic). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const n = values.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  let end = -1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j]! < values[i]! && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
    }
    if (end < 0 || len[i]! > len[end]!) end = i;
  }
  const out = new Set<number>();
  for (let i = end; i >= 0; i = prev[i]!) out.add(i);
  return out;
}
