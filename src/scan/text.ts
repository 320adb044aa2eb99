// The pieces every configuration reader shares: words with their places, quoted values,
// logical lines. A reader keeps offsets into the file's text, so that a cipher string found
// there renders at its real line and column.

/** One word of a configuration line: its text after unquoting, and where it is written. */
export interface Word {
  /** The word's value (quotes removed, escapes applied). */
  value: string;
  /** Offset of the word's first character (its opening quote, if any) in the file's text. */
  start: number;
  /** Offset just after the word (after its closing quote). */
  end: number;
  /**
   * Offset in the file's text of `value`'s first character when the value is written there
   * character for character (no escape inside it); null otherwise.
   */
  valueAt: number | null;
}

/** One logical line: its words (comments left out) and where it starts. */
export interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just after its last character (before the line break). */
  end: number;
  /** Its words. */
  words: Word[];
  /** A quote that does not close on this line: where it opened. */
  unclosedQuote: number | null;
}

/** How a product's lines are split into words. */
export interface WordRules {
  /** Characters that start a comment running to the end of the line (at a word's start). */
  comment: string;
  /** Quote characters. */
  quotes: string;
  /** A backslash escapes the next character (inside quotes, and outside where `escapeOutside`). */
  backslash: boolean;
  /** Characters that end a word and are words of their own (`;`, `{`, `}` in nginx). */
  punctuation?: string;
  /** A backslash just before the line break joins the next line (Apache, HAProxy do not; Exim does). */
  joinLines?: boolean;
  /** `${...}` inside a word is part of it, braces included (nginx reads variables so). */
  dollarBraces?: boolean;
}

const SPACE = /[ \t\f\v\r]/;

/**
 * Splits a whole text into logical lines of words. Linear in the text's length: every
 * character is looked at once.
 */
export function splitLines(text: string, rules: WordRules): Line[] {
  const lines: Line[] = [];
  /** No `}` from a `${` up to this offset (a line's end): see readWord. */
  const memo = { noBraceUntil: -1 };
  let i = 0;
  let line: Line = { start: 0, end: 0, words: [], unclosedQuote: null };
  const endLine = (at: number) => {
    line.end = at;
    lines.push(line);
    line = { start: at + 1, end: at + 1, words: [], unclosedQuote: null };
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      endLine(i++);
      continue;
    }
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (rules.joinLines && c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (rules.comment.includes(c)) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (rules.punctuation?.includes(c)) {
      line.words.push({ value: c, start: i, end: i + 1, valueAt: i });
      i++;
      continue;
    }
    const w = readWord(text, i, rules, memo);
    line.words.push(w.word);
    if (w.unclosed) line.unclosedQuote = i;
    i = w.word.end;
  }
  endLine(text.length);
  return lines;
}

/** Reads one word at `at`: quoted parts and plain parts glued together, as shells and nginx do. */
function readWord(
  text: string,
  at: number,
  rules: WordRules,
  memo: { noBraceUntil: number },
): { word: Word; unclosed: boolean } {
  let value = '';
  let i = at;
  let verbatim = true;
  let unclosed = false;
  let parts = 0;
  let inPlain = false;
  let valueAt = at;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n' || SPACE.test(c) || rules.punctuation?.includes(c)) break;
    if (rules.quotes.includes(c)) {
      const close = scanQuoted(text, i, c, rules.backslash);
      if (parts++ === 0) valueAt = i + 1;
      inPlain = false;
      value += close.value;
      verbatim &&= close.verbatim;
      unclosed = close.end === null;
      i = close.end ?? text.length;
      if (unclosed) break;
      continue;
    }
    if (!inPlain) {
      if (parts++ === 0) valueAt = i;
      inPlain = true;
    }
    if (rules.dollarBraces && c === '$' && text[i + 1] === '{') {
      // The `}` on this line; none when a search before already ran to the line's end from
      // further left (so that a line of `${${${...` is looked at once, not once per `${`).
      let end = i + 2;
      if (end > memo.noBraceUntil) {
        let j = end;
        while (j < text.length && text[j] !== '}' && text[j] !== '\n') j++;
        if (text[j] === '}') end = j + 1;
        else memo.noBraceUntil = j;
      }
      value += text.slice(i, end);
      i = end;
      continue;
    }
    if (rules.backslash && c === '\\' && i + 1 < text.length && text[i + 1] !== '\n') {
      value += text[i + 1];
      verbatim = false;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  return { word: { value, start: at, end: i, valueAt: verbatim && parts <= 1 ? valueAt : null }, unclosed };
}

/** A quoted part from its opening quote: its value, and the offset after the closing quote (null: none). */
export function scanQuoted(
  text: string,
  open: number,
  quote: string,
  backslash: boolean,
): { value: string; end: number | null; verbatim: boolean } {
  let value = '';
  let verbatim = true;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === quote) return { value, end: i + 1, verbatim };
    if (c === '\n') return { value, end: null, verbatim };
    if (backslash && c === '\\' && i + 1 < text.length && text[i + 1] !== '\n') {
      value += text[++i];
      verbatim = false;
      continue;
    }
    value += c;
  }
  return { value, end: null, verbatim };
}

/** The words of a line after the first, joined by single spaces, as products that take "the rest of the line" read it. */
export function restOfLine(words: readonly Word[], from: number): Word | null {
  const rest = words.slice(from);
  if (rest.length === 0) return null;
  if (rest.length === 1) return rest[0]!;
  return {
    value: rest.map((w) => w.value).join(' '),
    start: rest[0]!.start,
    end: rest.at(-1)!.end,
    valueAt: null,
  };
}

/** A word made from a slice of the text, written there as it is. */
export function wordAt(text: string, start: number, end: number): Word {
  return { value: text.slice(start, end), start, end, valueAt: start };
}

/** Whether a value holds something only the product knows when it runs: a variable or a template. */
export function looksUnresolved(value: string): string | null {
  const m = /\$\{[^}]*\}?|\$[A-Za-z_(][\w)]*|\{\{.*?\}\}|%\{[^}]*\}|<%.*?%>/.exec(value);
  return m ? m[0] : null;
}
