import type { TermTrace } from '../core/trace.js';
import { expand } from '../expand.js';
import { isDiagnosticCode, severityOf, type DiagnosticCode } from '../diagnostics/registry.js';
import { libraries, requireLibrary, type Library } from '../library/registry.js';
import { isLoaded, opensslTable, tablesRegistered } from '../library/tables.js';
import { Findings, MAX_FINDINGS } from './findings.js';
import { pskTwins } from './psk-twin.js';
import { releaseWords, removedBefore } from './release-words.js';
import { knowsExactly } from '../family/openssl/case-fold.js';
import { assessList, type SecurityReport } from './security.js';
import { fixesForTarget } from './target-fix.js';
import { killsWithoutEffect } from './kill-effect.js';
import { overshoot } from './overshoot.js';
import { checkList, readProtocols, requirePolicy } from '../policy/check.js';
import { policyFindings } from '../policy/findings.js';
import { rulesOf } from '../policy/policy.js';
import type { ProtocolVersion } from '../supported/protocol.js';
import type { Diagnostic, Span } from '../core/types.js';
import type { ExpandAccepted, ExpandOptions, ExpandRejected } from '../types.js';

/** What lint() finds: the evaluation it judged, and every finding, in the order of the input. Narrow it on `ok`. */
export type LintResult = LintAccepted | LintRejected;

/** A `LintResult` of a string OpenSSL accepts: the suites are rated. */
export interface LintAccepted extends LintResultFields {
  /** OpenSSL accepts the string. */
  ok: true;
  /** The evaluation that was judged, with its trace. */
  result: ExpandAccepted & {
    /** What every element of the string did. */
    trace: TermTrace[];
  };
  /** Ratings of the resulting suites and of the list. */
  security: SecurityReport;
}

/** A `LintResult` of a string OpenSSL rejects: `result.error` says why, and so does an `error` finding. */
export interface LintRejected extends LintResultFields {
  /** OpenSSL rejects the string. */
  ok: false;
  /** The evaluation that was judged, with its trace (empty when the ciphersuites list was rejected). */
  result: ExpandRejected & {
    /** What every element of the string did, up to the one that failed the call. */
    trace: TermTrace[];
  };
  /** Null: a rejected string leaves no list to rate. */
  security: null;
}

/** What every `LintResult` has. */
export interface LintResultFields {
  /** Whether OpenSSL accepts the string. */
  ok: boolean;
  /**
   * Every finding but those of `options.ignore`, by position in the input (those without a span
   * last): at most `options.maxDiagnostics` (100), the most severe first and then the earliest,
   * and then one `too-many-diagnostics` finding that says how many more there were.
   */
  diagnostics: Diagnostic[];
}

/** The options of `lint`: those of `expand`, and codes to leave out. */
export interface LintOptions extends ExpandOptions {
  /** Codes to leave out. */
  ignore?: readonly DiagnosticCode[];
  /**
   * The most findings to return (default 100); the others are counted in one more,
   * `too-many-diagnostics`. `Infinity` returns every finding: memory then grows with the string.
   */
  maxDiagnostics?: number;
  /**
   * A named policy (`policies()`) the list must meet: what it does not allow, requires, or asks
   * to be ordered otherwise are `policy-*` errors (`check` gives the same verdict as data). With
   * `supported`, the effective offer is judged instead of the configured list.
   */
  policy?: string;
  /** With `policy`: the protocol versions the server enables, when known (see `CheckOptions.protocols`). */
  protocols?: readonly ProtocolVersion[];
}

/** How many elements lint may test by evaluating the string without them. */
const REEVALUATIONS = 64;

/**
 * Lints a cipher string for a target: everything OpenSSL accepts silently but does differently
 * from what the text says, built on the evaluator's own trace (never a second parser).
 * Severity follows OpenSSL: `error` only where it rejects the string, `warning` where it accepts
 * but does something other than the text says, `info` for style.
 */
