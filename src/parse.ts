import { parse as peggyParse } from './parser/cipher-string.js';
import type { Span } from './types.js';

/** A name read by the scanner; `text` is empty where the scanner found no name character. */
export interface WordNode extends Span {
  text: string;
}

/** `[op] word (+ word)*`: one element as ssl_cipher_process_rulestr() reads it. */
export interface TermNode extends Span {
  op: '!' | '-' | '+' | '@' | null;
  words: WordNode[];
}

/** Text between separators: glued terms, then bytes that cannot start a term. */
export interface SegmentNode extends Span {
  terms: TermNode[];
  junk: Span | null;
}

export interface CipherStringAst {
  /** A Suite B prefix at byte 0 replaces the whole string (check_suiteb_cipher_list). */
  suiteB: (Span & { name: string; discarded: Span }) | null;
  /** `DEFAULT` at byte 0 (span of the word; `colon`: a `:` right after it was swallowed). */
  defaultPrefix: (Span & { colon: boolean }) | null;
  segments: SegmentNode[];
}

/**
 * Parses a cipher string into its lossless structure. Never fails: the grammar accepts every
 * string. `extraNameChars` are the name characters of the target beyond `A-Za-z0-9-.`.
 */
export function parseCipherString(input: string, extraNameChars: string): CipherStringAst {
  return peggyParse(input, { extraNameChars }) as CipherStringAst;
}
