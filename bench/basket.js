// Real cipher strings the benchmarks run, with where each comes from.
export const BASKET = [
  {
    label: 'Cisco SEG 15.0 workaround',
    input:
      'ECDH+aRSA:ECDH+ECDSA:DHE+DSS+AES:AES128:AES256:!SRP:!AESGCM+DH+aRSA:!AESGCM+RSA:!aNULL:!eNULL:!DES:!3DES:!IDEA:!RC2:-IDEA:-aNULL:-EXPORT:!DHE-RSA-AES256-SHA:!DHE-RSA-AES128-CCM:!DHE-RSA-AES256-CCM:!ECDHE-ECDSA-CAMELLIA128-SHA256:!ECDHE-RSA-CAMELLIA128-SHA256:!ECDHE-ECDSA-CAMELLIA256-SHA384:!ECDHE-RSA-CAMELLIA256-SHA384:!ECDHE-ECDSA-AES128-CCM:!ECDHE-ECDSA-AES256-CCM',
  },
  { label: 'classic MEDIUM:HIGH', input: 'MEDIUM:HIGH:-SSLv2:-aNULL:!RC4:@STRENGTH:-EXPORT' },
  { label: 'HIGH:!aNULL:!MD5 (nginx default)', input: 'HIGH:!aNULL:!MD5' },
  { label: 'DEFAULT', input: 'DEFAULT' },
  { label: 'ALL:COMPLEMENTOFALL', input: 'ALL:COMPLEMENTOFALL' },
  {
    label: 'Mozilla intermediate',
    input:
      'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305',
  },
  {
    label: 'Python ssl default',
    input: '@SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES:DHE+AES:!aNULL:!eNULL:!aDSS:!SHA1:!AESCCM',
  },
  {
    label: 'Dovecot 2.3 default',
    input: 'ALL:!kRSA:!SRP:!kDHd:!DSS:!aNULL:!eNULL:!EXPORT:!DES:!3DES:!MD5:!PSK:!RC4:!ADH:!LOW@STRENGTH',
  },
  {
    // The cipher list of `tls.DEFAULT_CIPHERS` in Node.js 20 (this machine's node prints it),
    // TLS 1.3 names first: OpenSSL's cipher list ignores them as unknown words.
    label: 'Node.js 20 default',
    input:
      'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  },
  {
    // Red Hat's crypto-policies, DEFAULT policy, as it writes the OpenSSL CipherString.
    label: 'Red Hat crypto-policies DEFAULT',
    input:
      '@SECLEVEL=2:kEECDH:kRSA:kEDH:kPSK:kDHEPSK:kECDHEPSK:-aDSS:-3DES:!DES:!RC4:!RC2:!IDEA:-SEED:!eNULL:!aNULL:!MD5:-SHA384:-CAMELLIA:-ARIA:-AESCCM8',
  },
];

/**
 * `count` copies of a string, each another string object with the same text: a benchmark that
 * hands each call the next copy measures a call that meets its string for the first time, so
 * nothing kept on a string object (a flattened form, a hash) carries over from call to call.
 */
export function copiesOf(input, count = 64) {
  // Decoded from bytes, as a string read from a file or an argument is: a new flat string each time.
  const bytes = Buffer.from(input, 'utf8');
  return Array.from({ length: count }, () => bytes.toString('utf8'));
}

/** A function that calls `f` with the next copy of `input` each time (see copiesOf). */
export function eachCallAFreshCopy(input, f) {
  const copies = copiesOf(input);
  let k = 0;
  return () => f(copies[k++ & 63]);
}
