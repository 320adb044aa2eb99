import { parse as peggyParse } from '../../parser/cipher-string.js';
import type { Span } from '../../core/types.js';

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

/** What the scanner needs of a target (TargetData has these fields). */
/** Receives the parts of a string in order while it is read (see parseCipherString). */
export interface CipherStringVisitor {
  /** `DEFAULT` at byte 0; called before any segment. */
  defaultPrefix(node: NonNullable<CipherStringAst['defaultPrefix']>): void;
  /** One segment; return false to stop reading. */
  segment(node: SegmentNode): boolean;
}

/** What the scanner needs of a target (TargetData has both). */
export interface CipherStringSyntax {
  /** Name characters beyond `A-Za-z0-9-.`: `=` from 1.1.0, `_` from 3.2. */
  extraNameChars: string;
  /** 4.0+: the `DEFAULT` and Suite B prefixes match in any case. */
  caseInsensitiveWords: boolean;
  /** Absent or true: `SUITEB128`... at byte 0 replaces the string (OpenSSL 1.0.2+); false: LibreSSL. */
  suiteBPrefixes?: boolean;
}

/**
 * Parses a cipher string into its lossless structure. Never fails: the grammar accepts every
 * string, read with the name characters and prefix rules of `syntax` (a target's data).
 *
 * With a `visitor`, segments are handed to it in order as they are read and `segments` comes
 * back empty: memory stays flat for any length, and returning false stops reading at once
 * (OpenSSL stops at the first invalid command too).
 */
export function parseCipherString(
  input: string,
  syntax: CipherStringSyntax,
  visitor?: CipherStringVisitor,
): CipherStringAst {
  const extraNameChars = syntax.extraNameChars;
  const caseInsensitive = syntax.caseInsensitiveWords;
  const suiteBPrefixes = syntax.suiteBPrefixes;
  if (!visitor) return peggyParse(input, { extraNameChars, caseInsensitive, suiteBPrefixes }) as CipherStringAst;
  try {
    // One literal, not a spread of the other: this runs on every call.
    const options = { extraNameChars, caseInsensitive, suiteBPrefixes, visitor, stop: STOP };
    return peggyParse(input, options) as CipherStringAst;
  } catch (e) {
    if (e !== STOP) throw e;
    return STOPPED;
  }
}

const STOP = Symbol('stop reading');
/** What a stopped parse returns: everything read went to the visitor. */
const STOPPED: CipherStringAst = Object.freeze({ suiteB: null, defaultPrefix: null, segments: [] });
