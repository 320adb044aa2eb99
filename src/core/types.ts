// The core data types every layer shares: spans, suites, diagnostics, the refusals of a call.
import type { DiagnosticCode, Severity } from '../diagnostics/registry.js';

export type { Severity };

/** A half-open range of UTF-16 code-unit offsets into the input string: `start` inclusive, `end` exclusive. */
export interface Span {
  /** The first code unit of the range. */
  start: number;
  /** The code unit just after the range. */
  end: number;
}

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
