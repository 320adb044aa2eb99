// Whether the list a string leaves meets a named policy, per target: what is forbidden but
// present (and which element brought it in), what is required but missing, order violations.
import { convertNames } from '../convert.js';
import type { TermTrace } from '../core/trace.js';
import type { Cipher, ExpandError, Span } from '../core/types.js';
import { isTls13Suite } from '../core/tls13.js';
import { expand } from '../expand.js';
import { DEFAULT_TARGET, requireLibrary, type TargetName } from '../library/registry.js';
import { isProtocolVersion, PROTOCOL_VERSIONS, protocolRank, type ProtocolVersion } from '../supported/protocol.js';
import { expandOptionsFor } from '../write/proof.js';
import { findPolicy, policyIds } from './policies.js';
import { rulesOf, type Policy, type PolicyRules } from './policy.js';

/** The options of `check`: the policy, the targets, and the context the string is applied to. */
export interface CheckOptions {
  /** The policy's id (`policies()` lists them), e.g. `mozilla-intermediate`. */
  policy: string;
  /** The targets to check on; default the default target. */
  targets?: readonly TargetName[];
  /** The TLS 1.3 list on targets that configure it apart; default each target's default. */
  ciphersuites?: string;
  /** The starting security level on targets that have levels. */
  seclevel?: number;
  /** Strict mode on the targets that have it (the BoringSSL family). */
  strict?: boolean;
  /**
   * The protocol versions the server enables, when known (scan knows them). Suites no enabled
   * version can negotiate are left out of the check, and versions outside the policy's bounds
   * are violations. Default: not known; every suite of the list is judged.
   */
  protocols?: readonly ProtocolVersion[];
}

/** Where a suite of the list came from. */
export interface SuiteSource {
  /** The element of the cipher string that added it, or null when it came from the TLS 1.3 list. */
  element: {
    /** The element as written. */
    text: string;
    /** Where it is in the cipher string. */
    span: Span;
  } | null;
  /** `cipher-list` for the string, `ciphersuites` for the TLS 1.3 list configured apart. */
  from: 'cipher-list' | 'ciphersuites';
}

/** A suite the policy does not allow, present in the list. */
export interface ForbiddenSuite {
  /** The target's name for it (OpenSSL name). */
  suite: string;
  /** Its IANA name, or null where it has none. */
  iana: string | null;
  /** `not-allowed`: the policy lists what it allows and this is not among them; `forbidden`: named as forbidden. */
  reason: 'not-allowed' | 'forbidden';
  /** What brought it in. */
  source: SuiteSource;
}

/** Two allowed suites in an order the policy reverses. */
export interface OrderViolation {
  /** The suite the list prefers (OpenSSL name)... */
  suite: string;
  /** ...over this one, which the policy puts first. */
  before: string;
}

/** The check on one target. */
export interface TargetCheck {
  /** The target. */
  target: TargetName;
  /** The target accepts the string and the list meets the policy. */
  pass: boolean;
  /** Why the target rejects the string; null when it accepts it. */
  error: ExpandError | null;
  /** The list checked (OpenSSL names), TLS 1.3 suites first: the suites usable at the enabled protocols. */
  ciphers: string[];
  /** Suites of the list the policy does not allow. */
  forbidden: ForbiddenSuite[];
  /** Required suites missing from the list (IANA names), with the target's name where it has the suite. */
  missing: Array<{
    /** The IANA name the policy gives. */
    iana: string;
    /** The target's name for it, or null where its build lacks the suite. */
    suite: string | null;
  }>;
  /** Allowed suites out of the policy's order (only for policies that ask for an order). */
  order: OrderViolation[];
  /** Enabled protocol versions outside the policy's bounds (only when `options.protocols` is given). */
  protocols: ProtocolVersion[];
  /** The list holds no suite the policy allows: no client could connect within the policy. */
  noAllowedSuite: boolean;
  /** Allowed suites this target's build does not have (IANA names): not violations, said for completeness. */
  unavailable: string[];
  /** Suites of the list left out because no enabled protocol can negotiate them. */
  unusable: string[];
}

