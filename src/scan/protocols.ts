// Protocol settings as products write them, turned into the versions OpenSSL enables.
import { PROTOCOL_VERSIONS, isProtocolVersion, protocolRank, type ProtocolVersion } from '../supported/protocol.js';

/** A product's protocol word as OpenSSL spells the version; null for a word it does not name. */
export function protocolNamed(
  word: string,
  spellings: Readonly<Record<string, ProtocolVersion | 'none'>> = {},
): ProtocolVersion | 'none' | null {
  if (Object.hasOwn(spellings, word)) return spellings[word]!;
  if (isProtocolVersion(word)) return word;
  if (word === 'SSLv2') return 'none';
  return null;
}

/** The versions from `min` to `max` (either may be absent: the oldest or newest). */
export function versionsBetween(min: ProtocolVersion | null, max: ProtocolVersion | null): ProtocolVersion[] {
  return PROTOCOL_VERSIONS.filter(
    (v) =>
      (min === null || protocolRank(v) >= protocolRank(min)) && (max === null || protocolRank(v) <= protocolRank(max)),
  );
}

/** `versions` without those below `min`. */
export function atLeast(versions: readonly ProtocolVersion[] | null, min: ProtocolVersion): ProtocolVersion[] {
  return (versions ?? PROTOCOL_VERSIONS).filter((v) => protocolRank(v) >= protocolRank(min));
}

/** `versions` without those above `max`. */
export function atMost(versions: readonly ProtocolVersion[] | null, max: ProtocolVersion): ProtocolVersion[] {
  return (versions ?? PROTOCOL_VERSIONS).filter((v) => protocolRank(v) <= protocolRank(max));
}
