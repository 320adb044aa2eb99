// The effective offer's options and result (`openssl ciphers -s`), as data.
import type { Cipher } from '../core/types.js';
import type { ProtocolVersion } from './protocol.js';

/**
 * What a context is set up to do beyond its cipher list, as `openssl ciphers -s` takes it from
 * its options: the security level, the protocol range, and whether PSK or SRP is configured.
 */
export interface SupportedOptions {
  /**
   * The security level before the string is applied (SSL_CTX_set_security_level); `@SECLEVEL=n`
   * in the string still wins. Same as `ExpandOptions.seclevel`; give one or the other.
   */
  seclevel?: number;
  /** SSL_CTX_set_min_proto_version; default: the oldest version the release negotiates. */
  minProtocol?: ProtocolVersion;
  /** SSL_CTX_set_max_proto_version; default: the newest version the release negotiates. */
  maxProtocol?: ProtocolVersion;
  /** A PSK client callback is set (`openssl ciphers -psk`): PSK suites stay. Default false. */
  psk?: boolean;
  /** An SRP password callback is set (`openssl ciphers -srp`): SRP suites stay. Default false. */
  srp?: boolean;
}

/** Why a suite of the configured list is not offered. */
export type DropReason =
  /**
   * Suite B mode leaves only ECDSA signature algorithms, and none of them once the security
   * level asks for more bits than they give: the suite's authentication has no signature left.
   */
  | 'no-signature-algorithm'
  /** A PSK key exchange or authentication, and no PSK callback is set. */
  | 'psk-not-enabled'
  /** An SRP key exchange or authentication, and no SRP callback is set. */
  | 'srp-not-enabled'
  /** The protocol range (after the security level's version rules) is empty. */
  | 'no-protocol'
  /** The suite's protocol versions lie outside the enabled range. */
  | 'protocol-range'
  /** Its strength bits are below the security level's minimum. */
  | 'below-minimum-bits'
  /** Anonymous (aNULL) suites go from level 1. */
  | 'anonymous'
  /** HMAC-MD5 suites go from level 1. */
  | 'md5-mac'
  /** HMAC-SHA1 suites go once the level asks for more than 160 bits (level 4). */
  | 'sha1-mac'
  /** RC4 suites go from level 2 (1.1.0 to 3.1). */
  | 'rc4'
  /** From level 3, only forward-secret key exchanges (and TLS 1.3) stay. */
  | 'no-forward-secrecy';

/** The list a context would really offer (`SSL_get1_supported_ciphers`, `openssl ciphers -s`). */
export interface SupportedView {
  /** The offered suites, TLS 1.3 first, in preference order; empty when the call failed. */
  ciphers: Cipher[];
  /** The protocol versions the context would negotiate, oldest first; empty when none is left. */
  protocols: ProtocolVersion[];
  /** The security level the filter used (the context's level after the string); null on 1.0.2. */
  seclevel: number | null;
  /** Every suite of the configured list that is not offered, in list order, with the first reason. */
  dropped: Array<{
    /** The suite's OpenSSL name. */
    suite: string;
    /** The first reason it is not offered. */
    reason: DropReason;
  }>;
}
