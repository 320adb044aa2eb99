import type { Diagnostic, Severity } from '../core/types.js';

/** The most findings `lint` returns; the others are counted in one `too-many-diagnostics` finding. */
export const MAX_FINDINGS = 100;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The findings of one lint run, bounded: at most `limit` are kept, the most severe first and,
 * among equals, the earliest in the input; the others are only counted. Each finding costs
 * O(log limit), so a string of millions of elements is linted in linear time and the findings
 * never hold more than `limit` objects.
 */
export class Findings {
  /** A max-heap on `rank`: the root is the finding that goes first when a better one comes. */
  private readonly heap: Array<{ d: Diagnostic; seq: number }> = [];
  private seq = 0;
  private leftOut = 0;

  constructor(
    private readonly ignore: readonly string[],
    private readonly limit = MAX_FINDINGS,
  ) {}

  /** Takes a finding (unless its code is ignored); expand's own `too-many-diagnostics` adds its count. */
  add(d: Diagnostic): void {
    if (d.code === 'too-many-diagnostics') {
      this.leftOut += Number(d.args.more) || 0;
      return;
    }
    if (this.ignore.includes(d.code)) return;
    const item = { d, seq: this.seq++ };
    if (this.heap.length < this.limit) {
      this.heap.push(item);
      this.up(this.heap.length - 1);
      return;
    }
    this.leftOut++;
    if (this.limit === 0 || compare(item, this.heap[0]!) >= 0) return;
    this.heap[0] = item;
    this.down(0);
  }

  /**
   * The kept findings by position in the input (those without a span last), then, when some
   * were left out, one `too-many-diagnostics` finding that says how many.
   */
  list(): Diagnostic[] {
    const kept = [...this.heap]
      .sort(
        ({ d: a, seq: i }, { d: b, seq: j }) =>
          (a.span ? 0 : 1) - (b.span ? 0 : 1) ||
          (a.span?.start ?? 0) - (b.span?.start ?? 0) ||
          SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
          i - j,
      )
      .map((x) => x.d);
    if (this.leftOut > 0 && !this.ignore.includes('too-many-diagnostics')) {
      kept.push({
        code: 'too-many-diagnostics',
        severity: 'info',
        message: `${this.leftOut} more ${this.leftOut === 1 ? 'finding' : 'findings'} not listed (lint lists the ${this.limit} most severe, the earliest first)`,
        span: null,
        args: { more: this.leftOut, limit: this.limit },
      });
    }
    return kept;
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (compare(h[i]!, h[parent]!) <= 0) return;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < h.length && compare(h[l]!, h[top]!) > 0) top = l;
      if (r < h.length && compare(h[r]!, h[top]!) > 0) top = r;
      if (top === i) return;
      [h[i], h[top]] = [h[top]!, h[i]!];
      i = top;
    }
  }
}

/** Negative when `a` matters more than `b`: more severe, then with a span, then earlier, then found first. */
function compare(a: { d: Diagnostic; seq: number }, b: { d: Diagnostic; seq: number }): number {
  return (
    SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity] ||
    (a.d.span ? 0 : 1) - (b.d.span ? 0 : 1) ||
    (a.d.span?.start ?? 0) - (b.d.span?.start ?? 0) ||
    a.seq - b.seq
  );
}
