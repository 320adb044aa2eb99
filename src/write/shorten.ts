// minimize()'s shortening steps. Each proposes a shorter text for part of the string and keeps it
// only when evaluation proves every target's list unchanged (BudgetedProof):
//   compound words   `DHE+DSS+AES` -> `DHE+AES` where a word of the compound changes nothing;
//   word synonyms    a word replaced by a shorter one that selects the same suites alone on every target;
import type { Span } from '../core/types.js';
import type { ExpandOptions, TargetName } from '../types.js';
import type { BudgetedProof } from './budget.js';
import type { EditedText } from './edited.js';
import { elementsOf, type Element } from './elements.js';
import type { Vocabulary } from './word-sets.js';

/** What the shortening steps work with. */
export interface ShortenContext {
  edited: EditedText;
  proof: BudgetedProof;
  targets: readonly TargetName[];
  optionsFor: (t: TargetName) => ExpandOptions;
  vocabulary: Vocabulary;
  /** The reference list of each target, as bits. */
  kept: bigint[];
  /** Records a replacement (span in the text now, before it is made). */
  shortened(span: Span, from: string, to: string): void;
}

/** How many candidates of one place are proven at most. */
export const TRIES = 8;

/** Tries `candidates` (replacement texts for `span`, shortest first); applies the first proven one. */
export function tryReplace(ctx: ShortenContext, span: Span, candidates: readonly string[]): boolean {
  const from = ctx.edited.text.slice(span.start, span.end);
  for (const to of candidates.slice(0, TRIES)) {
    if (to.length >= from.length) continue;
    if (!ctx.proof.holds(ctx.edited.candidate(span, to))) continue;
    ctx.shortened(span, from, to);
    ctx.edited.replace(span, to);
    return true;
  }
  return false;
}

export const elements = (ctx: ShortenContext): Element[] => elementsOf(ctx.edited.text, ctx.targets, ctx.optionsFor);

/** Drops words of `+` compounds that change nothing. */
export function shortenCompounds(ctx: ShortenContext): boolean {
  let changed = false;
  for (const e of elements(ctx).reverse()) {
    if (e.words.length < 2) continue;
    const span = e.span;
    const text = ctx.edited.text.slice(span.start, span.end);
    const op = e.operator && e.operator !== '@' ? e.operator : '';
    const words = e.words.map((w) => w.text);
    const candidates = words.map((_, i) => op + words.filter((__, j) => j !== i).join('+'));
    // The element must be the operator and its words joined by `+` for the rewrite to say the same.
    if (text !== op + words.join('+')) continue;
    if (
      tryReplace(
        ctx,
        span,
        candidates.sort((a, b) => a.length - b.length),
      )
    )
      changed = true;
  }
  return changed;
}

/** Replaces words by shorter ones that select the same suites alone on every target. */
export function shortenWords(ctx: ShortenContext): boolean {
  let changed = false;
  const setsOf = new Map<string, bigint[] | null>();
  for (const e of elements(ctx).reverse()) {
    for (const w of [...e.words].reverse()) {
      if (!setsOf.has(w.text)) setsOf.set(w.text, ctx.vocabulary.setsOf(w.text));
      const sets = setsOf.get(w.text);
      if (!sets) continue;
      const same = ctx.vocabulary.words
        .filter((v) => v.text.length < w.text.length && v.sets.every((s, i) => s === sets[i]))
        .map((v) => v.text);
      if (same.length > 0 && tryReplace(ctx, w.span, same)) changed = true;
    }
  }
  return changed;
}
