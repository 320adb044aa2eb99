import { expand } from '../expand.js';
import { boringsslVersionRange } from '../supported/boringssl.js';
import { isProtocolVersion, protocolRank, type ProtocolVersion } from '../supported/protocol.js';
import { suiteVersionRange, type SupportedOptions, type SupportedView } from '../supported/supported.js';
import { requireLibrary, type Library } from '../library/registry.js';
import { opensslTable } from '../library/tables.js';
import type { SecurityLevelRules } from '../family/openssl/target.js';
import type { Cipher } from '../core/types.js';
import type { TargetName } from '../library/registry.js';
import type {
  HazardFinding,
  NegotiateOptions,
  Negotiation,
  NegotiationFailed,
  NegotiationFailure,
  Role,
} from './negotiation.js';
import { findPeer, peerData, type CertificateType, type PeerProfile } from './peers.js';

export type * from './negotiation.js';

/**
 * Security bits of each group (the `secbits` of OpenSSL's group table in ssl/t1_lib.c): a
 * side offers only the groups its security level allows (tls_group_allowed).
 */
const GROUP_BITS: Readonly<Record<string, number>> = {
  secp256r1: 128,
  secp384r1: 192,
  secp521r1: 256,
  x25519: 128,
  x448: 224,
  ffdhe2048: 112,
  ffdhe3072: 128,
  ffdhe4096: 128,
  ffdhe6144: 128,
  ffdhe8192: 192,
  X25519MLKEM768: 192,
  SecP256r1MLKEM768: 192,
  curveSM2MLKEM768: 192,
  curveSM2: 128,
};

/** Our groups (the library's defaults) at our security level. */
function ourGroups(lib: Library, seclevel: number | null): string[] {
  const rules = securityLevels(lib);
  const min = rules && seclevel !== null ? rules.minBits[Math.min(seclevel, rules.minBits.length - 1)]! : 0;
  return lib.groups.filter((g) => (GROUP_BITS[g] ?? 0) >= min);
}

/** The library's security-level rules; null where it has none. */
function securityLevels(lib: Library): SecurityLevelRules | null {
  return lib.capabilities.securityLevels ? opensslTable(lib).data.securityLevels : null;
}

/** Groups that are elliptic curves, usable for ECDHE before TLS 1.3 (not FFDHE, not hybrids). */
const isCurve = (g: string) => !g.startsWith('ffdhe') && !/MLKEM/i.test(g);

/** Key exchanges that need an elliptic-curve group both sides support. */
const ECDHE_KX = ['ECDH', 'ECDHEPSK'];

/**
 * Simulates the handshake between our side (a context set up with `local` on `target`) and a
 * peer profile: the version the server settles on, then the suite it picks from what both offer
 * at that version (by its own order when it prefers its own, else by the client's), limited to
 * what its certificate can authenticate. Then the known hazards of that peer, version and suite.
 * The model covers what the cipher configuration decides; what it does not see (certificates'
 * signature algorithms, extensions, middleboxes) comes in only through the cited hazards.
 *
 * Throws a TypeError for bad options or an unknown peer id.
 */
