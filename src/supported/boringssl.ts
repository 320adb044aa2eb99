import type { Library } from '../library/registry.js';
import { boringsslTable } from '../library/tables.js';
import type { Cipher } from '../core/types.js';
import { protocolRank, type ProtocolVersion } from './protocol.js';
import type { SupportedOptions, SupportedView } from './supported.js';

/** ssl_write_client_cipher_list(): the fixed TLS 1.3 order, by whether the machine has AES hardware. */
const TLS13_AES_HARDWARE = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
const TLS13_NO_AES_HARDWARE = ['TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384'];

/** The protocol versions a BoringSSL suite works with: from its minimum up to TLS 1.2, or TLS 1.3 alone. */
export function boringsslVersionRange(lib: Library, c: Cipher): { min: ProtocolVersion; max: ProtocolVersion } | null {
  const t = boringsslTable(lib);
  const i = t.suiteByName.get(c.name);
  if (i === undefined) return null;
  const min = t.suites[i]!.data.minVersion as ProtocolVersion;
  return { min, max: min === 'TLSv1.3' ? 'TLSv1.3' : 'TLSv1.2' };
}

/**
 * What a BoringSSL client puts in its ClientHello (ssl_write_client_cipher_list): the TLS 1.3
 * suites in their fixed order (or, where the TLS 1.3 list is configurable, as configured) when
 * TLS 1.3 is enabled, then the configured list less PSK suites
 * without a PSK callback (ssl_get_client_disabled) and suites outside the version range.
 * BoringSSL has no security levels and no SRP; `openssl ciphers -s` has no BoringSSL twin.
 */
export function boringsslSupportedView(
  lib: Library,
  ciphers: readonly Cipher[],
  options: SupportedOptions,
): SupportedView {
  for (const key of ['minProtocol', 'maxProtocol'] as const) {
    if (options[key] === 'SSLv3') throw new TypeError(`expand: ${lib.name} has no SSLv3 (supported.${key})`);
  }
  const t = boringsslTable(lib);
  // The library's versions are its defaults (set_min_version(0) / set_max_version(0)).
  const versions = lib.protocols as readonly ProtocolVersion[];
  const min = options.minProtocol ?? versions[0]!;
  const max = options.maxProtocol ?? versions[versions.length - 1]!;
  const protocols = versions.filter(
    (v) => protocolRank(v) >= protocolRank(min) && protocolRank(v) <= protocolRank(max),
  );
  const offered: Cipher[] = [];
  const isTls13 = (c: Cipher) => t.suites[t.suiteByName.get(c.name)!]!.data.tls13;
  if (protocols.includes('TLSv1.3')) {
    if (t.data.tls13) {
      // A configurable TLS 1.3 list (AWS-LC) is the head of the context's list.
      for (const c of ciphers) if (isTls13(c)) offered.push(c);
    } else {
      // The same machine as the configured list's default order (expandBoringssl).
      const order = t.data.recordedAesHardware ? TLS13_AES_HARDWARE : TLS13_NO_AES_HARDWARE;
      for (const name of order) offered.push(t.suites[t.suiteByName.get(name)!]!.cipher);
    }
  }
  const dropped: SupportedView['dropped'] = [];
  const lowest = protocols[0];
  const highest = protocols[protocols.length - 1];
  for (const c of ciphers) {
    const suite = t.suites[t.suiteByName.get(c.name)!]!.data;
    if (suite.tls13) {
      if (!protocols.includes('TLSv1.3')) dropped.push({ suite: c.name, reason: 'protocol-range' });
      continue;
    }
    const minVersion = suite.minVersion as ProtocolVersion;
    if (!options.psk && (suite.masks.mkey === 'kPSK' || suite.masks.auth === 'aPSK')) {
      dropped.push({ suite: c.name, reason: 'psk-not-enabled' });
    } else if (!lowest || !highest) {
      dropped.push({ suite: c.name, reason: 'no-protocol' });
    } else if (
      // Every suite BoringSSL lists works up to TLS 1.2; only TLS 1.3 leaves them all out.
      protocolRank(minVersion) > protocolRank(highest) ||
      protocolRank(lowest) > protocolRank('TLSv1.2')
    ) {
      dropped.push({ suite: c.name, reason: 'protocol-range' });
    } else {
      offered.push(c);
    }
  }
  return { ciphers: offered, protocols, seclevel: null, dropped };
}
