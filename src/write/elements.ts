// The elements of a string as the targets read it, and edits on them: one element out with its
// separator, a stretch of text replaced, runs of separators made one. Every edit is a candidate
// only: the caller keeps it when evaluation proves it (proof.ts).
import type { TermTrace } from '../core/trace.js';
import { expand } from '../expand.js';
import type { Span } from '../core/types.js';
import type { ExpandOptions, TargetName } from '../types.js';

/** One element as some target reads it, with the words it holds. */
export interface Element {
  span: Span;
  text: string;
  operator: TermTrace['operator'];
  words: Array<{ text: string; span: Span }>;
}

/** The characters that separate elements in some family (OpenSSL: `:` `,` `;` space; BoringSSL: `:`, and the others unless strict). */
export function isSeparator(c: string | undefined): boolean {
  return c === ':' || c === ',' || c === ';' || c === ' ';
}

/**
 * The elements of `input` as every target reads it (each target's trace), in order of position;
 * an element two targets read with different extents is listed once per extent.
 */
export function elementsOf(
  input: string,
  targets: readonly TargetName[],
  optionsFor: (t: TargetName) => ExpandOptions,
): Element[] {
  const seen = new Map<string, Element>();
  for (const target of targets) {
    const r = expand(input, { ...optionsFor(target), trace: true });
    for (const e of r.trace ?? []) {
      const key = `${e.span.start}:${e.span.end}`;
      if (seen.has(key)) continue;
      seen.set(key, {
        span: e.span,
        text: e.text,
        operator: e.operator,
        words: e.words.map((w) => ({ text: w.text, span: w.span })),
      });
    }
  }
  return [...seen.values()].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** `input` with `span` replaced by `text`. */
export function replaceSpan(input: string, span: Span, text: string): string {
  return input.slice(0, span.start) + text + input.slice(span.end);
}

/**
 * Candidate ranges to delete for `input` without the element at `span`: the element and the
 * separators after it (those before it when it is the last), then the same reaching to the next
 * separator (text after an unknown word that OpenSSL skips with it).
 */
export function removalsOf(input: string, span: Span): Span[] {
  const out: Span[] = [];
  for (let end of [span.end, nextSeparator(input, span.end)]) {
    let after = end;
    while (after < input.length && isSeparator(input[after])) after++;
    let start = span.start;
    if (after >= input.length) {
      while (start > 0 && isSeparator(input[start - 1])) start--;
      end = input.length;
    } else end = after;
    if (!out.some((o) => o.start === start && o.end === end)) out.push({ start, end });
  }
  return out;
}

function nextSeparator(input: string, from: number): number {
  let i = from;
  while (i < input.length && !isSeparator(input[i])) i++;
  return i;
}

/** The ranges to delete so that no separator leads or trails and every run of separators is its first character. */
export function extraSeparators(input: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < input.length) {
    if (!isSeparator(input[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < input.length && isSeparator(input[j])) j++;
    if (i === 0 || j === input.length) out.push({ start: i, end: j });
    else if (j - i > 1) out.push({ start: i + 1, end: j });
    i = j;
  }
  return out;
}

/** The separator the user writes most (`:` when none). */
export function usualSeparator(input: string): string {
  const counts = new Map<string, number>();
  for (const c of input) if (isSeparator(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best = ':';
  let n = 0;
  for (const [c, k] of counts) if (k > n) [best, n] = [c, k];
  return best;
}
