import { closest } from '../core/closest.js';
import { isTls13Suite } from '../core/tls13.js';
import { expand } from '../expand.js';
import { requireLibrary, type Library } from '../library/registry.js';
import { boringsslTable, opensslTable } from '../library/tables.js';
import type { TermTrace } from '../core/trace.js';
import type { TargetName } from '../library/registry.js';
import type { ExpandOptions, ExpandResult } from '../types.js';
import { absenceCause, suiteOrigins, type SuiteOrigin } from './suite-history.js';

/** What explain() answers: the evaluation with its trace, and where every listed suite comes from. */
export interface Explanation {
  /** The target the string was evaluated for. */
  target: TargetName;
  /** The evaluation, with its trace. */
  result: ExpandResult & {
    /** What every element of the string did. */
    trace: TermTrace[];
  };
  /** For every suite of the final list, in its order: which element added it and which last moved it. */
  origins: SuiteOrigin[];
}

/** Evaluates `input` with a trace and tells, for every suite of the result, what added and moved it. */
export function explain(input: string, options: ExpandOptions = {}): Explanation {
  if (options === null || typeof options !== 'object') throw new TypeError('explain: options must be an object');
  const expanded = expand(input, { ...options, trace: true });
  // A call that fails before reading the string (a rejected ciphersuites list) has no element.
  const result = { ...expanded, trace: expanded.trace ?? [] };
  const lib = requireLibrary(options.target, 'explain');
  const tls13 = new Set(result.ciphers.filter(isTls13Suite).map((c) => c.name));
  // LibreSSL: TLS 1.3 suites are list members, added by elements like any other; those no
  // element added are the ones kept because the string never names TLS 1.3, or set apart.
  const listMembers = lib.family === 'openssl' && opensslTable(lib).data.tls13?.inCipherList === true;
  const kept = listMembers && options.ciphersuites === undefined;
  const names = result.ciphers.map((c) => c.name);
  // LibreSSL with a TLS 1.3 list: the configured suites come first, then the string's, so a
  // suite listed twice is the configured one at every entry but its last.
  const last = new Map(names.map((n, i) => [n, i]));
  const origins = suiteOrigins(names, result.trace).map((o, i) =>
    !tls13.has(o.name) || (listMembers && o.addedBy !== -1 && last.get(o.name) === i)
      ? o
      : { ...o, addedBy: -1, lastMovedBy: -1, ...(kept ? { tls13Kept: true as const } : {}) },
  );
  return { target: lib.name, result, origins };
}

/** The answer to "why is this suite there, or not there?", as data. */
export type SuiteAnswer =
  | {
      /** The suite's OpenSSL name (as given, when the target does not know it). */
      suite: string;
      /** It is in the final list. */
      present: true;
      /** Its index in the final list. */
      position: number;
      /** It is a TLS 1.3 suite (configured apart, by `ciphersuites`). */
      tls13: boolean;
      /** The trace index of the element that (last) added it; -1 for TLS 1.3 suites. */
      addedBy: number;
      /** The trace index of the last element that moved it after that, or -1. */
      lastMovedBy: number;
    }
  | {
      /** The suite's OpenSSL name (as given, when the target does not know it). */
      suite: string;
      /** It is not in the final list. */
      present: false;
      /** Why not. */
      cause:
        | 'call-failed'
        | 'not-a-suite'
        | 'unavailable'
        | 'tls13-not-configured'
        /** BoringSSL: TLS 1.3 suites are never part of its cipher list; it configures them itself. */
        | 'tls13-apart'
        /** A `!` element took it out of the list for good. */
        | 'killed'
        /** A `!` element banned it for good while it was not in the list. */
        | 'banned'
        | 'deleted'
        | 'never-added';
      /** For `not-a-suite`: the suite name of the target closest to what was given, if one is close. */
      suggestion?: string;
      /** The trace index of the element that removed it (killed, deleted). */
      by?: number;
    };

/**
 * Why `suite` (an OpenSSL or IANA name) is in the result of `input`, or why not. The trace in
 * `explanation.result.trace` gives the elements the answer points at.
 */
export function explainSuite(
  input: string,
  suite: string,
  options: ExpandOptions = {},
): {
  /** The evaluation the answer is about. */
  explanation: Explanation;
  /** Why the suite is there, or not. */
  answer: SuiteAnswer;
} {
  if (typeof suite !== 'string') throw new TypeError('explainSuite: suite must be a suite name (a string)');
  const explanation = explain(input, options);
  const { result, origins } = explanation;
  const lib = requireLibrary(explanation.target, 'explainSuite');
  const found = lookUp(lib, suite);
  const name = found?.name ?? suite;
  const position = result.ciphers.findIndex((c) => c.name === name);
  if (position !== -1) {
    const o = origins[position]!;
    const tls13 = isTls13Suite(result.ciphers[position]!);
    return {
      explanation,
      answer: { suite: name, present: true, position, tls13, addedBy: o.addedBy, lastMovedBy: o.lastMovedBy },
    };
  }
  const absent = (cause: Extract<SuiteAnswer, { present: false }>['cause'], by?: number): SuiteAnswer =>
    by === undefined ? { suite: name, present: false, cause } : { suite: name, present: false, cause, by };
  if (!found) {
    const meant = closest(suite, suiteNames(lib));
    const answer: SuiteAnswer = {
      suite: name,
      present: false,
      cause: 'not-a-suite',
      ...(meant ? { suggestion: meant } : {}),
    };
    return { explanation, answer };
  }
  if (found.tls13) {
    return { explanation, answer: absent(lib.capabilities.tls13Configurable ? 'tls13-not-configured' : 'tls13-apart') };
  }
  if (!found.available) return { explanation, answer: absent('unavailable') };
  if (!result.ok) return { explanation, answer: absent('call-failed') };
  const cause = absenceCause(name, result.trace);
  return { explanation, answer: cause.kind === 'never-added' ? absent('never-added') : absent(cause.kind, cause.by) };
}

/** Every OpenSSL and IANA name of the target's suites. */
function suiteNames(lib: Library): string[] {
  if (lib.family === 'boringssl') return [...boringsslTable(lib).suiteByName.keys()];
  const d = opensslTable(lib).data;
  return [...d.suites, ...d.tls13Suites].flatMap((s) => (s.stdname ? [s.name, s.stdname] : [s.name]));
}

/** A suite of the target by OpenSSL or IANA name: its OpenSSL name, whether it is TLS 1.3 and available. */
function lookUp(lib: Library, suite: string): { name: string; tls13: boolean; available: boolean } | null {
  if (lib.family === 'boringssl') {
    const b = boringsslTable(lib);
    const i = b.suiteByName.get(suite);
    if (i === undefined) return null;
    const s = b.suites[i]!.data;
    return { name: s.name, tls13: s.tls13, available: true };
  }
  const t = opensslTable(lib);
  const s = t.data.suites.find((x) => x.name === suite || x.stdname === suite);
  if (s) return { name: s.name, tls13: false, available: s.available };
  const tls13 = t.data.tls13Suites.find((x) => x.name === suite || x.stdname === suite);
  return tls13 ? { name: tls13.name, tls13: true, available: true } : null;
}
