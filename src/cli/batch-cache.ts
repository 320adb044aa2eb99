// --batch answers a line it has seen before from memory: evaluation and lint are pure functions
// of the string and the options, which stay the same for the whole run, and input files repeat
// a few strings many times (a fleet's configurations). What the answer prints about the line's
// number (`<stdin>:LINE:COL`, the gutter of an excerpt) is filled in for each line.

/** How much the cache holds at most, in UTF-16 code units of keys and answers. */
const BUDGET = 32 << 20;
/** Longer lines are answered every time: one of them would crowd out many short ones. */
const LONGEST_KEY = 1 << 16;

/**
 * Answers by line, the oldest dropped first once the budget is spent (first in, first out: a hit
 * costs one lookup, and an input that repeats a few strings keeps them all).
 */
export class AnswerCache<T> {
  private readonly map = new Map<string, { value: T; size: number }>();
  private used = 0;

  /** The answer kept for `key`, made by `make` (its size in code units beside it) when there is none. */
  get(key: string, make: () => { value: T; size: number }): T {
    const hit = this.map.get(key);
    if (hit) return hit.value;
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
 * Where a text shows a line number: the text cut at each place the number is printed, for every
 * number of the same number of digits as `digits` says. It renders twice, with the smallest and
 * the largest number of that width (1000 and 9999), which differ in every digit: where the two
 * texts differ is where the number is printed, and the rest is kept as it is. Null when the two
 * renderings do not line up that way (they differ in length, or a difference is not the number
 * itself): such a text is rendered anew for every number.
 */
export function numberedPieces(render: (line: number) => string, digits: number): string[] | null {
  const low = 10 ** (digits - 1);
  const high = 10 ** digits - 1;
  const a = render(low);
  const b = render(high);
  const lowText = String(low);
  const highText = String(high);
  if (a.length !== b.length) return null;
  const pieces: string[] = [];
  let from = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    if (a.slice(i, i + digits) !== lowText || b.slice(i, i + digits) !== highText) return null;
    pieces.push(a.slice(from, i));
    from = i + digits;
    i = from - 1;
  }
  pieces.push(a.slice(from));
  return pieces;
}

/** Where the text of a line goes: pieces of text or of UTF-8 bytes, in order (BatchOutput). */
export interface PieceSink {
  add(piece: string | Uint8Array): unknown;
}

/**
 * An answer that prints its line's number: per number of digits, the text's pieces as UTF-8 bytes
 * (numberedPieces), made on first use, so a repeated line costs copying bytes, not rendering.
 */
export class NumberedText {
  private readonly byDigits: Array<Uint8Array[] | null | undefined> = [];
  /** Code units of the text at line 1 (the cache's measure of this answer). */
  readonly size: number;

  constructor(private readonly render: (line: number) => string) {
    this.size = render(1).length;
  }

  /** The pieces for `digits`-digit numbers, or null where the text is rendered anew each time. */
  private pieces(digits: number): Uint8Array[] | null {
    let p = this.byDigits[digits];
    if (p === undefined) {
      const text = numberedPieces(this.render, digits);
      this.byDigits[digits] = p = text && text.map((t) => Buffer.from(t));
    }
    return p;
  }

  /** Adds the text for line `line` to `out`; `number` is the line's number as text (or its bytes). */
  writeTo(out: PieceSink, line: number, number: string | Uint8Array = String(line)): void {
    const pieces = this.pieces(number.length);
    if (!pieces) {
      out.add(this.render(line));
      return;
    }
    out.add(pieces[0]!);
    for (let i = 1; i < pieces.length; i++) {
      out.add(number);
      out.add(pieces[i]!);
    }
  }
}
