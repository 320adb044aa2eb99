// The input of the --batch figures: N lines drawn (seeded, so every run reads the same text) from
// 1,250 distinct strings, as a fleet's configuration files repeat a few policies with local
// edits: each of the basket's 10 strings with one of 5 prefixes and one of 25 suffixes. The
// suffixes are common hand edits, among them a misspelt word (lint looks it up in the other
// releases), a duplicate, a word of another release, and one that empties the list (a
// rejected line, an error line in the output).
import { BASKET } from './basket.js';

const PREFIXES = ['', '@SECLEVEL=1:', '@SECLEVEL=2:', '!PSK:', '-kRSA:'];
const SUFFIXES = [
  '',
  ':!RC4',
  ':!aNULL:!eNULL',
  ':!3DES',
  ':!SHA1',
  ':!kRSA',
  ':@STRENGTH',
  ':!DSS',
  ':!PSK:!SRP',
  ':!CAMELLIA:!ARIA',
  ':!MD5',
  ':!EXPORT:!LOW',
  ':!aNUL',
  ':!SHA384',
  ':+AES256',
  ':!ECDSA',
  ':!aNULL:!aNULL',
  ':!kECDHEPSK',
  ':!CHACHA20',
  ':!AESCCM',
  ':-ALL',
  ':!DHE',
  ':!SEED:!IDEA',
  ':+RSA',
  ':!ADH:!AECDH',
];

/** The distinct strings the lines are drawn from. */
export const BATCH_STRINGS = BASKET.flatMap(({ input }) =>
  PREFIXES.flatMap((p) => SUFFIXES.map((s) => `${p}${input}${s}`)),
);

/** `lines` lines of text, one string each, LF-terminated; the same text on every call. */
export function batchInput(lines) {
  let seed = 0x2545f491;
  const out = new Array(lines);
  for (let i = 0; i < lines; i++) {
    // xorshift32: a fixed, even spread over the strings.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    out[i] = BATCH_STRINGS[(seed >>> 0) % BATCH_STRINGS.length];
  }
  return out.join('\n') + '\n';
}
