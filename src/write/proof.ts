// The proof behind every string cipherx writes: the string evaluated on each target, and the lists compared.
import { expand } from '../expand.js';
import { requireLibrary } from '../library/registry.js';
import type { ExpandOptions, ExpandResult, TargetName } from '../types.js';

/** The set-up a written string is evaluated with on every target (what the user's context has besides the string). */
export interface ProofOptions {
  /** The TLS 1.3 list given to each target that has one apart; default: each target's default. */
  ciphersuites?: string;
  /** The starting security level on each target that has levels; default: each target's default. */
  seclevel?: number;
  /** Strict mode (unknown words fail the call) on each target that has it (the BoringSSL family). */
  strict?: boolean;
}

/** What one target makes of a string: the outcome of `SSL_CTX_set_cipher_list` and the resulting list. */
export interface TargetList {
  /** The target. */
  target: TargetName;
  /** Whether the target accepts the string. */
  ok: boolean;
  /** The resulting suites in preference order (OpenSSL names), TLS 1.3 suites first; empty when rejected. */
  ciphers: string[];
  /** BoringSSL: the indexes in `ciphers` of suites that share equal preference with the next one. */
  groupedWithNext: number[];
  /** The security level after the call (`@SECLEVEL=n` changes it); null where the target has none. */
  seclevel: number | null;
}

/** The options `expand` gets for `target` from a proof's options: those the target has. */
export function expandOptionsFor(target: TargetName, options: ProofOptions = {}): ExpandOptions {
  const caps = requireLibrary(target, 'proof').capabilities;
  const out: ExpandOptions = { target };
  if (options.ciphersuites !== undefined && (caps.tls13Configurable || options.ciphersuites === '')) {
    out.ciphersuites = options.ciphersuites;
  }
  if (options.seclevel !== undefined && caps.securityLevels) out.seclevel = options.seclevel;
  if (options.strict && caps.strict) out.strict = true;
  return out;
}

/** The list a result leaves, as a proof records it. */
export function listOf(target: TargetName, result: ExpandResult): TargetList {
  const groupedWithNext: number[] = [];
  result.ciphers.forEach((c, i) => {
    if (c.inGroupWithNext) groupedWithNext.push(i);
  });
  return {
    target,
    ok: result.ok,
    ciphers: result.ciphers.map((c) => c.name),
    groupedWithNext,
    seclevel: result.seclevel,
  };
}

/** Evaluates `input` on each target as the proof's options set the context up. */
export function evaluateOn(input: string, targets: readonly TargetName[], options: ProofOptions = {}): TargetList[] {
  return targets.map((target) => listOf(target, expand(input, expandOptionsFor(target, options))));
}

/** Whether two evaluations leave the same context: same outcome, same suites in the same order, same groups and level. */
export function sameList(a: TargetList, b: TargetList): boolean {
  return (
    a.ok === b.ok &&
    a.seclevel === b.seclevel &&
    a.ciphers.length === b.ciphers.length &&
    a.ciphers.every((n, i) => n === b.ciphers[i]) &&
    a.groupedWithNext.length === b.groupedWithNext.length &&
    a.groupedWithNext.every((n, i) => n === b.groupedWithNext[i])
  );
}

/** Whether `input` leaves on every target exactly the lists of `expected` (one per target, in any order of targets). */
export function proves(input: string, expected: readonly TargetList[], options: ProofOptions = {}): boolean {
  return expected.every((want) =>
    sameList(listOf(want.target, expand(input, expandOptionsFor(want.target, options))), want),
  );
}
