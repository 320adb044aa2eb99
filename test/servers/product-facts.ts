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
  },
  haproxy: {
    version: '2.6.12 (Debian 12)',
    // Without DH parameters in the crt file or ssl-dh-param-file, HAProxy uses its built-in
    // ffdhe2048 group (tune.ssl.default-dh-param 2048 since 2.2).
    dhe: () => true,
    dheSource:
      'src/ssl_sock.c ssl_sock_load_dh_params / ssl_get_tmp_dh (built-in ffdhe groups); https://docs.haproxy.org/2.6/configuration.html#tune.ssl.default-dh-param',
    psk: false,
    pskSource: 'HAProxy 2.6 sets no PSK callback',
    srp: false,
    srpSource: 'HAProxy sets no SRP parameters',
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
