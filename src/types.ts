// The public options and results of expand(); the core types are re-exported from here.
import type { TermTrace } from './core/trace.js';
import type { Cipher, Diagnostic, ExpandError } from './core/types.js';
import type { TargetName } from './library/registry.js';
import type { SupportedOptions, SupportedView } from './supported/types.js';

export type { Cipher, Diagnostic, ErrorCode, ExpandError, Severity, Span } from './core/types.js';
export type { BoringSSLTargetName, OpenSSLTargetName, TargetName } from './library/registry.js';

/** The options of `expand` (and of `lint`, `explain` and `diff`): the release and the context's set-up. */
export interface ExpandOptions {
  /** Release line to evaluate for. Default `openssl-3.0`. */
  target?: TargetName;
  /** BoringSSL only: reject unknown words, as `SSL_CTX_set_strict_cipher_list` does. */
  strict?: boolean;
  /** Record what every element of the string did (`ExpandResult.trace`). */
  trace?: boolean;
  /**
   * The TLS 1.3 list, as `SSL_CTX_set_ciphersuites` / `openssl ciphers -ciphersuites` take it.
   * Default: the target's default ciphersuites. `''` leaves TLS 1.3 suites out.
   */
  ciphersuites?: string;
  /**
   * The context's security level before the string is applied (SSL_CTX_set_security_level).
   * Default: the target release's default. Distributions change it: Debian builds 3.0 with 2.
   */
  seclevel?: number;
  /**
   * Also compute what a context would really offer (`ExpandResult.supported`, like
   * `openssl ciphers -s`): the security level's rules, the protocol range, PSK / SRP.
   */
  supported?: SupportedOptions | boolean;
}

/** What `expand` returns: what a context holds after `SSL_CTX_set_cipher_list` with the string. */
export type ExpandResult = ExpandAccepted | ExpandRejected;

/** An `ExpandResult` of a string OpenSSL accepts: `ok` is true, `error` null. */
export interface ExpandAccepted extends ExpandResultFields {
  /** OpenSSL accepts the string (`SSL_CTX_set_cipher_list` returns 1). */
  ok: true;
  /** Null: nothing went wrong. */
  error: null;
}

/** An `ExpandResult` of a string OpenSSL rejects: `ok` is false, `error` says why. */
export interface ExpandRejected extends ExpandResultFields {
  /** OpenSSL rejects the string (`SSL_CTX_set_cipher_list` returns 0). */
  ok: false;
  /** Why OpenSSL refused the string. */
  error: ExpandError;
}

/** What every `ExpandResult` has, accepted or not. */
export interface ExpandResultFields {
  /** Whether OpenSSL would accept the string (`SSL_CTX_set_cipher_list` returns 1). */
  ok: boolean;
  /** Why OpenSSL refused the string; null when `ok`. */
  error: ExpandError | null;
  /** The final list, TLS 1.3 suites first, in preference order; empty when `ok` is false. */
  ciphers: Cipher[];
  /** The security level of the context after the call (`@SECLEVEL=n` changes it). */
  seclevel: number | null;
  /** What OpenSSL did silently; at most 100, then `too-many-diagnostics`. */
  diagnostics: Diagnostic[];
  /** With `options.trace`: every element of the string and what it did, in order. */
  trace?: TermTrace[];
  /** With `options.supported`: the effective offer. Its list is empty when `ok` is false. */
  supported?: SupportedView;
}