export function negotiate(options: NegotiateOptions): Negotiation {
  if (options === null || typeof options !== 'object') throw new TypeError('negotiate: options must be an object');
  if (typeof options.local !== 'string') throw new TypeError('negotiate: options.local must be the cipher string');
  const lib = requireLibrary(options.target, 'negotiate');
  const target = lib.name;
  const role = options.role ?? 'client';
  if (role !== 'client' && role !== 'server')
    throw new TypeError("negotiate: options.role must be 'client' or 'server'");
  const peer = resolvePeer(options.peer);
  const peerRole: Role = role === 'client' ? 'server' : 'client';
  if (!peer.roles.includes(peerRole)) {
    throw new TypeError(`negotiate: the profile ${peer.id} is not a ${peerRole} (it plays: ${peer.roles.join(', ')})`);
  }
  const certificate = options.certificate ?? 'RSA';
  if (!['RSA', 'ECDSA', 'RSA+ECDSA'].includes(certificate)) {
    throw new TypeError("negotiate: options.certificate must be 'RSA', 'ECDSA' or 'RSA+ECDSA'");
  }
  if (options.serverPreference !== undefined && typeof options.serverPreference !== 'boolean') {
    throw new TypeError('negotiate: options.serverPreference must be a boolean');
  }
  const supported: unknown = options.supported;
  if (supported !== undefined && supported !== true && (supported === null || typeof supported !== 'object')) {
    throw new TypeError('negotiate: options.supported must be an object');
  }
  if (role === 'client' && (options.certificate !== undefined || options.serverPreference !== undefined)) {
    throw new TypeError(
      "negotiate: options.certificate and options.serverPreference describe our server: set role 'server'",
    );
  }

  const r = expand(options.local, {
    target,
    ...(options.ciphersuites !== undefined ? { ciphersuites: options.ciphersuites } : {}),
    ...(options.seclevel !== undefined ? { seclevel: options.seclevel } : {}),
    ...(options.strict !== undefined ? { strict: options.strict } : {}),
    supported: { ...(typeof supported === 'object' ? supported : {}) },
  });
  const offer = r.supported!;
  const base = {
    local: { target, role, error: r.error, offer },
    peer: { id: peer.id, name: peer.name, role: peerRole, protocols: oldestFirst(peer.protocols) },
  };
  const serverIsPeer = role === 'client';
  const preference: 'server' | 'client' = (serverIsPeer ? peer.serverPreference : options.serverPreference === true)
    ? 'server'
    : 'client';
  const context: HazardContext = { target, seclevel: offer.seclevel, peer, peerRole };
  const fail = (
    code: NegotiationFailure,
    message: string,
    protocol: ProtocolVersion | null = null,
  ): NegotiationFailed => ({
    ok: false,
    failure: { code, message },
    protocol,
    suite: null,
    preference,
    shared: [],
    hazards: applicableHazards(context, protocol, null),
    ...base,
  });

  if (!r.ok) {
    return { ...fail('local-string-rejected', `our cipher string is rejected (${r.error!.code})`), hazards: [] };
  }
  const range = (c: Cipher) =>
    lib.family === 'boringssl' ? boringsslVersionRange(lib, c) : suiteVersionRange(opensslTable(lib), c);
  const ourMax = offer.protocols[offer.protocols.length - 1];
  if (!ourMax) return fail('no-shared-protocol', 'our side has no protocol version enabled');
  // A client needs an offered suite, a server a configured one, that works with its highest
  // version, or it does not start (where the library checks: see checksMaxVersionSuites).
  const checksStart = lib.checksMaxVersionSuites[role];
  const own = role === 'client' ? offer.ciphers : r.ciphers;
  if (checksStart && !own.some((c) => usableAt(range(c), ourMax))) {
    return fail(
      'no-ciphers-for-max-version',
      `no ${role === 'client' ? 'offered' : 'configured'} suite works with ${ourMax}, our highest version: the ${role} does not start (no ciphers available)`,
    );
  }

  // The server takes the highest version it has up to the client's highest; the client then
  // accepts it only if it is in its own range.
  const [clientVersions, serverVersions] = serverIsPeer
    ? [offer.protocols, peer.protocols]
    : [peer.protocols, offer.protocols];
  const clientMax = highest(clientVersions);
  const protocol = highest(
    serverVersions.filter((v) => clientMax !== null && protocolRank(v) <= protocolRank(clientMax)),
  );
  if (protocol === null || !clientVersions.includes(protocol)) {
    const levelNote =
      offer.seclevel !== null && securityLevels(lib) && offer.seclevel > 0
        ? ` (our security level ${offer.seclevel} turns some versions off; @SECLEVEL=0 brings them back)`
        : '';
    const n = fail(
      'no-shared-protocol',
      `no protocol version in common: ours ${list(offer.protocols)}${levelNote}; theirs ${list(peer.protocols)}`,
    );
    // The hazards of the version the server would take (or offers) and the client refuses.
    return protocol === null ? n : { ...n, hazards: applicableHazards(context, protocol, null) };
  }

  // What both sides have at that version, each suite described by our table.
  const peerNames = new Set(peer.suites);
  const ours = ourGroups(lib, offer.seclevel);
  const common = peer.groups.length === 0 ? (ours.length ? null : []) : ours.filter((g) => peer.groups.includes(g));
  // A TLS 1.3 handshake needs a group both sides have; recorded peers without groups pass.
  if (protocol === 'TLSv1.3' && common !== null && common.length === 0) {
    return fail(
      'no-shared-group',
      `no key-exchange group in common for TLS 1.3: theirs ${peer.groups.join(', ')}`,
      protocol,
    );
  }
  const ecOk = common === null || common.some(isCurve);
  const serverCert = serverIsPeer ? peer.certificate : certificate;
  // A suite our list names twice (LibreSSL: in its TLS 1.3 list and in the string) is one suite.
  const usable = offer.ciphers.filter(
    (c, i) =>
      offer.ciphers.findIndex((d) => d.name === c.name) === i &&
      c.stdname !== null &&
      peerNames.has(c.stdname) &&
      usableAt(range(c), protocol) &&
      certificateCanAuthenticate(serverCert, c) &&
      (ecOk || !ECDHE_KX.includes(c.kx)),
  );
  // The same suites in the peer's order.
  const theirs = peer.suites.flatMap((name) => usable.filter((c) => c.stdname === name));
  const serverOrder = serverIsPeer ? theirs : usable;
  const clientOrder = serverIsPeer ? usable : theirs;
  const shared = preference === 'server' ? serverOrder : clientOrder;
  const suite = shared[0] ?? null;
  if (!suite) return fail('no-shared-suite', `no suite both sides can use with ${protocol}`, protocol);
  const hazards = applicableHazards(context, protocol, suite);
  const blocking = hazards.find((h) => h.severity === 'error');
  const chosen = { protocol, suite, preference, shared, hazards, ...base };
  if (blocking) {
    return { ok: false, failure: { code: 'hazard', message: blocking.title, hazard: blocking.id }, ...chosen };
  }
  return { ok: true, failure: null, ...chosen };
}

