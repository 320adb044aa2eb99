import { SUITE_B_SIGNATURE_BITS } from '../family/openssl/suite-b.js';
import type { MaskFields, Target, TargetData } from '../family/openssl/target.js';
import type { Cipher } from '../core/types.js';
import type { DropReason, SupportedOptions, SupportedView } from './types.js';

export type { DropReason, SupportedOptions, SupportedView } from './types.js';
import { PROTOCOL_VERSIONS, isProtocolVersion, protocolRank, type ProtocolVersion } from './protocol.js';

/** What the filter needs of a suite, taken from its masks. */
interface SuiteFacts {
  mkey: readonly string[];
  auth: readonly string[];
  enc: readonly string[];
  mac: readonly string[];
  minTls: ProtocolVersion;
  maxTls: ProtocolVersion;
}

const PSK_KX = ['kPSK', 'kRSAPSK', 'kDHEPSK', 'kECDHEPSK'];
const FORWARD_SECRET_KX = ['kDHE', 'kECDHE', 'kDHEPSK', 'kECDHEPSK'];

const factsCache = new WeakMap<TargetData, Map<string, SuiteFacts>>();

function namesOf(m: MaskFields[keyof Pick<MaskFields, 'mkey' | 'auth' | 'enc' | 'mac'>]): readonly string[] {
  return Array.isArray(m) ? m : [];
}

/** Suite facts by id, for every suite and TLS 1.3 suite of the release. */
function suiteFacts(data: TargetData): Map<string, SuiteFacts> {
  let map = factsCache.get(data);
  if (map) return map;
  map = new Map();
  for (const s of [...data.suites, ...data.tls13Suites]) {
    const m = s.masks;
    // 1.0.2 records the protocol as algorithm_ssl bits: TLS 1.2-only suites, or SSLv3 and up.
    // LibreSSL's algorithm_ssl has a TLS 1.3 bit too.
    const ssl = namesOf(m.ssl as string[]);
    const minTls: ProtocolVersion = m.minTls
      ? (m.minTls as ProtocolVersion)
      : ssl.includes('TLSV1_3')
        ? 'TLSv1.3'
        : ssl.includes('TLSV1_2')
          ? 'TLSv1.2'
          : 'SSLv3';
    map.set(s.id, {
      mkey: namesOf(m.mkey),
      auth: namesOf(m.auth),
      enc: namesOf(m.enc),
      mac: namesOf(m.mac),
      minTls,
      // Every suite before TLS 1.3 works up to TLS 1.2; TLS 1.3 suites only with TLS 1.3.
      maxTls: minTls === 'TLSv1.3' ? 'TLSv1.3' : 'TLSv1.2',
    });
  }
  factsCache.set(data, map);
  return map;
}

/** The protocol versions a suite of the release works with; null for a signalling value. */
export function suiteVersionRange(t: Target, c: Cipher): { min: ProtocolVersion; max: ProtocolVersion } | null {
  const s = suiteFacts(t.data).get(c.id);
  return s ? { min: s.minTls, max: s.maxTls } : null;
}

/**
 * The protocol versions a context negotiates (ssl_get_min_max_version): the release's versions
 * inside [min, max], less those the security level turns off (SSL_SECOP_VERSION).
 */
function enabledProtocols(
  data: TargetData,
  seclevel: number | null,
  min?: ProtocolVersion,
  max?: ProtocolVersion,
): ProtocolVersion[] {
  const off = data.securityLevels?.versionsOffFromLevel ?? {};
  return (data.protocols as ProtocolVersion[]).filter((v) => {
    if (min !== undefined && protocolRank(v) < protocolRank(min)) return false;
    if (max !== undefined && protocolRank(v) > protocolRank(max)) return false;
    const from = off[v];
    return !(seclevel !== null && from !== undefined && seclevel >= from);
  });
}

/**
 * Filters a configured list as SSL_get1_supported_ciphers does on a fresh SSL of the context:
 * ssl_set_client_disabled (no PSK / SRP without their callbacks, the protocol range), then
 * ssl_cipher_disabled (each suite's version range, then the security level's rules in
 * ssl_security_default_callback). 1.0.2 has no security levels: there the filter is what its
 * client puts in a ClientHello (ssl_cipher_list_to_bytes), and `openssl ciphers` has no `-s`.
 */
