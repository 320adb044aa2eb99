/**
 * Where a string that cipherx evaluates lives: a named text (the command line, standard input,
 * a configuration file) and where in that text the string starts. Spans stay offsets into the
 * evaluated string; a source turns them into lines and columns of the text around it.
 */
export interface SourceText {
  /** The name shown after `-->`: `<argv>`, `<stdin>`, a file's path, `--ciphersuites`... */
  name: string;
  /** The whole text the string was found in (a configuration file's content), or the string itself. */
  text: string;
  /**
   * Where the evaluated string starts inside `text`: a UTF-16 offset, or a 1-based line and
   * column (a column counts code points, as the rendered carets do: a tab is one column).
   * Default: the start of `text`.
   */
  start?: number | SourcePosition;
  /**
   * The number of `text`'s first line in the file it comes from, when `text` is one piece of a
   * larger whole (one line of standard input, say, read as it comes). Default 1.
   */
  firstLine?: number;
}

/** A place in a text by line and column, as editors and compilers number them. */
export interface SourcePosition {
  /** The line, from 1. */
  line: number;
  /** The column, from 1, in code points from the start of the line. */
  column: number;
}

/**
 * The texts a diagnostic's spans point into, by the diagnostic's `source`: the cipher string,
 * and the TLS 1.3 list (`ciphersuites`) when a problem or a note points there.
 */
export interface DiagnosticSources {
  /** Where the cipher string is: spans without a `source`, or with `source: 'cipher-list'`. */
  'cipher-list': SourceText;
  /** Where the ciphersuites option is: spans with `source: 'ciphersuites'`. */
  ciphersuites?: SourceText;
}

/** Which input a span points into, as `Diagnostic.source` names it. */
export type SourceRole = keyof DiagnosticSources;

/** A place in a source's text: its offset and its 1-based line and column. */
export interface SourceLocation {
  /** The UTF-16 offset in the source's `text`. */
  offset: number;
  /** The line, from 1. Lines end at `\n`; a `\r` just before it belongs to neither line. */
  line: number;
  /** The column, from 1, in code points from the start of the line. */
  column: number;
}

/** One line of a text: its number, where it starts and where its content ends (before `\r\n` or `\n`). */
export interface SourceLine {
  /** The line, from 1. */
  line: number;
  /** The offset of its first character. */
  start: number;
  /** The offset just after its last character, its line break left out. */
  end: number;
}

/**
 * Where the offset `offset` of the evaluated string is in the source's text. An offset past
 * the end of the text is kept at the end. Throws a TypeError when `source.start` is not in the text.
 */
export function locateInSource(source: SourceText, offset: number): SourceLocation {
  const at = Math.min(source.text.length, sourceStart(source) + Math.max(0, offset));
  const line = lineOf(source.text, at);
  const first = source.firstLine ?? 1;
  if (!Number.isInteger(first) || first < 1)
    throw new TypeError(`${source.name}: firstLine must be a whole number from 1`);
  return { offset: at, line: line.line + first - 1, column: columnOf(source.text, line.start, at) + 1 };
}

/** The last column counted: a run of places on one long line counts on from there, not from the line's start. */
let lastColumn = { text: null as string | null, lineStart: 0, at: 0, count: 0 };

/** The code points from a line's start to `at`. */
function columnOf(text: string, lineStart: number, at: number): number {
  const last = lastColumn;
  // Counting on from the last place is right unless that place splits a surrogate pair.
  const resumable =
    last.text === text &&
    last.lineStart === lineStart &&
    last.at <= at &&
    !(last.at > lineStart && isLowSurrogate(text.charCodeAt(last.at)) && isHighSurrogate(text.charCodeAt(last.at - 1)));
  const count = resumable ? last.count + countCodePoints(text, last.at, at) : countCodePoints(text, lineStart, at);
  lastColumn = { text, lineStart, at, count };
  return count;
}

/** The offset in `source.text` at which the evaluated string starts. */
export function sourceStart(source: SourceText): number {
  const { text, start = 0 } = source;
  if (typeof start === 'number') {
    if (!Number.isInteger(start) || start < 0 || start > text.length) {
      throw new TypeError(`${source.name}: the start offset ${start} is not in the text (0 to ${text.length})`);
    }
    return start;
  }
  const starts = lineStarts(text);
  const { line, column } = start;
  if (!Number.isInteger(line) || line < 1 || line > starts.length) {
    throw new TypeError(`${source.name}: line ${line} is not in the text (1 to ${starts.length})`);
  }
  const from = starts[line - 1]!;
  const end = lineEnd(text, starts, line - 1);
  let at = from;
  for (let c = 1; c < column && at < end; c++) at += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  if (!Number.isInteger(column) || column < 1 || countCodePoints(text, from, at) !== column - 1) {
    throw new TypeError(`${source.name}: line ${line} has no column ${column}`);
  }
  return at;
}

/** The line of `text` that holds `offset` (an offset at a line break belongs to the line it ends). */
export function lineOf(text: string, offset: number): SourceLine {
  const starts = lineStarts(text);
  // The last line start at or before the offset (a binary search).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, start: starts[lo]!, end: lineEnd(text, starts, lo) };
}

function lineEnd(text: string, starts: readonly number[], index: number): number {
  const next = starts[index + 1];
  if (next === undefined) return text.length;
  // `next - 1` is the `\n`; a `\r` before it is part of the break.
  return next >= 2 && text.charCodeAt(next - 2) === 0x0d ? next - 2 : next - 1;
}

function countCodePoints(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // The second half of a surrogate pair is not a code point of its own.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > from && isHighSurrogate(text.charCodeAt(i - 1)))) n++;
  }
  return n;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

let lastText: string | null = null;
let lastStarts: number[] = [];

/** The offsets at which the lines of a text start; the last text's are kept (many problems, one file). */
function lineStarts(text: string): number[] {
  if (text === lastText) return lastStarts;
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  lastText = text;
  lastStarts = starts;
  return starts;
}
