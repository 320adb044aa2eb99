// `suggest`: a short cipher string that gives each chosen target exactly the requested suites it
// has, in the requested order, proven by evaluating it on every target.
import { convertNames } from '../convert.js';
import { requireLibrary, DEFAULT_TARGET, TARGET_NAMES, type TargetName } from '../library/registry.js';
import { isLoaded } from '../library/tables.js';
import { findPolicy, policyIds } from '../policy/policies.js';
import { rulesOf } from '../policy/policy.js';
import { differenceOf, differenceSize, type ListDifference } from './list-difference.js';
import { evaluateOn, proves, type ProofOptions, type TargetList } from './proof.js';
import { DEFAULT_LIMITS, searchPlans } from './search.js';
import { tls13Setting, type Tls13Setting } from './tls13-setting.js';
import { vocabulary } from './vocabulary.js';
import { resolveRequest, strengthBits, suitesOf, wantsOf, type TargetWant } from './wanted.js';

export type { ListDifference } from './list-difference.js';
export type { Tls13Setting } from './tls13-setting.js';
export type { TargetWant } from './wanted.js';

/** What to suggest a string for: a named policy's allowed suites, or a list of suites (OpenSSL or IANA names). */
export type SuggestRequest =
  | {
      /** A named policy (`policies()`): its allowed suites, in the document's order. */
      policy: string;
    }
  | {
      /** Suites in the order wanted, by OpenSSL or IANA name. */
      suites: readonly string[];
    };

/** The targets the string is for, and the context it is proven in. */
export interface SuggestOptions {
  /** The targets the one string must serve; default `[defaultTarget]`. */
  targets?: readonly TargetName[];
  /** The starting security level on each target that has levels (the proofs expect it unchanged). */
  seclevel?: number;
}

/** A string for one target alone, when no string serves them all. */
export interface TargetAnswer {
  /** The target. */
  target: TargetName;
  /** A string giving this target its wanted list; null when none can (it has none of the suites). */
  string: string | null;
  /** `string` evaluated on the target (with no TLS 1.3 list); null with no string. */
  proof: TargetList | null;
}

/** The string that comes closest on every target, when none gives every wanted list. */
export interface ClosestString {
  /** The string. */
  string: string;
  /** It evaluated on each target (with no TLS 1.3 list). */
  proof: TargetList[];
  /** Per target, how its list differs from the wanted one (all empty on the targets it serves). */
  differences: ListDifference[];
}

/** What `suggest` answers. */
export interface Suggestion {
  /** One string gives every target its wanted list. */
  ok: boolean;
  /** That string; null when there is none (`closest` and `perTarget` then say what can be done). */
  string: string | null;
  /**
   * `string` evaluated on each target, in the order of the targets, with no TLS 1.3 list: the
   * list each target's cipher string leaves, equal to its `wanted` list. Empty when not `ok`.
   */
  proof: TargetList[];
  /** Per target: the TLS 1.2-and-below suites the string must give, the TLS 1.3 ones, what it lacks. */
  wanted: TargetWant[];
  /** Whether the request asks for its order (a suite list always does; a policy when its document does). */
  ordered: boolean;
  /**
   * Whether the request names any suite a cipher string controls (TLS 1.2 and below), whether
   * or not the chosen targets have it: false for a TLS 1.3-only policy such as mozilla-modern.
   */
  cipherStringRequested: boolean;
  /** Per target, how to get the requested TLS 1.3 suites; null when the request names none. */
  tls13: Tls13Setting[] | null;
  /** When not `ok`: the string closest to every wanted list, or null when there is no string at all. */
  closest: ClosestString | null;
  /** When not `ok`: one string per target. */
  perTarget: TargetAnswer[];
}

