// What a server can negotiate besides its effective offer, as `cipherx scan` says it per
// setting: whether it has DH parameters (`dhe`), SSL_OP_PRIORITIZE_CHACHA (`prioritizeChaCha`)
// and how it picks a certificate (`certificateChoice`); the products' facts behind them are in
// data/products.json, with their sources. PSK and SRP suites are never chosen: the effective
// offer already leaves them out (no product here sets a PSK or SRP callback).
import type { ScanSetting } from '../../src/scan/types.js';

export interface ProductFacts {
  /** Whether finite-field DHE suites (Kx=DH) can be chosen (OpenSSL picks none without DH parameters). */
  dhe: boolean;
  /** PSK suites: only with a PSK callback. */
  psk: boolean;
  /** SRP suites: only with SRP parameters. */
  srp: boolean;
  /** SSL_OP_PRIORITIZE_CHACHA with the server's order (ssl/s3_lib.c ssl3_choose_cipher). */
  prioritizeChacha: boolean;
  /** The product picks the certificate from the ClientHello first: every ECDSA suite before any RSA one. */
  certificateFirst: boolean;
}

/** The facts of a server setting, as scan reports them. */
export function factsOf(setting: Pick<ScanSetting, 'dhe' | 'prioritizeChaCha' | 'certificateChoice'>): ProductFacts {
  return {
    dhe: setting.dhe === true,
    psk: false,
    srp: false,
    prioritizeChacha: setting.prioritizeChaCha === true,
    certificateFirst: setting.certificateChoice === 'ecdsa-first',
  };
}

/** The certificate kinds a fixture's server holds, as OpenSSL's `Au=` words. */
export type CertKind = 'RSA' | 'ECDSA';

/** One suite of the prediction, as `scan --json` prints it. */
export interface PredictedSuite {
  name: string;
  protocol: string;
  kx: string;
  au: string;
}

/**
 * Whether a suite of the effective offer can be chosen by this server: TLS 1.3 suites always
 * (their authentication comes from the certificate, any kind); otherwise the certificate must
 * sign for it (Au), the key exchange must be one the server can do (Kx).
 */
export function negotiable(s: PredictedSuite, certs: ReadonlySet<CertKind>, facts: ProductFacts): boolean {
  if (s.protocol === 'TLSv1.3') return true;
  const au = s.au === 'None' || certs.has(s.au as CertKind);
  switch (s.kx) {
    case 'ECDH':
      return au;
    case 'RSA':
      return au;
    case 'DH':
      return au && facts.dhe;
    case 'PSK':
    case 'DHEPSK':
    case 'ECDHEPSK':
      return facts.psk && (s.kx !== 'DHEPSK' || facts.dhe);
    case 'RSAPSK':
      return facts.psk && au;
    case 'SRP':
      return facts.srp && (s.au === 'SRP' || au);
    default:
      return false;
  }
}

/** Whether a suite is a ChaCha20 one (what SSL_OP_PRIORITIZE_CHACHA moves). */
export function isChacha(name: string): boolean {
  return name.includes('CHACHA20');
}

/**
 * The order a server with its own order is expected to choose in, from the prediction's order
 * of the suites it accepts: as predicted, or, where the product picks the certificate first,
 * the ECDSA suites before the others.
 */
export function expectedServerOrder(
  predicted: readonly PredictedSuite[],
  certs: ReadonlySet<CertKind>,
  facts: ProductFacts,
): string[] {
  if (!facts.certificateFirst || certs.size < 2) return predicted.map((s) => s.name);
  return [...predicted.filter((s) => s.au === 'ECDSA'), ...predicted.filter((s) => s.au !== 'ECDSA')].map(
    (s) => s.name,
  );
}

/** What a server with its own order is expected to choose from `offer` (in the client's order). */
export function expectedPick(
  offer: readonly string[],
  order: readonly string[],
  facts: ProductFacts,
  auOf: (name: string) => string,
  certs: ReadonlySet<CertKind>,
): string | undefined {
  let candidates = order.filter((s) => offer.includes(s));
  if (facts.certificateFirst && certs.size > 1 && candidates.some((s) => auOf(s) === 'ECDSA')) {
    candidates = candidates.filter((s) => auOf(s) === 'ECDSA' || auOf(s) === 'any');
  }
  if (facts.prioritizeChacha && offer[0] !== undefined && isChacha(offer[0]) && candidates.some(isChacha)) {
    candidates = candidates.filter(isChacha);
  }
  return candidates[0];
}
