// What a server can negotiate besides its cipher string: facts of each product (as Debian 12
// builds it) that decide whether suites of the effective offer can ever be chosen. They belong
// in `scan`'s output (one field per setting); until it carries them, the live test reads them
// here. Each fact cites where it is read; each is also what the live servers show.
import type { ServerProduct } from './launch.js';

export interface ProductFacts {
  /** The version the facts are for (Debian 12's package). */
  version: string;
  /**
   * Whether finite-field DHE suites (Kx=DH) can be chosen: only when the server has DH
   * parameters (OpenSSL 3.0 chooses no DHE suite without them, ssl/t1_lib.c tls1_check_dh /
   * ssl_set_masks: SSL_kDHE needs dh_tmp or dh_tmp_auto).
   */
  dhe(config: string): boolean;
  dheSource: string;
  /** PSK suites (Kx=PSK, RSAPSK, DHEPSK, ECDHEPSK): only with a PSK callback (ssl_set_masks: SSL_kPSK needs psk_server_callback). */
  psk: boolean;
  pskSource: string;
  /** SRP suites (Kx=SRP): only with SRP parameters set (SSL_CTX_set_srp_*; ssl_set_masks SSL_kSRP). */
  srp: boolean;
  srpSource: string;
  /**
   * SSL_OP_PRIORITIZE_CHACHA with the server's order: when the client's first suite is a
   * ChaCha20 one, the server's ChaCha20 suites go first (ssl/s3_lib.c ssl3_choose_cipher).
   */
  prioritizeChacha: boolean;
  prioritizeChachaSource: string;
  /**
   * With an RSA and an ECDSA certificate for a name, the product picks the certificate from the
   * ClientHello before OpenSSL picks the suite (ECDSA whenever the client offers an ECDSA suite
   * and signature), so the server's order runs through all ECDSA suites before any RSA one.
   * false: both certificates sit in one context and OpenSSL picks by suite, in the string's order.
   */
  certificateFirst: boolean;
  certificateFirstSource: string;
}

export const PRODUCT_FACTS: Record<ServerProduct, ProductFacts> = {
  nginx: {
    version: '1.22.1 (Debian 12)',
    // ngx_ssl_dhparam returns at once when the file is empty; the built-in 1024-bit group went in
    // 1.11.0 (CHANGES: "the default DH parameters are no longer used"); nginx 1.22 never calls
    // SSL_CTX_set_dh_auto.
    dhe: (config) => /^\s*ssl_dhparam\s+\S/m.test(config),
    dheSource:
      'src/event/ngx_event_openssl.c ngx_ssl_dhparam (no file: no DH); nginx CHANGES 1.11.0; https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_dhparam',
    psk: false,
    pskSource: 'nginx 1.22 has no PSK directive (ssl_psk_file is not in 1.22); no SSL_CTX_set_psk_server_callback',
    srp: false,
    srpSource: 'nginx sets no SRP parameters',
    prioritizeChacha: false,
    prioritizeChachaSource:
      'only through ssl_conf_command Options PrioritizeChaCha; ngx_ssl_create sets no SSL_OP_PRIORITIZE_CHACHA',
    certificateFirst: false,
    certificateFirstSource:
      'ngx_ssl_certificates loads every ssl_certificate into one SSL_CTX (SSL_CTX_use_certificate per key type)',
  },
  haproxy: {
    version: '2.6.12 (Debian 12)',
    // DH parameters only when the configuration asks: DH parameters in the crt file, a global
    // ssl-dh-param-file, or tune.ssl.default-dh-param written out (then HAProxy's built-in group
    // of that size; 1024 bits or less is below security level 2's minimum). Without any,
    // ssl_sock_load_dh_params sets none: "We do not want DHE ciphers to be added to the cipher
    // list unless there is an explicit global dh option in the conf."
    dhe: (config) => {
      if (/^\s*ssl-dh-param-file\s+\S/m.test(config)) return true;
      const size = /^\s*tune\.ssl\.default-dh-param\s+(\d+)/m.exec(config);
      return size !== null && Number(size[1]) > 1024;
    },
    dheSource:
      'src/ssl_sock.c ssl_sock_load_dh_params (2.6: no DH unless global_ssl.default_dh_param, global_dh or DH in the certificate file); https://docs.haproxy.org/2.6/configuration.html#3.2-tune.ssl.default-dh-param',
    psk: false,
    pskSource: 'HAProxy 2.6 sets no PSK callback',
    srp: false,
    srpSource: 'HAProxy sets no SRP parameters',
    prioritizeChacha: true,
    prioritizeChachaSource:
      'src/ssl_sock.c ssl_sock_initial_ctx: options SSL_OP_PRIORITIZE_CHACHA | SSL_OP_CIPHER_SERVER_PREFERENCE',
    certificateFirst: true,
    certificateFirstSource:
      'src/ssl_sock.c ssl_sock_switchctx_cbk: one SSL_CTX per certificate; the ECDSA one when the ClientHello has an ECDSA signature algorithm and an ECDSA suite, else RSA',
  },
  postfix: {
    version: '3.7.11 (Debian 12)',
    // smtpd_tls_dh1024_param_file empty: Postfix's compiled-in 2048-bit group (tls_dh.c
    // tls_auto_dh / builtin_der), so DHE is always there on the server.
    dhe: () => true,
    dheSource:
      'src/tls/tls_dh.c (compiled-in 2048-bit group); https://www.postfix.org/postconf.5.html#smtpd_tls_dh1024_param_file',
    psk: false,
    pskSource: 'Postfix sets no PSK callback',
    srp: false,
    srpSource: 'Postfix sets no SRP parameters',
    prioritizeChacha: false,
    prioritizeChachaSource:
      'src/tls/tls_server.c sets SSL_OP_CIPHER_SERVER_PREFERENCE for tls_preempt_cipherlist only; PRIORITIZE_CHACHA only through tls_ssl_options',
    certificateFirst: false,
    certificateFirstSource: 'src/tls/tls_certkey.c loads the RSA and ECDSA certificates into one SSL_CTX',
  },
};

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
export function negotiable(
  s: PredictedSuite,
  certs: ReadonlySet<CertKind>,
  facts: ProductFacts,
  config: string,
): boolean {
  if (s.protocol === 'TLSv1.3') return true;
  const au = s.au === 'None' || certs.has(s.au as CertKind);
  switch (s.kx) {
    case 'ECDH':
      return au;
    case 'RSA':
      return au;
    case 'DH':
      return au && facts.dhe(config);
    case 'PSK':
    case 'DHEPSK':
    case 'ECDHEPSK':
      return facts.psk && (s.kx !== 'DHEPSK' || facts.dhe(config));
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
