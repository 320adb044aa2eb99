// fix()'s steps, each on the string as it is now: lint's dead and unknown elements removed where
// that changes no target's list, DEFAULT moved to the front where only exclusions came before it,
// and the exclusions lint's security findings write added where every target knows the word and
// it removes only flagged suites.
import type { TermTrace } from '../core/trace.js';
import type { Diagnostic, Span } from '../core/types.js';
import type { DiagnosticCode } from '../diagnostics/registry.js';
import { expand } from '../expand.js';
import type { LintResult } from '../lint/lint.js';
import type { ExpandOptions, TargetName } from '../types.js';
import type { EditedText } from './edited.js';
import { removalsOf } from './elements.js';
import { evaluateOn, proves, sameList, type ProofOptions, type TargetList } from './proof.js';

/** What the steps work with: the string, each target's lint of it, the lists it gives now. */
export interface FixState {
  edited: EditedText;
  targets: readonly TargetName[];
  proofOptions: ProofOptions;
  optionsFor: (t: TargetName) => ExpandOptions;
  lints: LintResult[];
  lists: TargetList[];
  separator: string;
  /**
   * Records a change before it is made: `span` (in the text now) and its text `before` become
   * `after`; `lists` are the lists the change leaves.
   */
  change(
    code: DiagnosticCode,
    description: string,
    span: Span,
    before: string,
    after: string,
    lists: TargetList[],
  ): void;
  note(text: string): void;
  /**
   * Counts `candidates` evaluations on every target of strings about `length` characters long
   * against fix's budget (`costOf` each): false, and nothing counted, once the budget is spent
   * (the step then stops and says so).
   */
  spend(length: number, candidates: number): boolean;
  /** Notes an element kept (forgotten if a later round removes it). */
  kept(text: string, note: string): void;
}

/** Findings whose element fix() removes when that changes no list. */
const REMOVABLE: ReadonlySet<string> = new Set([
  'dead-term',
  'unknown-word',
  'not-in-this-release',
  'removed-alias',
  'unavailable-alias',
  'duplicate-term',
  'redundant-term',
]);

/**
 * A lookup of the top-level element of a trace that holds a span: a binary search over the
 * elements by start (a linear scan per finding made fix quadratic in the string's length).
 */
function elementLookup(trace: readonly TermTrace[]): (span: Span) => TermTrace | undefined {
  const sorted = [...trace].sort((a, b) => a.span.start - b.span.start);
  return (span) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.span.start <= span.start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Elements do not nest, but the nearest start may be an empty or shorter one: look back a little.
    for (let i = at; i >= 0 && i > at - 4; i--) {
      const e = sorted[i]!;
      if (e.span.start <= span.start && span.end <= e.span.end) return e;
    }
    return undefined;
  };
}

/** Removes, from the last to the first, each element lint finds dead or unknown, where no target's list changes. */
export function removeDead(s: FixState): boolean {
  const found = new Map<string, { e: TermTrace; d: Diagnostic; target: TargetName }>();
  for (const [i, l] of s.lints.entries()) {
    const elementAt = elementLookup(l.result.trace);
    for (const d of l.diagnostics) {
      if (!REMOVABLE.has(d.code) || !d.span) continue;
      const e = elementAt(d.span);
      if (e && !found.has(`${e.span.start}:${e.span.end}`))
        found.set(`${e.span.start}:${e.span.end}`, { e, d, target: s.targets[i]! });
    }
  }
  let changed = false;
  let limit = s.edited.text.length;
  for (const { e, d, target } of [...found.values()].sort((a, b) => b.e.span.start - a.e.span.start)) {
    if (e.span.end > limit) continue;
    const cuts = removalsOf(s.edited.text, e.span);
    // Each candidate costs an evaluation per target; a very long string stops within the budget.
    if (!s.spend(s.edited.text.length, cuts.length + 1)) {
      s.note(
        `stopped: the evaluations fix may spend are spent (a long string); the elements before \`${e.text}\` at ${e.span.start + 1} were not looked at`,
      );
      return changed;
    }
    const cut = cuts.find((c) => proves(s.edited.candidateWithout([c]), s.lists, s.proofOptions));
    if (!cut) {
      const without = evaluateOn(
        s.edited.candidateWithout([removalsOf(s.edited.text, e.span)[0]!]),
        s.targets,
        s.proofOptions,
      );
      const live = s.targets.filter((_, i) => !sameList(without[i]!, s.lists[i]!));
      s.kept(
        e.text,
        `kept \`${e.text}\`: ${d.code} on ${target}, but without it the list changes on ${live.join(', ')}`,
      );
      continue;
    }
    const text = s.edited.text.slice(cut.start, cut.end);
    s.change(d.code as DiagnosticCode, `removed \`${e.text}\`: ${d.message}`, cut, text, '', s.lists);
    s.edited.remove([cut]);
    limit = cut.start;
    changed = true;
  }
  return changed;
}

/**
 * `DEFAULT` after other elements only expands at the start. Where every element before it adds
 * nothing (exclusions, `@SECLEVEL`), the user meant the default list less those: it moves to the
 * front. Where elements before it add suites, their order and DEFAULT's cannot both be had; it is
 * left as it is and said.
 */
