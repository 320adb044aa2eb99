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