/**
 * The shortest string the search finds (fewest elements, then fewest characters) that gives
 * each target exactly the requested suites it has (TLS 1.2 and below: what a cipher string
 * controls), in the requested order. Words are aliases every target knows, their compounds
 * (`ECDHE+AESGCM`), suite names, bans `!X` first, moves `+X` and `@STRENGTH`; the explicit list
 * of names is the fallback. The search is bounded: the answer is the shortest it finds within
 * that vocabulary, not a proven shortest. Every string returned is proven by evaluating it on
 * every target (`proof`). The TLS 1.3 suites are configured apart: `tls13` says how per target.
 *
 * Throws a TypeError for an unknown policy, a policy listing no suites, an empty or malformed
 * suite list, a name no chosen target knows, a suite asked for twice, or bad options.
 */
export function suggest(request: SuggestRequest, options: SuggestOptions = {}): Suggestion {
  const { names, ordered } = readRequest(request);
  const targets = readTargets(options);
  const proofOptions: ProofOptions = { ciphersuites: '' };
  if (options.seclevel !== undefined) {
    if (typeof options.seclevel !== 'number') throw new TypeError('suggest: options.seclevel must be a number');
    // Applied where the target has levels (as check, minimize and fix do); an error where none has.
    if (!targets.some((t) => requireLibrary(t, 'suggest').capabilities.securityLevels)) {
      throw new TypeError('suggest: none of the targets has security levels (options.seclevel)');
    }
    proofOptions.seclevel = options.seclevel;
  }
  const requested = resolveRequest(names, targets);
  const wanted = wantsOf(requested, targets);
  // A suite is a TLS 1.3 one when a library that knows it has it apart from the cipher string.
  const known = TARGET_NAMES.filter((t) => isLoaded(requireLibrary(t, 'suggest')));
  const cipherStringRequested = requested.some(
    (r) =>
      !known.some((t) => {
        const name = convertNames([r.key], { target: t })[0]?.openssl;
        return name != null && suitesOf(t).tls13.has(name);
      }),
  );
  const common = wanted.every((w) => w.wanted.length > 0) ? find(wanted, proofOptions) : null;
  const anyTls13 = wanted.some((w) => w.tls13.length > 0);
  const tls13 = (string: string | null) =>
    anyTls13
      ? wanted.map((w) =>
          tls13Setting(
            w,
            requested
              .filter((r) => w.tls13.includes(convertNames([r.key], { target: w.target }).at(0)?.openssl ?? ''))
              .map((r) => r.key),
            string,
            ordered,
            proofOptions,
          ),
        )
      : null;
  if (common) {
    return {
      ok: true,
      string: common.string,
      proof: common.proof,
      wanted,
      ordered,
      cipherStringRequested,
      tls13: tls13(common.string),
      closest: null,
      perTarget: [],
    };
  }
  const perTarget: TargetAnswer[] = wanted.map((w) => {
    const found = w.wanted.length > 0 ? find([w], proofOptions) : null;
    return { target: w.target, string: found?.string ?? null, proof: found?.proof[0] ?? null };
  });
  // The closest: a string for the targets that can be served together, or one target's string.
  const served = wanted.filter((w) => w.wanted.length > 0);
  const candidates = [
    ...(served.length > 1 && served.length < wanted.length ? [find(served, proofOptions)?.string] : []),
    ...perTarget.map((p) => p.string),
  ].filter((s): s is string => typeof s === 'string');
  const closest = closestOf([...new Set(candidates)], wanted, proofOptions);
  return {
    ok: false,
    string: null,
    proof: [],
    wanted,
    ordered,
    cipherStringRequested,
    tls13: tls13(null),
    closest,
    perTarget,
  };
}

/** A proven string for `wants` (every wanted list non-empty), or null. */
function find(wants: readonly TargetWant[], options: ProofOptions): { string: string; proof: TargetList[] } | null {
  const targets = wants.map((w) => w.target);
  const start = evaluateOn('ALL', targets, options).map((l) => l.seclevel);
  const expected: TargetList[] = wants.map((w, i) => ({
    target: w.target,
    ok: true,
    ciphers: [...w.wanted],
    groupedWithNext: [],
    seclevel: start[i]!,
  }));
  const words = vocabulary(
    wants.map((w) => ({ target: w.target, wanted: w.wanted })),
    options,
  );
  const planTargets = wants.map((w) => ({ size: w.wanted.length, bits: strengthBits(w.target, w.wanted) }));
  const fallback = explicitList(wants);
  const limits = { ...DEFAULT_LIMITS, maxElements: Math.min(DEFAULT_LIMITS.maxElements, fallback.count) };
  const tried = [...searchPlans(planTargets, words, limits).map((p) => p.text), fallback.text];
  for (const text of tried) {
    if (proves(text, expected, options)) return { string: text, proof: evaluateOn(text, targets, options) };
  }
  return null;
}

