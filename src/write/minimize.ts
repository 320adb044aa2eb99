// minimize(): the shortest string cipherx can prove gives the same list on every target.
import type { Span } from '../core/types.js';
import { requireLibrary } from '../library/registry.js';
import type { TargetName } from '../types.js';
import { BudgetedProof } from './budget.js';
import { EditedText } from './edited.js';
import { elementsOf, extraSeparators, removalsOf } from './elements.js';
import { evaluateOn, expandOptionsFor, proves, type ProofOptions, type TargetList } from './proof.js';
import { mergeKills } from './merge-kills.js';
import { shortenCompounds, shortenWords, type ShortenContext } from './shorten.js';
import { vocabularyOf } from './word-sets.js';

/** The options of `minimize`: the targets, and how each context is set up. */
export interface MinimizeOptions extends ProofOptions {
  /** Every target the result must give the same list on (at least one). */
  targets: readonly TargetName[];
  /**
   * The most evaluations to spend (one per target per candidate string, a candidate longer than
   * 400 characters counting once per started 400, so that the budget bounds the time; default
   * 20,000). When it is spent, minimize returns the shortest string proven so far and says so in
   * `notes`.
   */
  maxEvaluations?: number;
}

/** What `minimize` returns. Narrow it on `ok`. */
export type MinimizeResult = MinimizeAccepted | MinimizeRejected;

/** What every `MinimizeResult` has. */
export interface MinimizeResultFields {
  /** The string given. */
  input: string;
  /** The string written: on success the shortest proven, else the input unchanged. */
  string: string;
  /** The list of each target, in the order of `options.targets`: the input's, which `string` gives too. */
  proof: TargetList[];
  /** What the reader should know (the budget spent, a target that rejects the input...). */
  notes: string[];
}

/** A minimized string: `string` gives on every target exactly the lists of `proof`. */
export interface MinimizeAccepted extends MinimizeResultFields {
  /** Every target accepts the input. */
  ok: true;
  /** Elements taken out, with their spans in the input. */
  removed: Array<{
    /** The element as written. */
    text: string;
    /** Where it was in the input. */
    span: Span;
  }>;
  /** Text replaced by a shorter text, with the span in the input. */
  shortened: Array<{
    /** The text that was there. */
    from: string;
    /** The shorter text put in its place. */
    to: string;
    /** Where it was in the input. */
    span: Span;
  }>;
  /** Evaluations spent. */
  evaluations: number;
}

/**
 * A string some target rejects: it has no list to keep there, so minimize leaves it as it is
 * (any string the target also rejects would do, which is no promise worth writing).
 */
export interface MinimizeRejected extends MinimizeResultFields {
  /** A target rejects the input. */
  ok: false;
  /** The targets that reject the input. */
  rejectedBy: TargetName[];
}

const DEFAULT_BUDGET = 20_000;

/**
 * Removes every element that changes nothing on any of `options.targets`, and writes shorter
 * words, compounds and runs of `!` exclusions where a shorter text leaves every list the same.
 *
 * Every step is a candidate string, kept only when it gives on every target the same outcome,
 * the same suites in the same order, the same BoringSSL groups and the same security level as
 * the input (`proves`); the result is checked once more as a whole. The steps repeat until none
 * applies: elements dropped one at a time from the end (an element that does nothing on one
 * target may still matter on another: only evaluation decides), then compounds, runs of `!`
 * elements and words shortened, then separators tidied (a run of separators becomes its first
 * character; the user's separators are kept). The work is about n² evaluations for n elements,
 * capped by `options.maxEvaluations`.
 */
export function minimize(input: string, options: MinimizeOptions): MinimizeResult {
  if (typeof input !== 'string') throw new TypeError('minimize: input must be a string');
  const { targets, maxEvaluations = DEFAULT_BUDGET, ...proofOptions } = checkOptions(options);
  const reference = evaluateOn(input, targets, proofOptions);
  const rejectedBy = reference.filter((l) => !l.ok).map((l) => l.target);
  if (rejectedBy.length > 0) {
    return {
      ok: false,
      input,
      string: input,
      proof: reference,
      rejectedBy,
      notes: [
        `${rejectedBy.join(', ')} ${rejectedBy.length === 1 ? 'rejects' : 'reject'} the string: there is no list to keep`,
      ],
    };
  }
  const optionsFor = (t: TargetName) => expandOptionsFor(t, proofOptions);
  const edited = new EditedText(input);
  const proof = new BudgetedProof(reference, proofOptions, maxEvaluations);
  const removed: MinimizeAccepted['removed'] = [];
  const shortened: MinimizeAccepted['shortened'] = [];
  const vocabulary = vocabularyOf(targets, optionsFor);
  const ctx: ShortenContext = {
    edited,
    proof,
    targets,
    optionsFor,
    vocabulary,
    kept: reference.map((l, i) => vocabulary.bits(i, l.ciphers)),
    shortened: (span, from, to) => shortened.push({ from, to, span: edited.originalSpan(span) }),
  };
  for (let round = 0; round < 8 && !proof.exhausted; round++) {
    let changed = dropElements(ctx, removed);
    changed = shortenCompounds(ctx) || changed;
    changed = mergeKills(ctx) || changed;
    changed = shortenWords(ctx) || changed;
    if (!changed) break;
  }
  const extra = extraSeparators(edited.text);
  if (extra.length > 0 && proof.holds(edited.candidateWithout(extra))) edited.remove(extra);
  const notes: string[] = [];
  if (proof.exhausted) {
    notes.push(
      `stopped after ${proof.spent} evaluations (maxEvaluations ${maxEvaluations}): the string may shorten further`,
    );
  }
  // Each step was proven; the whole is proven once more, and never returned unproven.
  if (!proves(edited.text, reference, proofOptions)) {
    return {
      ok: true,
      input,
      string: input,
      proof: reference,
      removed: [],
      shortened: [],
      evaluations: proof.spent,
      notes: [...notes, 'no shorter string was proven'],
    };
  }
  return {
    ok: true,
    input,
    string: edited.text,
    proof: reference,
    removed,
    shortened,
    evaluations: proof.spent,
    notes,
  };
}

/** One pass over the elements from the last to the first: each that changes nothing leaves. */
function dropElements(ctx: ShortenContext, removed: MinimizeAccepted['removed']): boolean {
  let changed = false;
  const es = elementsOf(ctx.edited.text, ctx.targets, ctx.optionsFor);
  let limit = ctx.edited.text.length;
  for (const e of es.reverse()) {
    // After a removal, the elements read before it keep their spans only up to where it started.
    if (e.span.end > limit) continue;
    for (const cut of removalsOf(ctx.edited.text, e.span)) {
      if (!ctx.proof.holds(ctx.edited.candidateWithout([cut]))) continue;
      removed.push({ text: e.text, span: ctx.edited.originalSpan(e.span) });
      ctx.edited.remove([cut]);
      limit = cut.start;
      changed = true;
      break;
    }
    if (ctx.proof.exhausted) break;
  }
  return changed;
}

function checkOptions(options: MinimizeOptions): MinimizeOptions {
  if (options === null || typeof options !== 'object') throw new TypeError('minimize: options must be an object');
  const { targets } = options;
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new TypeError('minimize: options.targets must name at least one target');
  }
  for (const t of targets) requireLibrary(t, 'minimize');
  const budget = options.maxEvaluations;
  if (budget !== undefined && !(Number.isInteger(budget) && budget >= 0)) {
    throw new TypeError('minimize: options.maxEvaluations must be a whole number');
  }
  return { ...options, targets: [...new Set(targets)] };
}
