import { diagnostic } from '../diagnostics/sink.js';
import type { Diagnostic, Span } from './types.js';
import { applyRule, popcount, type CipherList, type RuleOp } from './cipher-list.js';
import type { NoEffectReason, TermEffect, TermTrace } from './trace.js';

/** Where one evaluation records its elements (see trace.ts); both families use it. */
export interface Tracing {
  /** The elements recorded so far; null when not tracing. */
  trace: TermTrace[] | null;
  /** The trace index of the `!` element that removed each suite, by suite index (-1: none). */
  killedBy?: Int32Array;
  /**
   * Kills not yet entered in `killedBy`, in order: each the suites it removed and its trace index.
   * They are entered only when a reason needs them (killedByOf), as most evaluations never ask.
   */
  pendingKills?: Array<{ touched: readonly number[]; at: number }>;
  /** How many elements were evaluated past MAX_TRACE and not recorded. */
  untraced?: number;
}

/**
 * The most elements one trace records (about 150 MB of records): a longer string is evaluated
 * whole, but the elements past this many are only counted, so memory stays bounded.
 */
export const MAX_TRACE = 200_000;

/** The note that a trace stopped recording at MAX_TRACE elements, and how many it left out. */
export function traceLimited(untraced: number): Diagnostic {
  const limit = MAX_TRACE.toLocaleString('en-US');
  return diagnostic(
    'trace-limited',
    `the trace records the first ${limit} elements; ${untraced} more were evaluated but not recorded, so explain and lint's element checks cover only the first ${limit}`,
    null,
    { untraced, limit: MAX_TRACE },
  );
}

/** What one element is, for its record: where, its text, its operator, its words. */
export type ElementRecord = Pick<TermTrace, 'span' | 'text' | 'operator' | 'words'>;

const EFFECT: Record<RuleOp, TermEffect> = {
  add: 'added',
  ord: 'moved',
  del: 'deleted',
  kill: 'killed',
  bump: 'moved',
};

/** Records one element when tracing (a no-op otherwise); `suites` are the names of the suites it changed. */
export function record(
  tr: Tracing,
  element: ElementRecord,
  effect: TermEffect,
  suites: string[],
  extra: Partial<TermTrace> = {},
): void {
  if (!tr.trace) return;
  if (tr.trace.length >= MAX_TRACE) {
    tr.untraced = (tr.untraced ?? 0) + 1;
    return;
  }
  // Built field by field, in the order of the spread it replaces (JSON keeps that order).
  const r: TermTrace = {
    span: element.span, // every ElementRecord is made for its one record, its span too
    text: element.text,
    operator: element.operator,
    words: element.words,
    effect,
    suites,
  };
  for (const k in extra) (r as unknown as Record<string, unknown>)[k] = extra[k as keyof TermTrace];
  tr.trace.push(r);
}

/** The text and span of an element of `input`, without words or operator. */
export function bare(input: string, span: Span): ElementRecord {
  return {
    span: { start: span.start, end: span.end },
    text: input.slice(span.start, span.end),
    operator: null,
    words: [],
  };
}

/**
 * Why a rule that was applied changed nothing: no suite that exists (`universe`: the suites
 * the call collected) matches it, or every match was removed for good (and by which element),
 * or the matches are already where the rule would put them.
 */
export function whyNothing(
  tr: Tracing,
  list: CipherList,
  op: RuleOp,
  hits: Uint32Array,
  universe: Uint32Array,
): Partial<TermTrace> {
  let any = 0;
  let live = 0;
  let first = -1;
  for (let w = 0; w < hits.length; w++) {
    const exists = hits[w]! & universe[w]!;
    any |= exists;
    live |= exists & list.alive[w]!;
    if (first === -1 && exists !== 0) first = w * 32 + (31 - Math.clz32(exists & -exists));
  }
  let reason: NoEffectReason;
  if (any === 0) reason = 'matches-nothing';
  else if (live === 0) reason = 'shadowed-by-kill';
  else reason = op === 'add' ? 'already-active' : 'nothing-to-act-on';
  const by = reason === 'shadowed-by-kill' ? killedByOf(tr, hits.length * 32)[first]! : -1;
  return by < 0 ? { reason } : { reason, shadowedBy: by };
}

let activeScratch = new Uint32Array(0);
const NO_EXTRA: Partial<TermTrace> = Object.freeze({});

/**
 * ssl_cipher_apply_rule() for one element, recorded when tracing: the suites it changed, or why
 * it changed none (`why` when the caller already knows). `names` maps suite indices to names.
 */
export function applyElement(
  tr: Tracing,
  list: CipherList,
  op: RuleOp,
  hits: Uint32Array,
  inGroup: boolean,
  element: () => ElementRecord,
  names: (i: number) => string,
  universe: Uint32Array,
  why: Partial<TermTrace> | null = null,
): void {
  if (!tr.trace || tr.trace.length >= MAX_TRACE) {
    applyRule(list, op, hits, undefined, inGroup);
    if (tr.trace) tr.untraced = (tr.untraced ?? 0) + 1;
    return;
  }
  let activeBefore = 0;
  let wasActive: Uint32Array | null = null;
  if (op === 'kill') {
    if (activeScratch.length < hits.length) activeScratch = new Uint32Array(hits.length);
    wasActive = activeScratch;
    for (let w = 0; w < hits.length; w++) activeBefore += popcount((wasActive[w] = hits[w]! & list.active[w]!));
  }
  const touched: number[] = [];
  if (applyRule(list, op, hits, touched, inGroup) === 0) {
    record(tr, element(), 'none', [], why ?? whyNothing(tr, list, op, hits, universe));
    return;
  }
  const suites: string[] = [];
  const fromList: string[] = [];
  for (let k = 0; k < touched.length; k++) {
    const i = touched[k]!;
    const name = names(i);
    suites.push(name);
    if (wasActive && ((wasActive[i >>> 5]! >>> (i & 31)) & 1) !== 0) fromList.push(name);
  }
  record(tr, element(), EFFECT[op], suites, wasActive ? { activeBefore, fromList } : NO_EXTRA);
  if (op === 'kill') {
    (tr.pendingKills ??= []).push({ touched, at: tr.trace.length - 1 });
  }
}

/** `killedBy` with the pending kills entered, in order (a later kill of a suite overrides); `size`: the number of suite indices. */
function killedByOf(tr: Tracing, size: number): Int32Array {
  let by = tr.killedBy;
  if (!by) tr.killedBy = by = new Int32Array(size).fill(-1);
  const pending = tr.pendingKills;
  if (pending && pending.length > 0) {
    for (const { touched, at } of pending) for (const i of touched) by[i] = at;
    pending.length = 0;
  }
  return by;
}
