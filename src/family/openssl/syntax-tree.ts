import type { Span } from '../../core/types.js';

// The nodes grammar/cipher-string.peggy gives for a segment (and the fast path, simple-segment.ts).

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
