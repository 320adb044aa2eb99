import type { SegmentNode, TermNode, WordNode } from './syntax-tree.js';

/**
 * The fast path of the scanner, for the segments nearly every real string is made of: terms
 * `[op] name (+ name)*` glued or alone, every word non-empty, then possibly bytes the scanner
 * cannot read up to the next separator (a TLS 1.3 name's `_` before 3.2).
 * grammar/cipher-string.peggy stays the definition: for such a segment this gives the node the
 * grammar's Segment rule gives (same fields, same order), and for any other segment it gives
 * null and the grammar reads it (test/simple-segment.test.ts compares both on the corpus and on
 * random strings). It exists because the generated parser reads one character per step and
 * builds an array per name; this reads a name with one loop and no array.
 */

/** The name-character table of a set of extras (`=`, `=_`...), as the grammar builds it. */
export function nameTable(extra: string): Uint8Array {
  let table = tables.get(extra);
  if (!table) {
    table = new Uint8Array(128);
    for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.' + extra) {
      table[c.charCodeAt(0)] = 1;
    }
    tables.set(extra, table);
  }
  return table;
}
const tables = new Map<string, Uint8Array>();

const PLUS = 43;

/** The grammar's Operator: `! + - @` (`-` is a name character too; at the start of a term it is the operator). */
function operatorOf(code: number): TermNode['op'] {
  return code === 33 ? '!' : code === 43 ? '+' : code === 45 ? '-' : code === 64 ? '@' : null;
}

/** The grammar's Separator (ITEM_SEP): `:` space `;` `,`. */
export function isSeparator(code: number): boolean {
  return code === 58 || code === 32 || code === 59 || code === 44;
}

/**
 * The segment that starts at `start` (a byte that is no separator), when it has the simple
 * shape; null otherwise. `names` is the target's name-character table.
 */
export function simpleSegment(input: string, start: number, names: Uint8Array): SegmentNode | null {
  const terms: TermNode[] = [];
  let p = start;
  for (;;) {
    const termStart = p;
    const op = operatorOf(input.charCodeAt(p));
    if (op !== null) p++;
    // The first word: the grammar lets it be empty after an operator; that is not this path's.
    let end = nameEnd(input, p, names);
    if (end === p) return null;
    const words: WordNode[] = [{ text: input.slice(p, end), start: p, end }];
    // `+` after a word always continues the compound (the grammar's Term reads `"+" Word` first).
    while (input.charCodeAt(end) === PLUS) {
      p = end + 1;
      end = nameEnd(input, p, names);
      if (end === p) return null;
      words.push({ text: input.slice(p, end), start: p, end });
    }
    terms.push({ start: termStart, end, op, words });
    p = end;
    if (p >= input.length || isSeparator(input.charCodeAt(p))) break;
    // Anything but an operator here is junk after the terms (not a name character: the word took
    // them all): the grammar's Junk, every byte up to the next separator.
    if (operatorOf(input.charCodeAt(p)) === null) {
      let q = p + 1;
      while (q < input.length && !isSeparator(input.charCodeAt(q))) q++;
      return { start, end: q, terms, junk: { start: p, end: q } };
    }
  }
  return { start, end: p, terms, junk: null };
}

function nameEnd(input: string, p: number, names: Uint8Array): number {
  for (;;) {
    const code = input.charCodeAt(p);
    if (!(code < 128 && names[code] === 1)) return p;
    p++;
  }
}
