// fix(): the string with lint's fixes applied, each change said, and the lists before and after.
import type { Span } from '../core/types.js';
import type { DiagnosticCode } from '../diagnostics/registry.js';
import { diffResults, type CipherListDiff } from '../diff.js';
import { expand } from '../expand.js';
import { requireLibrary } from '../library/registry.js';
import { lint } from '../lint/lint.js';
import { securityRules } from '../lint/security.js';
import type { TargetName } from '../types.js';
import { costOf } from './budget.js';
import { EditedText } from './edited.js';
import { usualSeparator } from './elements.js';
import { addExclusions, moveDefault, removeDead, stillFlagged, type FixState } from './fix-steps.js';
import { evaluateOn, expandOptionsFor, type ProofOptions, type TargetList } from './proof.js';

/** The options of `fix`: the targets, how each context is set up, and which security findings to fix. */
export interface FixOptions extends ProofOptions {
  /** Every target the string is fixed for (at least one). */
  targets: readonly TargetName[];
  /**
   * The security findings whose exclusions are added, by the rating of the suites they flag
   * (data/security.json): `'insecure'` (default) suites the sources say must not be used (NULL,
   * anonymous, export and low strength, RC4, single DES); `'weak'` also those they advise
   * against (no forward secrecy, CBC, 3DES, IDEA, HMAC-MD5); `'all'` also the advice (SHA-1,
   * finite-field DHE, CCM8, ...); `'none'` none. Except with `'none'`, broad aliases that bring
   * in PSK, SRP, anonymous, NULL or CCM8 suites (`overshoot`) get their exclusions too.
   */
  security?: FixSecurity;
}

/** Which security findings `fix` writes exclusions for (see `FixOptions.security`). */
export type FixSecurity = 'insecure' | 'weak' | 'all' | 'none';

const SECURITY_LEVELS: readonly FixSecurity[] = ['insecure', 'weak', 'all', 'none'];

/** The ratings each `security` setting fixes. */
const FIXED_RATINGS: Record<FixSecurity, readonly string[]> = {
  insecure: ['insecure'],
  weak: ['insecure', 'weak'],
  all: ['insecure', 'weak', 'secure'],
  none: [],
};

/** One change fix() made, and what it did to each target's list. */
export interface FixChange {
  /** The lint finding it answers. */
  code: DiagnosticCode;
  /** What was done, and why. */
  description: string;
  /** Where in the input (an addition at the end: an empty span there). */
  span: Span;
  /** The text there before (with the separator taken with it). */
  before: string;
  /** The text there after (`''` for a removal; for `DEFAULT` moved, the move is in the description). */
  after: string;
  /** Per target, in the order of `options.targets`: the suites the change took out of the list and put in it. */
  effects: Array<{
    /** The target. */
    target: TargetName;
    /** Suites the change took out of its list. */
    removed: string[];
    /** Suites the change put in its list. */
    added: string[];
    /** Whether the change moved suites that stay. */
    reordered: boolean;
  }>;
}

/** One target's list before and after. */
export interface FixLists {
  /** The target. */
  target: TargetName;
  /** The input's list there. */
  before: TargetList;
  /** The fixed string's list there. */
  after: TargetList;
  /** What differs between the two. */
  diff: CipherListDiff;
}

/** What `fix` returns. Narrow it on `ok`. */
export type FixResult = FixAccepted | FixRejected;

/** What every `FixResult` has. */
export interface FixResultFields {
  /** The string given. */
  input: string;
  /** The string written (the input unchanged when a target rejects it). */
  string: string;
  /** The changes, in the order made. */
  changes: FixChange[];
  /** Per target, in the order of `options.targets`. */
  lists: FixLists[];
  /** What was left as it is and why. */
  notes: string[];
}

/** A fixed string. */
export interface FixAccepted extends FixResultFields {
  /** Every target accepts the input. */
  ok: true;
}

/** A string some target rejects: lint's error comes first, and fix leaves the string to the user. */
export interface FixRejected extends FixResultFields {
  /** A target rejects the input (it is returned unchanged). */
  ok: false;
  /** The targets that reject the input. */
  rejectedBy: TargetName[];
}

/**
 * The evaluations fix may spend removing elements (one per target per candidate, a long one
 * counting once per started 400 characters: `costOf`), as minimize's default budget: each
 * evaluation is linear in the string and there is about one per element, so without it a string
 * of thousands of elements takes minutes.
 */
const FIX_BUDGET = 20_000;

/** Rounds of lint and one step at most: a change may show another (an exclusion that became dead). */
const ROUNDS = 6;

