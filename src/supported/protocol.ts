/** Protocol versions as OpenSSL's `-v` output and `SSL_get_version` spell them, oldest first. */
export const PROTOCOL_VERSIONS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;

/** A protocol version as OpenSSL spells it: `SSLv3`, `TLSv1`, `TLSv1.1`, `TLSv1.2` or `TLSv1.3`. */
export type ProtocolVersion = (typeof PROTOCOL_VERSIONS)[number];

export function isProtocolVersion(v: unknown): v is ProtocolVersion {
  return typeof v === 'string' && (PROTOCOL_VERSIONS as readonly string[]).includes(v);
}

/** Position in PROTOCOL_VERSIONS: comparable, higher is newer. */
export function protocolRank(v: ProtocolVersion): number {
  return PROTOCOL_VERSIONS.indexOf(v);
}
