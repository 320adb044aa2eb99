import { parse as peggyParse } from '../../parser/cipher-string.js';
import type { Span } from '../../core/types.js';
import type { SegmentNode } from './syntax-tree.js';
import { isSeparator, nameTable, simpleSegment } from './simple-segment.js';

export type { SegmentNode, TermNode, WordNode } from './syntax-tree.js';

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
  // The grammar tries the Suite B prefix only where the first byte can start one (its
  // CipherString rule); without it, the string is read here segment by segment.
  const first = input.charCodeAt(0) | (caseInsensitive ? 32 : 0);
  if (suiteBPrefixes === false || first !== (caseInsensitive ? 115 : 83)) return bySegments(input, syntax, visitor);
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

/**
 * The grammar's DefaultPrefix and Body, segment by segment: a segment ends at the next separator whatever it
 * holds, so each is read on its own, by the fast path when it has the simple shape and by the
 * grammar's Segment rule otherwise.
 */
function bySegments(input: string, syntax: CipherStringSyntax, visitor?: CipherStringVisitor): CipherStringAst {
  const names = nameTable(syntax.extraNameChars);
  const segments: SegmentNode[] = [];
  const n = input.length;
  let p = 0;
  // The grammar's DefaultPrefix: `DEFAULT` at byte 0 (any case on 4.0+), and one `:` after it.
  const head = input.slice(0, 7);
  let defaultPrefix: CipherStringAst['defaultPrefix'] = null;
  if (head === 'DEFAULT' || (syntax.caseInsensitiveWords && head.toLowerCase() === 'default')) {
    defaultPrefix = { start: 0, end: 7, colon: input.charCodeAt(7) === 58 };
    visitor?.defaultPrefix(defaultPrefix);
    p = defaultPrefix.colon ? 8 : 7;
  }
  for (;;) {
    while (p < n && isSeparator(input.charCodeAt(p))) p++;
    if (p >= n) break;
    const seg = simpleSegment(input, p, names) ?? grammarSegment(input, p, syntax);
    p = seg.end;
    if (!visitor) segments.push(seg);
    else if (visitor.segment(seg) === false) return STOPPED;
  }
  return { suiteB: null, defaultPrefix, segments };
}

/** The grammar's Segment rule on the segment that starts at `start`, with the spans of the whole string. */
function grammarSegment(input: string, start: number, syntax: CipherStringSyntax): SegmentNode {
  let end = start;
  while (end < input.length && !isSeparator(input.charCodeAt(end))) end++;
  const options = { startRule: 'Segment', extraNameChars: syntax.extraNameChars };
  const seg = peggyParse(input.slice(start, end), options) as SegmentNode;
  seg.start += start;
  seg.end += start;
  if (seg.junk) {
    seg.junk.start += start;
    seg.junk.end += start;
  }
  for (const term of seg.terms) {
    term.start += start;
    term.end += start;
    for (const word of term.words) {
      word.start += start;
      word.end += start;
    }
  }
  return seg;
}
const STOP = Symbol('stop reading');
/** What a stopped parse returns: everything read went to the visitor. */
const STOPPED: CipherStringAst = Object.freeze({ suiteB: null, defaultPrefix: null, segments: [] });