export function supportedView(
  t: Target,
  ciphers: readonly Cipher[],
  seclevel: number | null,
  options: SupportedOptions & { suiteB: string | null },
): SupportedView {
  const data = t.data;
  let protocols = enabledProtocols(data, seclevel, options.minProtocol, options.maxProtocol);
  // Suite B needs TLS 1.2 or later (ssl_method_error: the older methods are flagged NO_SUITEB).
  if (options.suiteB) protocols = protocols.filter((v) => protocolRank(v) >= protocolRank('TLSv1.2'));
  const facts = suiteFacts(data);
  const signatureOk = signatureCheck(data, seclevel, options.suiteB);
  const offered: Cipher[] = [];
  const dropped: SupportedView['dropped'] = [];
  for (const c of ciphers) {
    const s = facts.get(c.id);
    const reason =
      s && !signatureOk(s) ? 'no-signature-algorithm' : dropReason(data, s, seclevel, protocols, c.bits, options);
    if (reason) dropped.push({ suite: c.name, reason });
    else offered.push(c);
  }
  return { ciphers: offered, protocols, seclevel, dropped };
}

/**
 * ssl_set_sig_mask(): an authentication algorithm is masked when no signature algorithm for it
 * passes the security level. Outside Suite B the default list always has one strong enough (up
 * to SHA-512); in Suite B only ECDSA is left, up to SUITE_B_SIGNATURE_BITS.
 */
function signatureCheck(data: TargetData, seclevel: number | null, suiteB: string | null): (s: SuiteFacts) => boolean {
  if (!suiteB) return () => true;
  const rules = data.securityLevels;
  const level = rules && seclevel !== null ? Math.min(seclevel, rules.minBits.length - 1) : 0;
  // Level 0 lets every signature algorithm through, but Suite B has none for RSA or DSA at all.
  const ecdsaOk = level <= 0 || rules!.minBits[level]! <= SUITE_B_SIGNATURE_BITS[suiteB]!;
  return (s) => !(s.auth.includes('aRSA') || s.auth.includes('aDSS') || (!ecdsaOk && s.auth.includes('aECDSA')));
}

function dropReason(
  data: TargetData,
  s: SuiteFacts | undefined,
  seclevel: number | null,
  protocols: readonly ProtocolVersion[],
  bits: number,
  options: SupportedOptions,
): DropReason | null {
  // A signalling value in a TLS 1.3 list has no protocol range at all.
  if (!s) return protocols.length === 0 ? 'no-protocol' : 'protocol-range';
  if (!options.psk && (s.mkey.some((k) => PSK_KX.includes(k)) || s.auth.includes('aPSK'))) return 'psk-not-enabled';
  if (!options.srp && (s.mkey.includes('kSRP') || s.auth.includes('aSRP'))) return 'srp-not-enabled';
  if (protocols.length === 0) return 'no-protocol';
  const lowest = protocols[0]!;
  const highest = protocols[protocols.length - 1]!;
  if (protocolRank(s.minTls) > protocolRank(highest) || protocolRank(s.maxTls) < protocolRank(lowest)) {
    return 'protocol-range';
  }
  const rules = data.securityLevels;
  if (!rules || seclevel === null || seclevel <= 0) return null;
  const level = Math.min(seclevel, rules.minBits.length - 1);
  const minBits = rules.minBits[level]!;
  if (bits < minBits) return 'below-minimum-bits';
  if (s.auth.includes('aNULL')) return 'anonymous';
  if (s.mac.includes('MD5')) return 'md5-mac';
  if (minBits > 160 && s.mac.includes('SHA1')) return 'sha1-mac';
  if (rules.rc4FromLevel !== null && level >= rules.rc4FromLevel && s.enc.includes('RC4')) return 'rc4';
  if (level >= 3 && s.minTls !== 'TLSv1.3' && !s.mkey.some((k) => FORWARD_SECRET_KX.includes(k))) {
    return 'no-forward-secrecy';
  }
  return null;
}

/**
 * Checks `ExpandOptions.supported` and folds `true` into `{}`; throws a TypeError naming the
 * bad field. `seclevel` is returned apart: it is the context's starting level.
 */
export function readSupportedOptions(
  value: unknown,
  where: string,
): { options: SupportedOptions; seclevel: number | undefined } {
  if (value === true) return { options: {}, seclevel: undefined };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${where}: options.supported must be true or an object`);
  }
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!['seclevel', 'minProtocol', 'maxProtocol', 'psk', 'srp'].includes(key)) {
      throw new TypeError(`${where}: unknown option supported.${key}`);
    }
  }
  for (const key of ['minProtocol', 'maxProtocol'] as const) {
    if (o[key] !== undefined && !isProtocolVersion(o[key])) {
      throw new TypeError(`${where}: supported.${key} must be one of ${PROTOCOL_VERSIONS.join(', ')}`);
    }
  }
  for (const key of ['psk', 'srp'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') {
      throw new TypeError(`${where}: supported.${key} must be a boolean`);
    }
  }
  if (o.seclevel !== undefined && typeof o.seclevel !== 'number') {
    throw new TypeError(`${where}: supported.seclevel must be a number`);
  }
  const { seclevel, ...rest } = o as SupportedOptions;
  return { options: rest, seclevel };
}
