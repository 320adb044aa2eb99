// A string being rewritten, with where each character came from in the original: so that every
// change a writer reports names the span of the user's own text.
import type { Span } from '../core/types.js';

export class EditedText {
  /** The text now. */
  text: string;
  /** For each character of `text` (and one past the end): its position in the original. */
  private origin: number[];

  constructor(readonly original: string) {
    this.text = original;
    this.origin = Array.from({ length: original.length + 1 }, (_, i) => i);
  }

  /** Where a span of the text now was in the original. */
  originalSpan(span: Span): Span {
    const start = this.origin[span.start]!;
    return { start, end: span.end > span.start ? this.origin[span.end - 1]! + 1 : start };
  }

  /** The text with `span` replaced by `text` (the text itself is not changed). */
  candidate(span: Span, text: string): string {
    return this.text.slice(0, span.start) + text + this.text.slice(span.end);
  }

  /** The text with every span of `spans` (not overlapping) deleted. */
  candidateWithout(spans: readonly Span[]): string {
    let s = this.text;
    for (const sp of [...spans].sort((a, b) => b.start - a.start)) s = s.slice(0, sp.start) + s.slice(sp.end);
    return s;
  }

  /** Replaces `span` by `text`; the new characters come from where the span started. */
  replace(span: Span, text: string): void {
    const at = this.origin[span.start]!;
    this.text = this.candidate(span, text);
    this.origin = [
      ...this.origin.slice(0, span.start),
      ...Array.from({ length: text.length }, () => at),
      ...this.origin.slice(span.end),
    ];
  }

  /** Deletes every span of `spans` (not overlapping). */
  remove(spans: readonly Span[]): void {
    for (const sp of [...spans].sort((a, b) => b.start - a.start)) this.replace(sp, '');
  }
}
