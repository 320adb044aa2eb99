// The TLS 1.3 half of a `suggest` answer: a cipher string does not choose TLS 1.3 suites where
// they are configured apart, so the answer says what to give SSL_CTX_set_ciphersuites, or that
// the target's default already does, or that the library fixes them.
import { expand } from '../expand.js';
import { requireLibrary, type TargetName } from '../library/registry.js';
import { expandOptionsFor, type ProofOptions } from './proof.js';
import { suitesOf, type TargetWant } from './wanted.js';

/** How one target gets its TLS 1.3 suites, and what to set for the requested ones. */
export interface Tls13Setting {
  /** The target. */
  target: TargetName;
  /**
   * `configurable`: set `value` with SSL_CTX_set_ciphersuites (`-ciphersuites`, `Ciphersuites`);
   * `fixed`: the library offers its own TLS 1.3 suites, nothing sets them (BoringSSL);
   * `none`: the target has no TLS 1.3.
   */
  kind: 'configurable' | 'fixed' | 'none';
  /** The value to set (`configurable` only, else null), proven with the answer's string. */
  value: string | null;
  /**
   * The target's default TLS 1.3 list already has the requested suites (in the requested order
   * where the request is ordered): setting `value` changes nothing.
   */
  defaultMatches: boolean;
  /** The TLS 1.3 suites the target then uses, in order (its names). */
  suites: string[];
}

/**
 * The TLS 1.3 setting of `want.target` for the requested TLS 1.3 suites, checked by evaluating
 * `string` (the answer's cipher string, or '' when there is none) with it.
 */
export function tls13Setting(
  want: TargetWant,
  requestedKeys: readonly string[],
  string: string | null,
  ordered: boolean,
  options: ProofOptions,
): Tls13Setting {
  const lib = requireLibrary(want.target, 'suggest');
  const tls13 = suitesOf(want.target).tls13;
  const own = [...tls13];
  if (own.length === 0) return { target: want.target, kind: 'none', value: null, defaultMatches: false, suites: [] };
  const same = (a: readonly string[]) =>
    a.length === want.tls13.length &&
    (ordered ? a.every((n, i) => n === want.tls13[i]) : a.every((n) => want.tls13.includes(n)));
  if (!lib.capabilities.tls13Configurable) {
    return { target: want.target, kind: 'fixed', value: null, defaultMatches: same(own), suites: own };
  }
  const tls13Of = (ciphersuites: string | undefined) => {
    const r = expand(string ?? 'ALL', expandOptionsFor(want.target, { ...options, ciphersuites }));
    return r.ciphers.filter((c) => tls13.has(c.name)).map((c) => c.name);
  };
  const byDefault = tls13Of(undefined);
  // IANA names first (what every release's SSL_CTX_set_ciphersuites takes), else the target's own.
  for (const value of [requestedKeys.join(':'), want.tls13.join(':')]) {
    const got = tls13Of(value);
    if (got.length === want.tls13.length && got.every((n, i) => n === want.tls13[i])) {
      return { target: want.target, kind: 'configurable', value, defaultMatches: same(byDefault), suites: got };
    }
  }
  return { target: want.target, kind: 'configurable', value: null, defaultMatches: same(byDefault), suites: byDefault };
}