export function lint(input: string, options: LintOptions = {}): LintResult {
  if (options === null || typeof options !== 'object') throw new TypeError('lint: options must be an object');
  const { ignore = [], maxDiagnostics = MAX_FINDINGS, policy, protocols, ...expandOptions } = options;
  const rules = policy === undefined ? null : rulesOf(requirePolicy(policy, 'lint'));
  const enabled = readProtocols(protocols, 'lint');
  if (!Array.isArray(ignore)) throw new TypeError('lint: options.ignore must be an array of diagnostic codes');
  for (const code of ignore) {
    if (!isDiagnosticCode(code))
      throw new TypeError(`lint: options.ignore: ${JSON.stringify(code)} is no diagnostic code`);
  }
  if (!(maxDiagnostics === Infinity || (Number.isInteger(maxDiagnostics) && maxDiagnostics >= 0))) {
    throw new TypeError('lint: options.maxDiagnostics must be a whole number or Infinity');
  }
  const lib = requireLibrary(expandOptions.target, 'lint');
  const boring = lib.family === 'boringssl';
  const expanded = expand(input, { ...expandOptions, trace: true });
  // A call that fails before reading the string (a rejected ciphersuites list) has no element.
  const result = expanded.trace ? (expanded as typeof expanded & { trace: TermTrace[] }) : { ...expanded, trace: [] };
  const out = new Findings(ignore, maxDiagnostics);

  if (result.error) {
    out.add({
      code: result.error.code,
      severity: severityOf(result.error.code),
      message: result.error.message,
      span: result.error.span ?? null,
      args: {},
      ...(result.error.code === 'invalid-ciphersuites' ? { source: 'ciphersuites' as const } : {}),
    });
  }
  for (const d of result.diagnostics) {
    // Other releases of the same family: each family's words are its own.
    out.add(d.code === 'unknown-word' ? otherReleases(d, lib) : d);
  }
  // Whether the string without one element gives the same outcome: the test of a `!X` that
  // removed nothing yet, which matters exactly when a later element would have added its suites.
  // Each test evaluates the string again, so only the first REEVALUATIONS such elements are
  // tested (lint stays linear in the length of the string); the others are counted and said.
  let budget = REEVALUATIONS;
  const untested = { count: 0, first: null as Span | null };
  // Kills the trace proves change nothing need no evaluation (they still count against the budget).
  const whole = !result.diagnostics.some((d) => d.code === 'trace-limited');
  // Found when the first such element is met.
  let proven: Set<TermTrace> | null | undefined;
  const sameWithout = (e: TermTrace): boolean => {
    const span = e.span;
    if (budget-- <= 0) {
      untested.count++;
      untested.first ??= span;
      return false;
    }
    proven ??= lib.family === 'openssl' && whole ? killsWithoutEffect(opensslTable(lib), result.trace, input) : null;
    if (proven?.has(e)) return true;
    const r = expand(input.slice(0, span.start) + input.slice(span.end), expandOptions);
    return (
      r.ok === result.ok &&
      r.seclevel === result.seclevel &&
      r.ciphers.length === result.ciphers.length &&
      r.ciphers.every((c, i) => c.name === result.ciphers[i]!.name)
    );
  };
  const emit = (d: Diagnostic) => out.add(d);
  fromTrace(result.trace, input, sameWithout, emit);
  releaseWords(result.trace, input, lib, emit);
  const n = untested.count;
  if (n > 0) {
    out.add({
      code: 'dead-term-check-limited',
      severity: severityOf('dead-term-check-limited'),
      message: `${n} more \`!\` ${n === 1 ? 'element' : 'elements'} that removed nothing when read ${n === 1 ? 'was' : 'were'} not tested for effect (lint tests the first ${REEVALUATIONS}); ${n === 1 ? 'it' : 'they'} may do nothing`,
      span: untested.first!,
      args: { count: n, limit: REEVALUATIONS },
    });
  }
  if (!result.ok) return { ok: false, result, diagnostics: out.list(), security: null };
  overshoot(result, input, boring, emit);
  if (lib.family === 'openssl') pskTwins(result.trace, result.ciphers, opensslTable(lib), emit);
  const security = assessList(result.ciphers);
  for (const d of fixesForTarget(security, result.ciphers, input, expandOptions)) out.add(d);
  if (rules) {
    // With the effective offer asked for (scan asks), the policy judges what the context offers.
    const offered = result.supported?.ciphers ?? result.ciphers;
    const judged = checkList(offered, result.trace, rules, lib.name, { error: null, protocols: enabled });
    for (const d of policyFindings(judged, policy!)) out.add(d);
  }
  return { ok: true, result, diagnostics: out.list(), security };
}