/**
 * Applies lint's fixes on every target of `options.targets` at once:
 * - each element lint finds dead, unknown, repeated or redundant on some target is removed where
 *   that changes no target's list (an element dead on one target and live on another is kept and
 *   said);
 * - `DEFAULT` written after elements that only exclude is moved to the front, where it expands;
 * - the exclusions the chosen security findings write (`options.security`) are appended, each
 *   word only where every target knows it and it removes only suites those findings flag.
 * Nothing else changes: every change says what it did to each target's list, and `lists` gives
 * each target's list before and after. The string is linted again after the changes, for at
 * most six rounds.
 */
export function fix(input: string, options: FixOptions): FixResult {
  if (typeof input !== 'string') throw new TypeError('fix: input must be a string');
  const { targets, security = 'insecure', ...proofOptions } = checkOptions(options);
  const optionsFor = (t: TargetName) => expandOptionsFor(t, proofOptions);
  const before = evaluateOn(input, targets, proofOptions);
  const listsOf = (text: string, afterLists: readonly TargetList[]): FixLists[] =>
    targets.map((target, i) => ({
      target,
      before: before[i]!,
      after: afterLists[i]!,
      diff: diffResults(expand(input, optionsFor(target)), expand(text, optionsFor(target))),
    }));
  const codes = new Set<string>(
    security === 'none'
      ? []
      : [...securityRules.filter((r) => FIXED_RATINGS[security].includes(r.rating)).map((r) => r.code), 'overshoot'],
  );
  const edited = new EditedText(input);
  const changes: FixChange[] = [];
  const notes = new Set<string>();
  const kept = new Map<string, string>();
  let spent = 0;
  const state: FixState = {
    edited,
    targets,
    proofOptions,
    optionsFor,
    lints: [],
    lists: before,
    separator: usualSeparator(input),
    change: (code, description, span, was, now, lists) => {
      kept.delete(
        edited.text
          .slice(span.start, span.end)
          .replace(/[:, ;]+$/, '')
          .replace(/^[:, ;]+/, ''),
      );
      changes.push({
        code,
        description,
        span: edited.originalSpan(span),
        before: was,
        after: now,
        effects: targets.map((target, i) => effectOf(target, state.lists[i]!, lists[i]!)),
      });
    },
    note: (text) => notes.add(text),
    spend: (length, candidates) => {
      const cost = targets.length * candidates * costOf(length);
      if (spent + cost > FIX_BUDGET) return false;
      spent += cost;
      return true;
    },
    kept: (text, note) => kept.set(text, note),
  };
  const relint = () => {
    state.lints = targets.map((t) => lint(edited.text, { ...optionsFor(t), maxDiagnostics: Infinity }));
  };
  relint();
  // A string a target rejects because DEFAULT comes late (`!RC4:DEFAULT`) is fixed by moving it;
  // any other rejected string is left to the user.
  if (before.some((l) => !l.ok) && !(moveDefault(state) && state.lists.every((l) => l.ok))) {
    const rejectedBy = before.filter((l) => !l.ok).map((l) => l.target);
    notes.add(
      `${rejectedBy.join(', ')} ${rejectedBy.length === 1 ? 'rejects' : 'reject'} the string: run cipherx lint for why`,
    );
    return {
      ok: false,
      input,
      string: input,
      changes: [],
      lists: listsOf(input, before),
      notes: [...notes],
      rejectedBy,
    };
  }
  for (let round = 0; round < ROUNDS; round++) {
    if (round > 0 || edited.text !== input) relint();
    // One step per round, then lint again: each step works on findings of the string as it is.
    if (removeDead(state) || moveDefault(state) || addExclusions(state, codes)) continue;
    for (const n of stillFlagged(state, codes)) notes.add(n);
    break;
  }
  return {
    ok: true,
    input,
    string: edited.text,
    changes,
    lists: listsOf(edited.text, state.lists),
    notes: [...kept.values(), ...notes],
  };
}

function effectOf(target: TargetName, a: TargetList, b: TargetList): FixChange['effects'][number] {
  const inA = new Set(a.ciphers);
  const inB = new Set(b.ciphers);
  const removed = a.ciphers.filter((n) => !inB.has(n));
  const added = b.ciphers.filter((n) => !inA.has(n));
  const keptA = a.ciphers.filter((n) => inB.has(n));
  const keptB = b.ciphers.filter((n) => inA.has(n));
  return { target, removed, added, reordered: keptA.some((n, i) => n !== keptB[i]) };
}

function checkOptions(options: FixOptions): FixOptions {
  if (options === null || typeof options !== 'object') throw new TypeError('fix: options must be an object');
  const { targets, security } = options;
  if (!Array.isArray(targets) || targets.length === 0)
    throw new TypeError('fix: options.targets must name at least one target');
  for (const t of targets) requireLibrary(t, 'fix');
  if (security !== undefined && !SECURITY_LEVELS.includes(security)) {
    throw new TypeError(`fix: options.security must be one of ${SECURITY_LEVELS.join(', ')}`);
  }
  return { ...options, targets: [...new Set(targets)] };
}