/** What `check` returns: the policy, and the verdict per target. */
export interface PolicyCheck {
  /** The policy checked against. */
  policy: Pick<Policy, 'id' | 'title' | 'source'> & {
    /** The protocol bounds the policy sets (judged only where `options.protocols` is given). */
    protocols: PolicyRules['protocols'];
    /** The minimum key sizes it sets: not a property of a cipher string, so never judged here. */
    keySizes: PolicyRules['keySizes'];
  };
  /** Every target passes. */
  pass: boolean;
  /** One check per target, in the order given. */
  targets: TargetCheck[];
}

/**
 * Checks the list `input` leaves on each target against a named policy: suites it does not
 * allow (with the element that added each), suites it requires and the list lacks, allowed
 * suites out of the order it asks for, and, when the enabled protocols are given, versions
 * outside its bounds. Key sizes a policy sets are not a property of a cipher string and are not
 * checked. Throws a TypeError for an unknown policy or target or a wrong option.
 */
export function check(input: string, options: CheckOptions): PolicyCheck {
  if (typeof input !== 'string') throw new TypeError('check: input must be a string');
  if (options === null || typeof options !== 'object') throw new TypeError('check: options must be an object');
  const policy = requirePolicy(options.policy, 'check');
  const targets = options.targets ?? [DEFAULT_TARGET];
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new TypeError('check: options.targets must be a non-empty array of target names');
  }
  for (const t of targets) requireLibrary(t, 'check');
  const protocols = readProtocols(options.protocols, 'check');
  const rules = rulesOf(policy);
  const checks = targets.map((target) => {
    const result = expand(input, { ...expandOptionsFor(target, options), trace: true });
    return checkList(result.ok ? result.ciphers : [], result.trace ?? [], rules, target, {
      error: result.error,
      protocols,
    });
  });
  return {
    policy: {
      id: policy.id,
      title: policy.title,
      source: policy.source,
      protocols: rules.protocols,
      keySizes: rules.keySizes,
    },
    pass: checks.every((c) => c.pass),
    targets: checks,
  };
}

/** The policy of that id, or a TypeError naming the ids there are. */
export function requirePolicy(id: unknown, where: string): Policy {
  const policy = findPolicy(id);
  if (!policy) {
    throw new TypeError(`${where}: unknown policy ${JSON.stringify(id)}; the policies are ${policyIds().join(', ')}`);
  }
  return policy;
}

/** Checks that `protocols` is undefined or a list of protocol versions. */
export function readProtocols(protocols: unknown, where: string): readonly ProtocolVersion[] | undefined {
  if (protocols === undefined) return undefined;
  if (!Array.isArray(protocols) || !protocols.every(isProtocolVersion)) {
    throw new TypeError(`${where}: options.protocols must be an array of ${PROTOCOL_VERSIONS.join(', ')}`);
  }
  return protocols;
}

/**
 * Judges a list already evaluated (with its trace) against a policy's rules on one target: what
 * check() does per target, and what lint and scan call with the evaluation they already have.
 */
