import type { DiagnosticCode } from './diagnostics/registry.js';
import type { TermTrace } from './eval/trace.js';
import type { SupportedOptions, SupportedView } from './supported/supported.js';

/** A half-open range of UTF-16 code-unit offsets into the input string: `start` inclusive, `end` exclusive. */
export interface Span {
  /** The first code unit of the range. */
  start: number;
  /** The code unit just after the range. */
  end: number;
}

import type { TargetName } from './library/registry.js';
export type { OpenSSLTargetName, TargetName } from './library/registry.js';

/** One cipher suite as `openssl ciphers -v` describes it. */
export interface Cipher {
  /** OpenSSL's name, e.g. `ECDHE-RSA-AES128-GCM-SHA256`. */
  readonly name: string;
  /** The IANA (RFC) name, e.g. `TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`; null where none exists. */
  readonly stdname: string | null;
  /** The two-byte code point as `openssl ciphers -V` prints it, e.g. `0xC0,0x2F`. */
  readonly id: string;
  /** The protocol column of `-v` (the lowest version the suite works with, e.g. `SSLv3`, `TLSv1.2`). */
  readonly protocol: string | null;
  /** Key exchange (`Kx=`), authentication (`Au=`), encryption (`Enc=`) and MAC (`Mac=`) as `-v` prints them. */
  readonly kx: string;
  /** Authentication, as the `Au=` column of `-v` prints it, e.g. `RSA`. */
  readonly au: string;
  /** Encryption, as the `Enc=` column of `-v` prints it, e.g. `AESGCM(128)`. */
  readonly enc: string;
  /** Message authentication, as the `Mac=` column of `-v` prints it, e.g. `AEAD`. */
  readonly mac: string;
  /** Effective strength in bits (`SSL_CIPHER_get_bits`), used by `@STRENGTH` and security levels. */
  readonly bits: number;
  /** Key size of the symmetric algorithm. */
  readonly algBits: number;
  /** BoringSSL only: this suite and the next one form an equal-preference group (`[A|B]`). */
  readonly inGroupWithNext?: boolean;
}

/**
 * How much a diagnostic matters: `error` where OpenSSL rejects the string, `warning` where it
 * accepts it but does something other than the text says, `info` for style.
 */
export type Severity = 'error' | 'warning' | 'info';

/** A finding about the input, as data; text is rendered by the caller. */
export interface Diagnostic {
  /** Kebab-case identifier, stable across releases, e.g. `unknown-word` (docs/diagnostics/<code>.md). */
  code: DiagnosticCode;
  /** How much it matters. */
  severity: Severity;
  /** A one-line English message (renderers may use their own text from `code` and `args`). */
  message: string;
  /** Where in the input (or, with `source: 'ciphersuites'`, in the ciphersuites option). */
  span: Span | null;
  /** The values the message is built from (the word, the release, ...), keyed by name. */
  args: Record<string, string | number>;
  /** Which input the span points into; `cipher-list` when absent. */
  source?: 'cipher-list' | 'ciphersuites';
  /** Other places that explain this one (the earlier `!` that shadows a term, ...). */
  related?: Array<{
    /** Where the other place is. */
    span: Span;
    /** What it has to do with this one. */
    message: string;
  }>;
  /** How to mend it: a sentence, and where possible the text to put at `span` (or to append). */
  fix?: {
    /** The remedy, in one sentence. */
    description: string;
    /** The edit that applies it, when there is one. */
    replacement?: {
      /** The text to replace; an empty span inserts there. */
      span: Span;
      /** The text to put there. */
      text: string;
    };
  };
}

/** Why OpenSSL refused the call. */
export type ErrorCode =
  | 'invalid-command'
  | 'no-cipher-match'
  | 'invalid-ciphersuites'
  /** BoringSSL: an operator inside `[...]`. */
  | 'unexpected-operator-in-group'
  /** BoringSSL: `@STRENGTH` in a string that uses groups. */
  | 'mixed-special-operator-with-groups';

/** Why OpenSSL rejected the call, as `ExpandResult.error` gives it. */
export interface ExpandError {
  /** What kind of refusal. */
  code: ErrorCode;
  /** A one-line English message. */
  message: string;
  /** For `invalid-command`: the offending byte or word; for `invalid-ciphersuites`: the option's text. */
  span?: Span;
}

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
