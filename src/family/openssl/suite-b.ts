/**
 * check_suiteb_cipher_list(): a string that starts with one of these prefixes (a prefix match:
 * `SUITEB128xyz` counts) is replaced whole by the rule string given here.
 */
export const SUITE_B_RULES: Readonly<Record<string, string>> = {
  SUITEB128ONLY: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  SUITEB128C2: 'ECDHE-ECDSA-AES256-GCM-SHA384',
  SUITEB128: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384',
  SUITEB192: 'ECDHE-ECDSA-AES256-GCM-SHA384',
};

/**
 * tls12_get_psigalgs() in Suite B mode leaves only ECDSA signatures: P-256 with SHA-256 (128
 * security bits) for SUITEB128ONLY, P-384 with SHA-384 (192) for SUITEB192, both for the others.
 * The strongest one decides up to which security level ECDSA authentication is still possible.
 */
export const SUITE_B_SIGNATURE_BITS: Readonly<Record<string, number>> = {
  SUITEB128ONLY: 128,
  SUITEB128C2: 192,
  SUITEB128: 192,
  SUITEB192: 192,
};
