// --batch answers a line it has seen before from memory: evaluation and lint are pure functions
// of the string and the options, which stay the same for the whole run, and input files repeat
// a few strings many times (a fleet's configurations). What the answer prints about the line's
// number (`<stdin>:LINE:COL`, the gutter of an excerpt) is filled in for each line.

/** How much the cache holds at most, in UTF-16 code units of keys and answers. */
const BUDGET = 32 << 20;
/** Longer lines are answered every time: one of them would crowd out many short ones. */
const LONGEST_KEY = 1 << 16;

/** Answers by line, the least recently used dropped first once the budget is spent. */
export class AnswerCache<T> {
  private readonly map = new Map<string, { value: T; size: number }>();
  private used = 0;

  /** The answer kept for `key`, made by `make` (its size in code units beside it) when there is none. */
  get(key: string, make: () => { value: T; size: number }): T {
    const hit = this.map.get(key);
    if (hit) {
      // Most recently used last: a Map keeps the order of insertion.
      this.map.delete(key);
      this.map.set(key, hit);
      return hit.value;
    }
    const made = make();
    const size = key.length + made.size;
    if (key.length > LONGEST_KEY || size > BUDGET) return made.value;
    this.map.set(key, { value: made.value, size });
    this.used += size;
    for (const [oldest, { size: s }] of this.map) {
      if (this.used <= BUDGET) break;
      this.map.delete(oldest);
      this.used -= s;
    }
    return made.value;
  }
}

/**
 * A text that shows a line number, as a function of that number: `render(n)` for every `n` of the
 * same number of digits as `digits` says. It renders twice, with the smallest and the largest
 * number of that width (1000 and 9999), which differ in every digit: where the two texts differ
 * is where the number is printed, and the rest is kept as it is. When the two renderings do not
 * line up that way (they differ in length, or a difference is not the number itself), it renders
 * anew for every number.
 */
export function numbered(render: (line: number) => string, digits: number): (line: number) => string {
  const low = 10 ** (digits - 1);
  const high = 10 ** digits - 1;
  const a = render(low);
  const b = render(high);
  const lowText = String(low);
  const highText = String(high);
  if (a.length !== b.length) return render;
  const pieces: string[] = [];
  let from = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    if (a.slice(i, i + digits) !== lowText || b.slice(i, i + digits) !== highText) return render;
    pieces.push(a.slice(from, i));
    from = i + digits;
    i = from - 1;
  }
  const last = a.slice(from);
  if (pieces.length === 0) return () => a;
  return (line) => {
    const n = String(line);
    let out = '';
    for (const p of pieces) out += p + n;
    return out + last;
  };
}

/** Answers that print a line number: one template per number of digits, made on first use. */
export class NumberedText {
  private readonly byDigits: Array<((line: number) => string) | undefined> = [];
  /** Code units of the first template's text (the cache's measure of this answer). */
  readonly size: number;

  constructor(private readonly render: (line: number) => string) {
    this.size = render(1).length;
  }

  /** The text for line `line`. */
  at(line: number): string {
    const digits = String(line).length;
    let t = this.byDigits[digits];
    if (!t) this.byDigits[digits] = t = numbered(this.render, digits);
    return t(line);
  }
}
