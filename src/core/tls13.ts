import type { Cipher } from './types.js';

/**
 * Whether a suite is a TLS 1.3 one: its protocol column says so, or, where the tool prints no
 * protocol (BoringSSL's family), its IANA name has no `_WITH_` (`TLS_AES_128_GCM_SHA256`).
 */
export function isTls13Suite(c: Cipher): boolean {
  return c.protocol === 'TLSv1.3' || (c.protocol === null && c.stdname !== null && !c.stdname.includes('_WITH_'));
}
