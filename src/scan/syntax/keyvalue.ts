// Line-based `name = value` files with `[section]` headers (ini-like: stunnel, MySQL option
// files, postgresql.conf, openssl.cnf). Each product says which comments, quotes and separators
// it takes; values keep their offsets so that a string found there renders at its place.
import { scanQuoted, type Word } from '../text.js';

/** How a product writes its lines. */
export interface KeyValueRules {
  /** Characters that start a comment line (after blanks). */
  comment: string;
  /** Characters that start a comment anywhere outside quotes (in the value too). */
  inlineComment?: string;
  /** Whether `=` must separate name and value (`required`), may (`optional`: blanks do otherwise). */
  separator: 'required' | 'optional';
  /** Quote characters that may wrap the whole value. */
  quotes?: string;
  /** Inside quotes, a doubled quote stands for one (PostgreSQL `'it''s'`). */
  doubledQuote?: boolean;
  /** Inside quotes, a backslash escapes the next character. */
  backslash?: boolean;
  /** Characters a name may hold (default: anything but blanks, `=` and comment characters). */
  name?: RegExp;
}

/** One line as read. */
export type KeyValueLine =
  | { kind: 'section'; name: Word; start: number }
  | { kind: 'pair'; key: Word; value: Word; start: number }
  /** A name with no value (`skip-ssl`, `!include x`: the words after the name in `rest`). */
  | { kind: 'bare'; key: Word; rest: Word | null; start: number };

/** What cannot be read, at an offset. */
export interface KeyValueError {
  start: number;
  end: number;
  message: string;
}

/** Reads a whole text into its lines of sections and pairs; errors are collected, reading goes on. */
export function readKeyValues(text: string, rules: KeyValueRules): { lines: KeyValueLine[]; errors: KeyValueError[] } {
  const lines: KeyValueLine[] = [];
  const errors: KeyValueError[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const start = at;
    at += raw.length + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lead = /^[ \t]*/.exec(line)![0].length;
    const first = line[lead];
    if (first === undefined || rules.comment.includes(first)) continue;
    if (first === '[') {
      const close = line.indexOf(']', lead);
      if (close < 0) {
        errors.push({ start: start + lead, end: start + line.length, message: 'a section header without `]`' });
        continue;
      }
      const inner = line.slice(lead + 1, close);
      const pad = /^\s*/.exec(inner)![0].length;
      const name = inner.trim();
      lines.push({
        kind: 'section',
        name: { value: name, start: start + lead, end: start + close + 1, valueAt: start + lead + 1 + pad },
        start,
      });
      continue;
    }
    const nameMatch = rules.name ?? /[^\s=]+/y;
    const re = new RegExp(nameMatch.source, 'y');
    re.lastIndex = lead;
    const m = re.exec(line);
    if (!m || m[0] === '') {
      errors.push({
        start: start + lead,
        end: start + line.length,
        message: 'a line that is neither a section nor `name = value`',
      });
      continue;
    }
    const key: Word = { value: m[0], start: start + lead, end: start + lead + m[0].length, valueAt: start + lead };
    let i = lead + m[0].length;
    while (i < line.length && /[ \t]/.test(line[i]!)) i++;
    const hasEq = line[i] === '=';
    if (hasEq) {
      i++;
      while (i < line.length && /[ \t]/.test(line[i]!)) i++;
    }
    const value = readValue(line, i, start, rules, errors);
    if (!hasEq && (rules.separator === 'required' || value === null)) {
      lines.push({ kind: 'bare', key, rest: value, start });
      continue;
    }
    lines.push({
      kind: 'pair',
      key,
      value: value ?? { value: '', start: start + i, end: start + i, valueAt: start + i },
      start,
    });
  }
  return { lines, errors };
}

/** The value from `from` to the end of the line (or an inline comment); null when there is none. */
function readValue(
  line: string,
  from: number,
  offset: number,
  rules: KeyValueRules,
  errors: KeyValueError[],
): Word | null {
  const q = line[from];
  if (q !== undefined && rules.quotes?.includes(q)) {
    const { value, end, verbatim } = rules.doubledQuote
      ? scanDoubled(line, from, q)
      : scanQuoted(line, from, q, rules.backslash ?? false);
    if (end === null) {
      errors.push({ start: offset + from, end: offset + line.length, message: 'a quote that is not closed' });
      return { value, start: offset + from, end: offset + line.length, valueAt: null };
    }
    return { value, start: offset + from, end: offset + end, valueAt: verbatim ? offset + from + 1 : null };
  }
  let end = line.length;
  if (rules.inlineComment) {
    for (let i = from; i < line.length; i++) {
      if (rules.inlineComment.includes(line[i]!) && (i === from || /\s/.test(line[i - 1]!))) {
        end = i;
        break;
      }
    }
  }
  while (end > from && /\s/.test(line[end - 1]!)) end--;
  if (end <= from) return null;
  return { value: line.slice(from, end), start: offset + from, end: offset + end, valueAt: offset + from };
}

/** A quoted value where a doubled quote (or a backslash) stands for the next character. */
function scanDoubled(
  line: string,
  open: number,
  quote: string,
): { value: string; end: number | null; verbatim: boolean } {
  let value = '';
  let verbatim = true;
  for (let i = open + 1; i < line.length; i++) {
    const c = line[i]!;
    if (c === quote && line[i + 1] === quote) {
      value += quote;
      verbatim = false;
      i++;
    } else if (c === quote) return { value, end: i + 1, verbatim };
    else if (c === '\\' && i + 1 < line.length) {
      value += line[++i];
      verbatim = false;
    } else value += c;
  }
  return { value, end: null, verbatim };
}

/** A word standing for a slice of another (its first `skip` characters left out). */
export function subWord(w: Word, value: string, skip: number): Word {
  return { value, start: w.start, end: w.end, valueAt: w.valueAt === null ? null : w.valueAt + skip };
}