/** An unknown word that another release knows (EXPORT, DES, CBC, IANA names...) says so. */
function otherReleases(d: Diagnostic, lib: Library): Diagnostic {
  if (lib.family !== 'openssl') return d;
  const target = lib.name;
  const word = String(d.args.word);
  const { removedAfter, knownIn } = elsewhere(lib, word);
  if (removedAfter) {
    return {
      ...d,
      code: 'removed-alias',
      severity: severityOf('removed-alias'),
      message: `\`${word}\` was an alias up to ${removedAfter.name}; ${target} removed it, so here ${lib.product} ignores it`,
      args: { ...d.args, removedIn: target },
    };
  }
  if (knownIn === '') return d;
  return {
    ...d,
    code: 'not-in-this-release',
    message: `\`${word}\` exists in ${knownIn.replaceAll(',', ', ')} but not in ${target}; here ${lib.product} ignores it`,
    args: { ...d.args, knownIn },
  };
}

/**
 * What the other releases of the family make of a word `lib` does not know: the release before
 * `lib` that had it as an alias, and the loaded releases that spell it so (comma-separated, in
 * release order). Worked out once per word and library while no table is added (bounded).
 */
function elsewhere(lib: Library, word: string): { removedAfter: Library | null; knownIn: string } {
  let m = elsewhereCache.get(lib);
  if (!m || m.registered !== tablesRegistered()) {
    elsewhereCache.set(lib, (m = { registered: tablesRegistered(), words: new Map() }));
  }
  let found = m.words.get(word);
  if (!found) {
    // Spelled as that release spells it: a word another release reads only in another case is
    // case-insensitive-match's (release-words.ts).
    found = {
      removedAfter: removedBefore(lib, word),
      knownIn: libraries()
        .filter((l) => l.family === 'openssl' && l !== lib && isLoaded(l) && knows(l, word))
        .map((l) => l.name)
        .join(','),
    };
    if (m.words.size < 1024) m.words.set(word, found);
  }
  return found;
}
const elsewhereCache = new WeakMap<
  Library,
  { registered: number; words: Map<string, { removedAfter: Library | null; knownIn: string }> }
>();

/** Whether the table of `l` (loaded) has `word` spelled so; each word once per table (bounded). */
function knows(l: Library, word: string): boolean {
  let m = knownWords.get(l);
  if (!m) knownWords.set(l, (m = new Map()));
  let known = m.get(word);
  if (known === undefined) {
    known = knowsExactly(opensslTable(l).words, word);
    if (m.size < 1024) m.set(word, known);
  }
  return known;
}
const knownWords = new WeakMap<Library, Map<string, boolean>>();

