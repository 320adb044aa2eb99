import { parse as peggyParse } from '../../parser/boringssl.js';
import type { Span } from '../../core/types.js';

/** A run of name characters; `text` is empty where the scanner expected a name and found none. */
export interface BoringsslWord extends Span {
  text: string;
}

/** `[op] word (+ word)*`; inside a group `op` is always null. */
export interface BoringsslTerm extends Span {
  type: 'term';
  op: '-' | '+' | '!' | null;
  words: BoringsslWord[];
}

/** `[item|item]`; `close` is null when the group is left open or stopped by `unexpected`. */
export interface BoringsslGroup extends Span {
  type: 'group';
  open: Span;
  items: Array<BoringsslTerm | (Span & { type: 'bar' })>;
  close: Span | null;
  /** The character that stops the scanner inside the group (UNEXPECTED_OPERATOR_IN_GROUP). */
  unexpected: Span | null;
}

/** `@word`, then what the scanner throws away up to the next separator. */
export interface BoringsslSpecial extends Span {
  type: 'special';
  name: BoringsslWord;
  skipped: Span | null;
}

export type BoringsslElement =
  | BoringsslTerm
  | BoringsslGroup
  | BoringsslSpecial
  /** A character that cannot start anything: the scanner stops with INVALID_COMMAND. */
  | (Span & { type: 'invalid' });

export interface BoringsslAst {
  /**
   * A default prefix at byte 0 (`DEFAULT`; `text` is the word, the span its bytes; `colon`: a `:`
   * right after it was swallowed).
   */
  defaultPrefix: (Span & { text: string; colon: boolean }) | null;
  /** What the scanner reads, in order; separators are left out (nothing but them lies between). */
  elements: BoringsslElement[];
  /** From the first NUL to the end: a C caller's string ends at the NUL. */
  truncated: Span | null;
}

/** Receives the parts of a string in order while it is read (see parseBoringssl). */
export interface BoringsslVisitor {
  /** `DEFAULT` at byte 0; called before any element. */
  defaultPrefix(node: NonNullable<BoringsslAst['defaultPrefix']>): void;
  /** One element; return false to stop reading. */
  element(node: BoringsslElement): boolean;
}

/**
 * Parses a BoringSSL cipher string into the elements ssl_cipher_process_rulestr() reads, with
 * spans. Never fails: every string has a parse. `strict` selects the strict separator set;
 * `prefixes` are the words that run the default rule string at byte 0 (BoringsslData.defaultPrefixes).
 *
 * With a `visitor`, elements are handed to it in order as they are read and `elements` comes
 * back empty: memory stays flat for any length, and returning false stops reading at once
 * (BoringSSL stops at the first error too); a stopped parse returns no `truncated` either.
 */
export function parseBoringssl(
  input: string,
  strict: boolean,
  visitor?: BoringsslVisitor,
  prefixes: readonly string[] = DEFAULT_PREFIXES,
): BoringsslAst {
  if (!visitor) return peggyParse(input, { strict, prefixes }) as BoringsslAst;
  try {
    return peggyParse(input, { strict, prefixes, visitor, stop: STOP }) as BoringsslAst;
  } catch (e) {
    if (e !== STOP) throw e;
    return STOPPED;
  }
}

const DEFAULT_PREFIXES: readonly string[] = ['DEFAULT'];
const STOP = Symbol('stop reading');
const STOPPED: BoringsslAst = Object.freeze({ defaultPrefix: null, elements: [], truncated: null });