/** The built-in profiles, for listing: a copy each call, so changing it changes nothing else. */
export function peers(): PeerProfile[] {
  // The profiles are JSON data: a JSON round trip is a deep copy.
  return JSON.parse(JSON.stringify(peerData().profiles)) as PeerProfile[];
}

function resolvePeer(peer: string | PeerProfile): PeerProfile {
  if (typeof peer === 'string') {
    const found = findPeer(peer);
    if (!found) {
      throw new TypeError(
        `negotiate: unknown peer ${JSON.stringify(peer)}; known: ${peerData()
          .profiles.map((p) => p.id)
          .join(', ')}`,
      );
    }
    return found;
  }
  if (peer === null || typeof peer !== 'object') {
    throw new TypeError('negotiate: options.peer must be a profile id or a PeerProfile');
  }
  const bad = (field: string, what: string) => new TypeError(`negotiate: the peer profile's ${field} must be ${what}`);
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (typeof peer.id !== 'string' || typeof peer.name !== 'string') throw bad('id and name', 'strings');
  if (!strings(peer.roles) || !peer.roles.every((r) => r === 'client' || r === 'server')) {
    throw bad('roles', "a list of 'client' and 'server'");
  }
  if (!Array.isArray(peer.protocols) || !peer.protocols.every(isProtocolVersion)) {
    throw bad('protocols', 'a list of SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3');
  }
  if (!strings(peer.suites)) throw bad('suites', 'a list of IANA names');
  if (typeof peer.serverPreference !== 'boolean') throw bad('serverPreference', 'a boolean');
  if (!['RSA', 'ECDSA', 'RSA+ECDSA'].includes(peer.certificate))
    throw bad('certificate', "'RSA', 'ECDSA' or 'RSA+ECDSA'");
  if (!strings(peer.groups)) throw bad('groups', 'a list of group names ([] when unknown)');
  if (peer.dhBits !== null && typeof peer.dhBits !== 'number') throw bad('dhBits', 'a number or null');
  return peer;
}

