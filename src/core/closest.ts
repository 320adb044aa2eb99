/**
 * The candidate a mistyped word most likely meant, for "did you mean": the one at the smallest
 * edit distance (insertions, deletions, substitutions and swaps of two neighbours each count 1;
 * one digit for another counts 2, since `SHA1` is no typo of `SHA2`; a change of case alone
 * counts less than any edit), provided it is close enough for the word's
 * length (1 edit up to 4 characters, 2 up to 8, then 3) and no other candidate is as close.
 * Undefined when nothing qualifies.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length === 0 || word.length > 64) return undefined;
  const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  let tie = false;
  for (const c of candidates) {
    if (c === word || Math.abs(c.length - word.length) > limit) continue;
    // Twice the distance ignoring case, plus one where case makes a difference too.
    const d = distance(lower, c.toLowerCase(), limit);
    if (d > limit) continue;
    const score = 2 * d + (distance(word, c, limit + 1) > d ? 1 : 0);
    if (score < bestScore) {
      best = c;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && c !== best) tie = true;
  }
  return tie ? undefined : best;
}

/** Three rows of the distance table, reused between calls. */
let rows = new Int32Array(0);

/** Optimal string alignment distance, or limit + 1 as soon as it must exceed `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  const n = b.length;
  if (rows.length < 3 * (n + 1)) rows = new Int32Array(3 * (n + 1));
  let prev2 = rows.subarray(0, n + 1);
  let prev = rows.subarray(n + 1, 2 * (n + 1));
  let cur = rows.subarray(2 * (n + 1), 3 * (n + 1));
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : isDigit(a[i - 1]!) && isDigit(b[j - 1]!) ? 2 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

const isDigit = (c: string) => c >= '0' && c <= '9';
