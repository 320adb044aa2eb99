import type { TermTrace } from '../../core/trace.js';
import type { Cipher, Diagnostic, Span } from '../../core/types.js';

/** One suite of a BoringSSL result: a `Cipher` (`protocol` is always null) and its group flag. */
export type BoringsslCipher = Cipher & {
  /**
   * True when this suite is in an equal-preference group with the next one (`[A|B]` gives
   * A: true, B: false), as SSL_CTX_cipher_in_group reports it.
   */
  readonly inGroupWithNext: boolean;
};

/** Why BoringSSL refused the string: its SSL_R_* reason, kebab-cased. */
export type BoringsslErrorCode =
  'invalid-command' | 'no-cipher-match' | 'unexpected-operator-in-group' | 'mixed-special-operator-with-groups';

export interface BoringsslError {
  code: BoringsslErrorCode;
  message: string;
  /** Where the scanner stopped (absent for `no-cipher-match`). */
  span?: Span;
}

export interface BoringsslOptions {
  /** SSL_CTX_set_strict_cipher_list: unknown words fail, `:` is the only separator. Default false. */
  strict?: boolean;
  /**
   * Whether the machine has AES hardware (EVP_has_aes_hardware), which decides whether BoringSSL's
   * fixed default order puts AES-GCM before ChaCha20-Poly1305. Default: true, as on the machine
   * the corpus was recorded on.
   */
  aesHardware?: boolean;
  /** Record what every element of the string did (`BoringsslResult.trace`). Default false. */
  trace?: boolean;
}

export interface BoringsslResult {
  /** Whether SSL_CTX_set_cipher_list (or the strict variant) returns 1. */
  ok: boolean;
  error: BoringsslError | null;
  /** The configured list in preference order; empty when `ok` is false. TLS 1.3 is never part of it. */
  ciphers: BoringsslCipher[];
  /** BoringSSL has no security levels. */
  seclevel: null;
  diagnostics: Diagnostic[];
  /** With `options.trace`: every element of the string and what it did, in order. */
  trace?: TermTrace[];
}
