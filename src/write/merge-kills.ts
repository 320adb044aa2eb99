// minimize()'s merge of `!` exclusions. Consecutive `!X` elements commute (each removes suites for
// good and moves none), so any of them may be replaced by one `!W` (or `!A+B`) placed where the
// first of them was, when on every target W removes what they keep out of the final list and
// nothing the list keeps: `!ECDHE-RSA-CAMELLIA128-SHA256:...:!ECDHE-ECDSA-CAMELLIA256-SHA384` is
// `!CAMELLIA` where no other Camellia suite is in the list. Candidates are chosen on sets of
// suites; each is kept only when evaluation proves it.
import type { Span } from '../core/types.js';
import { expand } from '../expand.js';
import { costOf } from './budget.js';
import { isSeparator, removalsOf, type Element } from './elements.js';
import { elements, TRIES, type ShortenContext } from './shorten.js';

/** The most words paired in a candidate `!A+B`. */
const PAIRABLE = 80;

/** Merges `!` elements of each run until no merge is proven. */
export function mergeKills(ctx: ShortenContext): boolean {
  let changed = false;
  for (let round = 0; round < 64 && !ctx.proof.exhausted; round++) {
    if (!mergeOnce(ctx)) break;
    changed = true;
  }
  return changed;
}

/** A merge: the elements it replaces, and the text that stands for them. */
interface Merge {
  covered: Element[];
  text: string;
  gain: number;
}

function mergeOnce(ctx: ShortenContext): boolean {
  for (const run of killRuns(elements(ctx))) {
    for (const m of merges(ctx, run)) {
      const text = ctx.edited.text;
      const edits = editsOf(text, m);
      const after = applyEdits(text, edits);
      if (!ctx.proof.holds(after)) continue;
      // The stretch the edits touch, as it was and as it becomes: the merged elements need not be
      // next to each other (an element kept between them stays in `to`), nor use `:`.
      let start = Math.min(...edits.map((e) => e.span.start));
      let end = Math.max(...edits.map((e) => e.span.end));
      let to = after.slice(start, end - (text.length - after.length));
      // Separators both sides keep are not part of the change.
      while (end > start && to.length > 0 && isSeparator(text[end - 1]) && text[end - 1] === to.at(-1)) {
        end--;
        to = to.slice(0, -1);
      }
      while (start < end && to.length > 0 && isSeparator(text[start]) && text[start] === to[0]) {
        start++;
        to = to.slice(1);
      }
      ctx.shortened({ start, end }, text.slice(start, end), to);
      for (const e of edits) ctx.edited.replace(e.span, e.text);
      return true;
    }
  }
  return false;
}

/** The text at the first element's place, the others cut with their separators; last edit first. */
function editsOf(text: string, m: Merge): Array<{ span: Span; text: string }> {
  const cuts = m.covered.slice(1).map((e) => removalsOf(text, e.span)[0]!);
  const edits = [{ span: m.covered[0]!.span, text: m.text }, ...cuts.map((span) => ({ span, text: '' }))];
  // A cut of the last element takes the separators before it, which the one before may also take.
  const sorted = edits.sort((a, b) => b.span.start - a.span.start);
  for (let i = 1; i < sorted.length; i++) {
    const later = sorted[i - 1]!;
    const e = sorted[i]!;
    if (e.span.end > later.span.start) later.span = { start: e.span.end, end: Math.max(e.span.end, later.span.end) };
  }
  return sorted;
}

function applyEdits(text: string, edits: ReadonlyArray<{ span: Span; text: string }>): string {
  let s = text;
  for (const e of edits) s = s.slice(0, e.span.start) + e.text + s.slice(e.span.end);
  return s;
}

/** Maximal runs of `!` elements, none overlapping another. */
function killRuns(es: readonly Element[]): Element[][] {
  const runs: Element[][] = [];
  let run: Element[] = [];
  let end = -1;
  for (const e of es) {
    if (e.span.start < end) {
      run = [];
      continue;
    }
    end = e.span.end;
    if (e.operator === '!' && e.words.length > 0) run.push(e);
    else {
      if (run.length > 0) runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Candidate merges of a run, the greatest saving first. What each element keeps out of the final
 * list is what the string without the whole run adds to it, among the suites the element selects;
 * a word covers an element when it selects all of that on every target.
 */
function merges(ctx: ShortenContext, run: readonly Element[]): Merge[] {
  const v = ctx.vocabulary;
  const text = ctx.edited.text;
  const cuts = mergeSpans(run.map((e) => removalsOf(text, e.span)[0]!));
  const without = applyEdits(
    text,
    cuts.reverse().map((span) => ({ span, text: '' })),
  );
  ctx.proof.charge(ctx.targets.length * costOf(without));
  const out: bigint[] = [];
  for (const [i, target] of ctx.targets.entries()) {
    const r = expand(without, ctx.optionsFor(target));
    if (!r.ok) return [];
    out.push(
      v.bits(
        i,
        r.ciphers.map((c) => c.name),
      ) & ~ctx.kept[i]!,
    );
  }
  const needs: Array<bigint[] | null> = run.map((e) => {
    // A target that does not know the element: it removes nothing there.
    const sets = v.setsOf(e.words.map((w) => w.text).join('+'), true);
    return sets && sets.map((s, i) => s & out[i]!);
  });
  const coverOf = (sets: readonly bigint[]): number[] =>
    run.flatMap((_, k) => {
      const need = needs[k];
      return need && need.some((n) => n !== 0n) && need.every((n, i) => (sets[i]! & n) === n) ? [k] : [];
    });
  const spares = (sets: readonly bigint[]) => sets.every((s, i) => (s & ctx.kept[i]!) === 0n);
  const merge = (covered: number[], word: string): Merge => {
    const els = covered.map((k) => run[k]!);
    return { covered: els, text: `!${word}`, gain: els.reduce((n, e) => n + e.text.length + 1, 0) - word.length - 2 };
  };
  const found: Merge[] = [];
  const wide: Array<{ text: string; sets: bigint[]; cover: number[] }> = [];
  for (const w of v.words) {
    const cover = coverOf(w.sets);
    if (cover.length === 0) continue;
    if (spares(w.sets)) found.push(merge(cover, w.text));
    else wide.push({ ...w, cover });
  }
  const pairable = wide.sort((a, b) => b.cover.length - a.cover.length).slice(0, PAIRABLE);
  for (const [ai, a] of pairable.entries()) {
    for (const b of pairable.slice(ai + 1)) {
      const both = a.cover.filter((k) => b.cover.includes(k));
      if (both.length === 0 || !spares(a.sets.map((s, i) => s & b.sets[i]!))) continue;
      found.push(merge(both, `${a.text}+${b.text}`));
    }
  }
  return found
    .filter((m) => m.gain > 0)
    .sort((a, b) => b.gain - a.gain)
    .slice(0, TRIES);
}

/** Spans sorted and merged where they overlap or touch. */
function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
