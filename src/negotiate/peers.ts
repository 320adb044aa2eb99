import type { ProtocolVersion } from '../supported/protocol.js';
import type { TargetName } from '../types.js';

/** The key type of a server's certificate: which authentications it can do. */
export type CertificateType = 'RSA' | 'ECDSA' | 'RSA+ECDSA';

/** A cited source of a profile or hazard. */
export interface PeerSource {
  title: string;
  url: string;
  /** Which fact the source gives, in one sentence. */
  says: string;
}

/** What a known TLS peer offers or accepts by default (data/peers/, see its README). */
export interface PeerProfile {
  id: string;
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
  sources: PeerSource[];
  /** Ids of the hazards in the hazard table that concern this peer. */
  hazards: string[];
  notes?: string;
}

/** The conditions under which a hazard applies; every given one must hold. */
export interface HazardCondition {
  kx?: string[];
  au?: string[];
  enc?: string[];
  mac?: string[];
  /** `AESGCM` matches every `AESGCM(n)`. */
  encFamily?: string[];
  protocol?: ProtocolVersion[];
  peer?: string[];
  peerRole?: 'server' | 'client';
  ourTargets?: TargetName[];
  seclevelAtLeast?: number;
  dhBitsBelow?: number;
}

/** A known way a handshake with some peer goes wrong, with its sources. */
export interface Hazard {
  id: string;
  title: string;
  /** `error`: the handshake fails; `warning`: it fails sometimes or in common set-ups; `info`. */
  severity: 'error' | 'warning' | 'info';
  when: HazardCondition;
  description: string;
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
