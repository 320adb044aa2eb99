import type { ProtocolVersion } from '../supported/protocol.js';
import type { TargetName } from '../library/registry.js';

/** The key type of a server's certificate: which authentications it can do. */
export type CertificateType = 'RSA' | 'ECDSA' | 'RSA+ECDSA';

/** The id of a built-in peer profile (data/peers.json), as `negotiate`'s `options.peer` and `--peer` take it. */
export type PeerId =
  | 'android-10'
  | 'android-4.4'
  | 'android-7'
  | 'exchange-2013-smtp-pre-cu8'
  | 'java-17'
  | 'java-8'
  | 'openssl-1.1.1-default'
  | 'openssl-3.0-default'
  | 'openssl-3.5-default'
  | 'windows-server-2008-r2'
  | 'windows-server-2012-r2'
  | 'windows-server-2016'
  | 'windows-server-2019'
  | 'windows-server-2022';

// Every id once: the compiler rejects an id missing from the type or not in it; a test compares with the data.
const BUILT_IN: Readonly<Record<PeerId, true>> = {
  'android-10': true,
  'android-4.4': true,
  'android-7': true,
  'exchange-2013-smtp-pre-cu8': true,
  'java-17': true,
  'java-8': true,
  'openssl-1.1.1-default': true,
  'openssl-3.0-default': true,
  'openssl-3.5-default': true,
  'windows-server-2008-r2': true,
  'windows-server-2012-r2': true,
  'windows-server-2016': true,
  'windows-server-2019': true,
  'windows-server-2022': true,
};

/** The ids of the built-in profiles, as the `PeerId` type lists them. */
export const BUILT_IN_PEER_IDS = Object.keys(BUILT_IN) as PeerId[];

/** A cited source of a profile or hazard. */
export interface PeerSource {
  /** The document's title. */
  title: string;
  /** Where it is. */
  url: string;
  /** Which fact the source gives, in one sentence. */
  says: string;
}

/** What a known TLS peer offers or accepts by default (data/peers/, see its README). */
export interface PeerProfile {
  /** A stable id, e.g. `windows-server-2012-r2` (what `--peer` and `options.peer` take). */
  id: string;
  /** A human name, e.g. `Windows Server 2012 R2 (Schannel)`. */
  name: string;
  /** What the profile models (update level, defaults). */
  description?: string;
  /** `server`: the peer is the server we connect to; `client`: it connects to us. */
  roles: Array<'server' | 'client'>;
  /** Versions enabled by default, highest first. */
  protocols: ProtocolVersion[];
  /** IANA names in the peer's preference order, TLS 1.3 suites included. */
  suites: string[];
  /** As a server, whether it chooses by its own order (true) or by the client's (false). */
  serverPreference: boolean;
  /** Its certificate's key type as a server. */
  certificate: CertificateType;
  /** Named groups it supports, IANA names. */
  groups: string[];
  /** The finite-field DHE group size it uses as a server; null when unknown. */
  dhBits: number | null;
  /** Where the profile's facts come from. */
  sources: PeerSource[];
  /** Ids of the hazards in the hazard table that concern this peer. */
  hazards: string[];
  /** Anything else worth knowing about the profile. */
  notes?: string;
}

/** The conditions under which a hazard applies; every given one must hold. */
export interface HazardCondition {
  /** The suite's key exchange is one of these (`Kx=` of `-v`). */
  kx?: string[];
  /** Its authentication is one of these (`Au=`). */
  au?: string[];
  /** Its encryption is one of these (`Enc=`). */
  enc?: string[];
  /** Its MAC is one of these (`Mac=`). */
  mac?: string[];
  /** `AESGCM` matches every `AESGCM(n)`. */
  encFamily?: string[];
  /** The negotiated version is one of these. */
  protocol?: ProtocolVersion[];
  /** The peer's profile id is one of these. */
  peer?: string[];
  /** The peer has this role. */
  peerRole?: 'server' | 'client';
  /** Our side is one of these release lines. */
  ourTargets?: TargetName[];
  /** Our security level is at least this. */
  seclevelAtLeast?: number;
  /** The peer's finite-field DHE group is smaller than this many bits. */
  dhBitsBelow?: number;
}

/** A known way a handshake with some peer goes wrong, with its sources. */
export interface Hazard {
  /** A stable id, e.g. `windows-dhe-leading-zero`. */
  id: string;
  /** What goes wrong, in a line. */
  title: string;
  /** `error`: the handshake fails; `warning`: it fails sometimes or in common set-ups; `info`. */
  severity: 'error' | 'warning' | 'info';
  /** When it applies. */
  when: HazardCondition;
  /** What happens and why, in a paragraph. */
  description: string;
  /** Where the facts come from. */
  sources: PeerSource[];
}

export interface PeerData {
  profiles: PeerProfile[];
  hazards: Hazard[];
  /** IANA names that peers list but no recorded table names (RC4 and some 3DES suites). */
  extraNames: string[];
}

let registered: PeerData | null = null;

/** Makes the peer table (data/peers.json) available to negotiate(). */
export function registerPeerData(d: unknown): void {
  registered = d as PeerData;
}

/** Whether data/peers.json has been registered. */
export function peersRegistered(): boolean {
  return registered !== null;
}

/** The built-in peer profiles and hazards; throws when none are registered. */
export function peerData(): PeerData {
  if (!registered) throw new Error('cipherx: no peer data registered (data/peers.json)');
  return registered;
}

/** A built-in profile by id, or undefined. */
export function findPeer(id: string): PeerProfile | undefined {
  return peerData().profiles.find((p) => p.id === id);
}
