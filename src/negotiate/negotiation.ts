import type { ProtocolVersion } from '../supported/protocol.js';
import type { SupportedOptions, SupportedView } from '../supported/supported.js';
import type { Cipher, ExpandError } from '../core/types.js';
import type { TargetName } from '../library/registry.js';
import type { CertificateType, Hazard, PeerId, PeerProfile } from './peers.js';

/** A side's role in the handshake. */
export type Role = 'client' | 'server';

/** The options of `negotiate`: our side's set-up, and the peer. */
export interface NegotiateOptions {
  /** Our side's cipher string. */
  local: string;
  /** Our side's release line. Default `openssl-3.0`. */
  target?: TargetName;
  /** Our role in the handshake. Default `client`. */
  role?: Role;
  /** The other side: a built-in profile id (see `peers()`) or a profile of your own. */
  peer: PeerId | PeerProfile;
  /** Our TLS 1.3 list (SSL_CTX_set_ciphersuites). Default: the target's. */
  ciphersuites?: string;
  /** Our security level before the string. Default: the target's (Debian's 3.0 uses 2). */
  seclevel?: number;
  /** The BoringSSL family: our string is set with SSL_CTX_set_strict_cipher_list (unknown words fail it). */
  strict?: boolean;
  /** Our protocol range and PSK / SRP set-up, as for `expand(..., { supported })`. */
  supported?: Omit<SupportedOptions, 'seclevel'>;
  /** When we are the server: our certificate's key type. Default `RSA`. */
  certificate?: CertificateType;
  /** When we are the server: choose by our order (SSL_OP_CIPHER_SERVER_PREFERENCE). Default false, as OpenSSL. */
  serverPreference?: boolean;
}

/** Why no handshake would complete. */
export type NegotiationFailure =
  /** Our string is rejected: no context to shake hands with. */
  | 'local-string-rejected'
  /** Our OpenSSL side refuses to start: none of its suites works with its highest version. */
  | 'no-ciphers-for-max-version'
  /** The two sides have no protocol version in common. */
  | 'no-shared-protocol'
  /** TLS 1.3 is negotiated but the two sides have no key-exchange group in common. */
  | 'no-shared-group'
  /** Not one suite both sides can use at the negotiated version. */
  | 'no-shared-suite'
  /** A suite is chosen, but a known hazard of severity error stops the handshake. */
  | 'hazard';

/** A hazard that applies to this handshake. */
export type HazardFinding = Pick<Hazard, 'id' | 'title' | 'severity' | 'description' | 'sources'>;

/** What `negotiate` answers: whether the handshake completes, at which version, with which suite, and the hazards. Narrow it on `ok`. */
export type Negotiation = NegotiationSucceeded | NegotiationFailed;

/** A `Negotiation` whose handshake completes: the version and the suite are known. */
export interface NegotiationSucceeded extends NegotiationFields {
  /** The handshake is expected to complete. */
  ok: true;
  /** Null: nothing stops it. */
  failure: null;
  /** The negotiated protocol version. */
  protocol: ProtocolVersion;
  /** The suite the server picks (our table's description of it). */
  suite: Cipher;
}

/** A `Negotiation` whose handshake would not complete: `failure` says why. */
export interface NegotiationFailed extends NegotiationFields {
  /** The handshake is not expected to complete. */
  ok: false;
  /** Why it would not complete. */
  failure: NegotiationFailureInfo;
}

/** Why a handshake would not complete, as `Negotiation.failure` gives it. */
export interface NegotiationFailureInfo {
  /** What kind of failure. */
  code: NegotiationFailure;
  /** A one-line English message. */
  message: string;
  /** For `hazard`: the id of the hazard that stops it. */
  hazard?: string;
}

/** What every `Negotiation` has. */
export interface NegotiationFields {
  /** Whether the handshake is expected to complete. */
  ok: boolean;
  /** Why it would not complete; null when `ok`. */
  failure: NegotiationFailureInfo | null;
  /** The negotiated protocol version, when the sides have one in common. */
  protocol: ProtocolVersion | null;
  /** The suite the server picks (our table's description of it), when there is one. */
  suite: Cipher | null;
  /** Whose order decided: the server's or the client's. */
  preference: 'server' | 'client';
  /** Every suite both sides could use at that version, in the deciding order. */
  shared: Cipher[];
  /** Known hazards for this peer, protocol and suite, errors first. */
  hazards: HazardFinding[];
  /** Our side. */
  local: {
    /** Our release line. */
    target: TargetName;
    /** Our role. */
    role: Role;
    /** Why our string was rejected; null when it was accepted. */
    error: ExpandError | null;
    /** What we offer or accept, as `expand(..., { supported })` computes it. */
    offer: SupportedView;
  };
  /** The peer. */
  peer: {
    /** The profile's id. */
    id: string;
    /** The profile's name. */
    name: string;
    /** Its role: the other one than ours. */
    role: Role;
    /** The versions it enables, oldest first, like `local.offer.protocols`. */
    protocols: ProtocolVersion[];
  };
}