export function checkList(
  list: readonly Cipher[],
  trace: readonly TermTrace[],
  rules: PolicyRules,
  target: TargetName,
  context: { error: ExpandError | null; protocols?: readonly ProtocolVersion[] },
): TargetCheck {
  const { error, protocols } = context;
  const usable = (c: Cipher) => !protocols || protocols.some((p) => negotiableAt(c, p));
  const judged = list.filter(usable);
  const allowed = rules.allowed ? new Set(rules.allowed) : null;
  const forbiddenNames = new Set(rules.forbidden);
  const addedBy = sourcesOf(trace, target);
  const forbidden: ForbiddenSuite[] = [];
  for (const c of judged) {
    const iana = c.stdname;
    const reason =
      iana !== null && forbiddenNames.has(iana)
        ? 'forbidden'
        : allowed && !allowed.has(iana ?? '')
          ? 'not-allowed'
          : null;
    if (reason) forbidden.push({ suite: c.name, iana, reason, source: addedBy(c) });
  }
  const present = new Set(judged.map((c) => c.stdname));
  const names = (iana: readonly string[]) => convertNames(iana, { target });
  const missing = names(rules.required)
    .filter((n) => !present.has(n.input))
    .map((n) => ({ iana: n.input, suite: n.openssl }));
  const order = rules.ordered && allowed ? orderViolations(judged, rules.allowed!) : [];
  const outOfBounds = protocols && rules.protocols ? protocols.filter((p) => !withinBounds(p, rules.protocols!)) : [];
  const noAllowedSuite = error === null && allowed !== null && !judged.some((c) => allowed.has(c.stdname ?? ''));
  const unavailable = allowed
    ? names(rules.allowed!)
        .filter((n) => n.openssl === null)
        .map((n) => n.input)
    : [];
  return {
    target,
    pass:
      error === null &&
      forbidden.length === 0 &&
      missing.length === 0 &&
      order.length === 0 &&
      outOfBounds.length === 0 &&
      !noAllowedSuite,
    error,
    ciphers: judged.map((c) => c.name),
    forbidden,
    missing,
    order,
    protocols: [...outOfBounds],
    noAllowedSuite,
    unavailable,
    unusable: list.filter((c) => !usable(c)).map((c) => c.name),
  };
}

/** Whether a suite can be negotiated at a protocol version: TLS 1.3 suites at 1.3 only, others from their `-v` version to 1.2. */
export function negotiableAt(c: Cipher, version: ProtocolVersion): boolean {
  if (isTls13Suite(c)) return version === 'TLSv1.3';
  if (version === 'TLSv1.3') return false;
  const from = isProtocolVersion(c.protocol) ? protocolRank(c.protocol) : 0;
  return protocolRank(version) >= from;
}

function withinBounds(version: ProtocolVersion, bounds: { min: string; max: string | null }): boolean {
  const rank = protocolRank(version);
  const min = isProtocolVersion(bounds.min) ? protocolRank(bounds.min) : 0;
  const max = bounds.max !== null && isProtocolVersion(bounds.max) ? protocolRank(bounds.max) : Infinity;
  return rank >= min && rank <= max;
}

/** For each suite, the last element that added it (a later `+X` only moves it). */
function sourcesOf(trace: readonly TermTrace[], target: TargetName): (c: Cipher) => SuiteSource {
  const by = new Map<string, TermTrace>();
  const visit = (t: TermTrace) => {
    if (t.effect === 'added') for (const n of t.suites) by.set(n, t);
  };
  for (const t of trace) visit(t);
  const apart = requireLibrary(target, 'check').capabilities.tls13Configurable;
  return (c) => {
    const t = by.get(c.name);
    if (t) return { element: { text: t.text, span: t.span }, from: 'cipher-list' };
    return { element: null, from: apart && isTls13Suite(c) ? 'ciphersuites' : 'cipher-list' };
  };
}

/** Adjacent inversions: an allowed suite placed before one the policy ranks above it. */
function orderViolations(list: readonly Cipher[], order: readonly string[]): OrderViolation[] {
  const rank = new Map(order.map((n, i) => [n, i]));
  const ranked = list.filter((c) => rank.has(c.stdname ?? ''));
  const out: OrderViolation[] = [];
  for (let i = 1; i < ranked.length; i++) {
    const a = ranked[i - 1]!;
    const b = ranked[i]!;
    if (rank.get(a.stdname!)! > rank.get(b.stdname!)!) out.push({ suite: a.name, before: b.name });
  }
  return out;
}