/**
 * Every wanted suite by name, in the request's order (each target's wanted list is a sublist of
 * it); a suite that targets name differently appears under each name.
 */
function explicitList(wants: readonly TargetWant[]): { text: string; count: number } {
  const order: string[] = [];
  // Merge the wanted lists: each is in request order, so a name goes after every name before it in any list.
  const after = new Map<string, Set<string>>();
  for (const w of wants) {
    w.wanted.forEach((n, i) => {
      if (!after.has(n)) after.set(n, new Set());
      for (const m of w.wanted.slice(0, i)) after.get(n)!.add(m);
    });
  }
  const placed = new Set<string>();
  while (placed.size < after.size) {
    const next = [...after.keys()].find((n) => !placed.has(n) && [...after.get(n)!].every((m) => placed.has(m)));
    if (next === undefined) break;
    placed.add(next);
    order.push(next);
  }
  return { text: order.join(':'), count: order.length };
}

function closestOf(
  candidates: readonly string[],
  wanted: readonly TargetWant[],
  options: ProofOptions,
): ClosestString | null {
  let best: ClosestString | null = null;
  let bestSize = Infinity;
  for (const string of candidates) {
    const proof = evaluateOn(
      string,
      wanted.map((w) => w.target),
      options,
    );
    const differences = proof.map((p, i) => differenceOf(p, wanted[i]!.wanted));
    const size = differences.reduce((s, d) => s + differenceSize(d), 0);
    if (size < bestSize || (size === bestSize && best && string.length < best.string.length)) {
      best = { string, proof, differences };
      bestSize = size;
    }
  }
  return best;
}

function readRequest(request: SuggestRequest): { names: readonly string[]; ordered: boolean } {
  if (request === null || typeof request !== 'object') {
    throw new TypeError('suggest: request must be { policy: string } or { suites: string[] }');
  }
  if ('policy' in request && request.policy !== undefined) {
    if ('suites' in request) throw new TypeError('suggest: give request.policy or request.suites, not both');
    const policy = findPolicy(request.policy);
    if (!policy) {
      throw new TypeError(
        `suggest: unknown policy ${JSON.stringify(request.policy)}; known: ${policyIds().join(', ')}`,
      );
    }
    const rules = rulesOf(policy);
    if (!rules.allowed || rules.allowed.length === 0) {
      throw new TypeError(`suggest: the policy ${policy.id} lists no suites to allow`);
    }
    return { names: rules.allowed, ordered: rules.ordered };
  }
  if ('suites' in request) {
    const { suites } = request;
    if (!Array.isArray(suites) || suites.length === 0 || suites.some((s) => typeof s !== 'string' || s === '')) {
      throw new TypeError('suggest: request.suites must be a non-empty array of suite names');
    }
    return { names: suites, ordered: true };
  }
  throw new TypeError('suggest: request must be { policy: string } or { suites: string[] }');
}

function readTargets(options: SuggestOptions): TargetName[] {
  if (options === null || typeof options !== 'object') throw new TypeError('suggest: options must be an object');
  const given = options.targets ?? [DEFAULT_TARGET];
  if (!Array.isArray(given) || given.length === 0) {
    throw new TypeError('suggest: options.targets must be a non-empty array of target names');
  }
  const names = given.map((t) => requireLibrary(t, 'suggest').name as TargetName);
  if (new Set(names).size !== names.length) throw new TypeError('suggest: options.targets names a target twice');
  return names;
}