export function moveDefault(s: FixState): boolean {
  for (const [i, l] of s.lints.entries()) {
    const d = l.diagnostics.find((x) => x.code === 'default-not-first' && x.span);
    if (!d) continue;
    const at = l.result.trace.findIndex((e) => e.span.start <= d.span!.start && d.span!.end <= e.span.end);
    const e = l.result.trace[at];
    if (!e) continue;
    const adds = s.lints.some((x) =>
      x.result.trace.some((y) => y.span.end <= e.span.start && ['added', 'moved', 'sorted'].includes(y.effect)),
    );
    if (adds) {
      s.note(
        `\`${e.text}\` at ${e.span.start + 1} is ignored on ${s.targets[i]} (DEFAULT only expands first); the elements before it add suites, so moving it would change their order: left as it is`,
      );
      return false;
    }
    const cut = removalsOf(s.edited.text, e.span)[0]!;
    // `DEFAULT+kRSA` at the front is DEFAULT then `+kRSA`: the whole element moves, not its first word.
    const head = /^DEFAULT\+/.test(e.text) ? e.text : 'DEFAULT';
    const text = `${head}${s.separator}${s.edited.candidateWithout([cut])}`;
    const after = evaluateOn(text, s.targets, s.proofOptions);
    const rejects = after.filter((x) => !x.ok).map((x) => x.target);
    if (rejects.length > 0) {
      s.note(`\`DEFAULT\` not moved to the front: ${rejects.join(', ')} would reject the string`);
      return false;
    }
    const description = `moved \`${head}\` to the front, the only place DEFAULT expands (only exclusions came before it)`;
    s.change('default-not-first', description, cut, s.edited.text.slice(cut.start, cut.end), '', after);
    s.edited.remove([cut]);
    s.edited.replace({ start: 0, end: 0 }, `${head}${s.separator}`);
    s.lists = after;
    return true;
  }
  return false;
}

/**
 * Appends, one word at a time, the exclusions the chosen findings' fixes write on each target:
 * a word is added when every target knows it and, on every target, it removes from the list only
 * suites those findings flag there (and something on one target at least).
 */
export function addExclusions(s: FixState, codes: ReadonlySet<string>): boolean {
  const flagged = s.lints.map((l) => new Set(l.diagnostics.filter((d) => codes.has(d.code)).flatMap(suitesOf)));
  const writers = new Map<string, DiagnosticCode>();
  for (const l of s.lints) {
    for (const d of l.diagnostics) {
      const r = d.fix?.replacement;
      if (!codes.has(d.code) || !r || r.span.start !== s.edited.text.length) continue;
      for (const w of r.text.split(':'))
        if (w.startsWith('!') && !writers.has(w)) writers.set(w, d.code as DiagnosticCode);
    }
  }
  let changed = false;
  for (const [word, code] of writers) {
    const known = s.targets.every(
      (t) =>
        !expand(word.slice(1), { ...s.optionsFor(t), ciphersuites: '' }).diagnostics.some(
          (d) => d.code === 'unknown-word' || d.code === 'unavailable-alias',
        ),
    );
    if (!known) continue;
    const text = s.edited.text + (s.edited.text === '' ? '' : s.separator) + word;
    const after = evaluateOn(text, s.targets, s.proofOptions);
    const removed = after.map((a, i) => s.lists[i]!.ciphers.filter((n) => !a.ciphers.includes(n)));
    const onlyRemoves = after.every((a, i) => {
      const gone = new Set(removed[i]);
      const want = s.lists[i]!.ciphers.filter((n) => !gone.has(n));
      return a.ok && a.ciphers.length === want.length && a.ciphers.every((n, k) => n === want[k]);
    });
    const flaggedOnly = removed.every((r, i) => r.every((n) => flagged[i]!.has(n)));
    if (!onlyRemoves || !flaggedOnly || removed.every((r) => r.length === 0)) continue;
    const end = { start: s.edited.text.length, end: s.edited.text.length };
    const added = (s.edited.text === '' ? '' : s.separator) + word;
    const what = removed.map((r, i) => `${r.length} on ${s.targets[i]}`).join(', ');
    s.change(code, `added \`${word}\`: removes suites the ${code} finding flags (${what})`, end, '', added, after);
    s.edited.replace(end, added);
    s.lists = after;
    changed = true;
  }
  return changed;
}

/** Per target, the suites the chosen findings still flag, with their codes: what no exclusion could remove. */
export function stillFlagged(s: FixState, codes: ReadonlySet<string>): string[] {
  return s.lints.flatMap((l, i) => {
    const left = l.diagnostics.filter((d) => codes.has(d.code) && suitesOf(d).length > 0);
    if (left.length === 0) return [];
    const names = new Set(left.flatMap(suitesOf));
    return [
      `${s.targets[i]}: ${names.size} ${names.size === 1 ? 'suite' : 'suites'} still flagged (${[...new Set(left.map((d) => d.code))].join(', ')}): no word every target knows removes only flagged suites`,
    ];
  });
}

/** The suites a finding names. */
function suitesOf(d: Diagnostic): string[] {
  return typeof d.args.suites === 'string' ? d.args.suites.split(',') : [];
}

/** Whether two list sets are the same on every target. */
export function sameLists(a: readonly TargetList[], b: readonly TargetList[]): boolean {
  return a.every((x, i) => sameList(x, b[i]!));
}