function highest(versions: readonly ProtocolVersion[]): ProtocolVersion | null {
  let best: ProtocolVersion | null = null;
  for (const v of versions) if (best === null || protocolRank(v) > protocolRank(best)) best = v;
  return best;
}

function usableAt(range: { min: ProtocolVersion; max: ProtocolVersion } | null, v: ProtocolVersion): boolean {
  return range !== null && protocolRank(range.min) <= protocolRank(v) && protocolRank(v) <= protocolRank(range.max);
}

/** Which suites a server with this certificate can pick: TLS 1.3 suites take any. */
function certificateCanAuthenticate(cert: CertificateType, c: Cipher): boolean {
  // A TLS 1.3 suite takes any certificate (LibreSSL prints its Au= column as `TLSv1.3`).
  if (c.au === 'any' || c.au === 'GENERIC' || c.protocol === 'TLSv1.3') return true;
  if (c.au === 'RSA') return cert !== 'ECDSA';
  if (c.au === 'ECDSA') return cert !== 'RSA';
  // DSS, static DH/ECDH certificates, GOST: not modelled as anyone's certificate. Anonymous,
  // PSK and SRP suites need no certificate, but no built-in peer enables them.
  return c.au === 'None' || c.au === 'PSK' || c.au === 'SRP';
}

/** `TLSv1.2 to TLSv1.3`, `TLSv1` or `none`. */
function list(versions: readonly ProtocolVersion[]): string {
  const sorted = oldestFirst(versions);
  if (sorted.length === 0) return 'none';
  return sorted.length === 1 ? sorted[0]! : `${sorted[0]} to ${sorted[sorted.length - 1]}`;
}

function oldestFirst(versions: readonly ProtocolVersion[]): ProtocolVersion[] {
  return [...versions].sort((a, b) => protocolRank(a) - protocolRank(b));
}

interface HazardContext {
  target: TargetName;
  seclevel: number | null;
  peer: PeerProfile;
  peerRole: Role;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The hazards whose every condition holds. Conditions on the suite or version hold only once
 * those are known; a hazard about the peer alone applies whatever was chosen.
 */
function applicableHazards(
  ctx: HazardContext,
  protocol: ProtocolVersion | null,
  suite: Cipher | null,
): HazardFinding[] {
  const found: HazardFinding[] = [];
  for (const h of peerData().hazards) {
    const w = h.when;
    const holds =
      (!w.peer || w.peer.includes(ctx.peer.id)) &&
      (!w.peerRole || w.peerRole === ctx.peerRole) &&
      (!w.ourTargets || w.ourTargets.includes(ctx.target)) &&
      (w.seclevelAtLeast === undefined || (ctx.seclevel !== null && ctx.seclevel >= w.seclevelAtLeast)) &&
      (w.dhBitsBelow === undefined || (ctx.peer.dhBits !== null && ctx.peer.dhBits < w.dhBitsBelow)) &&
      (!w.protocol || (protocol !== null && w.protocol.includes(protocol))) &&
      (!w.kx || (suite !== null && w.kx.includes(suite.kx))) &&
      (!w.au || (suite !== null && w.au.includes(suite.au))) &&
      (!w.enc || (suite !== null && w.enc.includes(suite.enc))) &&
      (!w.mac || (suite !== null && w.mac.includes(suite.mac))) &&
      (!w.encFamily || (suite !== null && w.encFamily.some((f) => suite.enc.startsWith(`${f}(`))));
    if (holds) {
      // The table's sources are shared by every call: each finding gets its own copies.
      const sources = h.sources.map((src) => ({ ...src }));
      found.push({ id: h.id, title: h.title, severity: h.severity, description: h.description, sources });
    }
  }
  return found.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