/** Terms that do nothing, or nothing like what they say, from the evaluator's trace. */
function fromTrace(
  trace: readonly TermTrace[],
  input: string,
  sameWithout: (e: TermTrace) => boolean,
  emit: (d: Diagnostic) => void,
): void {
  const seen = new Map<string, TermTrace>();
  const check = (e: TermTrace): void => {
    const span = e.span;
    const first = seen.get(e.text);
    if (!first) seen.set(e.text, e);
    if (e.effect === 'killed' && e.activeBefore === 0 && sameWithout(e)) {
      emit(dead(e, 'it removes only suites that are not in the list, and no later element adds them'));
    }
    if (e.effect !== 'none') return;
    switch (e.reason) {
      case 'matches-nothing':
        emit(dead(e, 'no suite of this build matches it'));
        break;
      case 'shadowed-by-kill': {
        const by = e.shadowedBy === undefined ? undefined : trace[e.shadowedBy]!;
        const d = dead(e, `every suite it matches was removed for good before${by ? ` by \`${by.text}\`` : ''}`);
        if (by) d.related = [{ span: by.span, message: `\`${by.text}\` removed them for good` }];
        emit(d);
        break;
      }
      case 'nothing-to-act-on':
        if (e.operator === '+') {
          emit({
            code: 'plus-does-not-add',
            severity: severityOf('plus-does-not-add'),
            message: `\`${e.text}\` only moves suites already in the list to the end; none of them is there, so it does nothing. To add them, drop the \`+\``,
            span,
            args: { term: e.text },
            fix: { description: 'add the suites instead of moving them', replacement: { span, text: e.text.slice(1) } },
          });
        } else {
          emit(dead(e, 'none of the suites it matches is in the list at that point'));
        }
        break;
      case 'already-active':
        emit(
          first && first !== e
            ? {
                code: 'duplicate-term',
                severity: severityOf('duplicate-term'),
                message: `\`${e.text}\` repeats an earlier element and adds nothing`,
                span,
                args: { term: e.text },
                related: [{ span: first.span, message: 'first here' }],
                fix: { description: 'remove the repeated element' },
              }
            : {
                code: 'redundant-term',
                severity: severityOf('redundant-term'),
                message: `\`${e.text}\` adds nothing: every suite it matches is already in the list`,
                span,
                args: { term: e.text },
              },
        );
        break;
      case 'group-adds-nothing':
        // A group with items: each item that does nothing says why (below), or the evaluator does.
        if (e.items!.length === 0) emit(dead(e, 'the equal-preference group is empty'));
        break;
      default:
        break; // unknown words, empty intersections, discarded text: the evaluator's own diagnostics
    }
  };
  for (const e of trace) {
    check(e);
    // BoringSSL: the items of an equal-preference group are checked one by one, like elements.
    for (const item of e.items ?? []) check(item);
  }
  strengthReorders(trace, input, emit);
}

function dead(e: TermTrace, why: string): Diagnostic {
  return {
    code: 'dead-term',
    severity: severityOf('dead-term'),
    message: `\`${e.text}\` does nothing: ${why}`,
    span: e.span,
    args: { term: e.text, reason: e.reason ?? '' },
  };
}

/**
 * `@STRENGTH` after suites named one by one reorders them against the order written. A suite
 * named again counts at its last place: the suites named are at most the table's, so each
 * `@STRENGTH` costs the same however long the string.
 */
function strengthReorders(trace: readonly TermTrace[], input: string, emit: (d: Diagnostic) => void): void {
  const named = new Map<string, Span>();
  for (const e of trace) {
    if (e.effect === 'added' && e.words.length === 1 && e.words[0]!.kind === 'suite') {
      named.delete(e.suites[0]!);
      named.set(e.suites[0]!, e.span);
    }
    if (e.effect === 'sorted' && named.size >= 2) {
      const sorted = new Set(e.suites);
      const moved = [...named.keys()].filter((n) => sorted.has(n));
      if (moved.length > 0) {
        emit({
          code: 'strength-reorders',
          severity: severityOf('strength-reorders'),
          message: `\`${e.text}\` re-sorts the suites named one by one before it (${moved.join(', ')}), undoing the order written`,
          span: e.span,
          args: { suites: moved.join(',') },
          related: moved.map((name) => {
            const span = named.get(name)!;
            return { span, message: `${input.slice(span.start, span.end)} placed here` };
          }),
          fix: { description: 'remove @STRENGTH, or list the suites in the order you want and drop it' },
        });
      }
    }
  }
}
