import { escapeControls, visibleChar } from '../core/characters.js';
import {
  lineOf,
  locateInSource,
  sourceStart,
  type DiagnosticSources,
  type SourceRole,
  type SourceText,
} from './source-text.js';
import type { Span } from '../core/types.js';

/** What `renderProblem` renders: a `Diagnostic`, an `ExpandError` with a severity, or the like. */
export interface RenderedProblem {
  /** `error`, `warning` or `info`. */
  severity: string;
  /** Kebab-case code, shown in brackets. */
  code: string;
  /** The one-line message after the code. */
  message: string;
  /** Where the caret goes; none (absent or null) for a problem of the whole input. */
  span?: Span | null | undefined;
  /**
   * Which input the span points into (`Diagnostic.source`). Absent: the cipher string, except
   * for `invalid-ciphersuites`, whose span is in the ciphersuites option.
   */
  source?: SourceRole | undefined;
  /** Shown as `= note:` lines: with a caret of their own when rendered with sources. */
  related?: ReadonlyArray<RelatedPlace> | undefined;
  /** Shown as a `= help:` line. */
  fix?: {
    /** The help's text. */
    description: string;
  };
}

/** Another place a problem points at (`Diagnostic.related`). */
export interface RelatedPlace {
  /** Where the other place is. */
  span: Span;
  /** What it has to do with the problem. */
  message: string;
  /** Which input the span points into; absent: the same as the problem's. */
  source?: SourceRole | undefined;
}

/**
 * Renders a problem rustc-style with a caret under its span, the text being the whole input:
 *
 *   error[invalid-command]: `#` cannot follow `AES128`: ...
 *    --> <argv>:1:7
 *     |
 *   1 | AES128#:AES256
 *     |       ^
 *
 * Long inputs are cut to a window around the span. `origin` names where the text came from.
 * Related places are notes with their offset, `(at 12)`.
 */
export function renderProblem(p: RenderedProblem, text: string, origin?: string): string;
/**
 * Renders a problem at its real place: `sources` says which text each input (the cipher string,
 * the ciphersuites option) was found in, under which name and where in it (see `SourceText`).
 * The caret goes under the right line of that text, with its real line and column; each related
 * place gets a caret excerpt of its own. Throws a TypeError when a span's source is not given.
 */
export function renderProblem(p: RenderedProblem, sources: DiagnosticSources): string;
export function renderProblem(p: RenderedProblem, where: string | DiagnosticSources, origin = '<argv>'): string {
  const head = `${p.severity}[${p.code}]: ${escapeControls(p.message)}\n`;
  const help = p.fix ? `  = help: ${escapeControls(p.fix.description)}\n` : '';
  if (typeof where === 'string') {
    const notes = (p.related ?? []).map((r) => `  = note: ${escapeControls(r.message)} (at ${r.span.start + 1})\n`);
    if (!p.span) return head + notes.join('') + help;
    const x = excerpt(where, p.span.start, p.span.end);
    return head + block(`${escapeControls(origin)}:1:${x.column}`, 1, x, 1) + notes.join('') + help;
  }
  const role: SourceRole = p.source ?? (p.code === 'invalid-ciphersuites' ? 'ciphersuites' : 'cipher-list');
  const main = sourceOf(where, role);
  if (!p.span) {
    const at = locateInSource(main, 0);
    return head + ` --> ${escapeControls(main.name)}:${at.line}:${at.column}\n` + help;
  }
  const places = [
    { label: '', source: main, span: p.span },
    ...(p.related ?? []).map((r) => ({
      label: `  = note: ${escapeControls(r.message)}\n`,
      source: sourceOf(where, r.source ?? role),
      span: r.span,
    })),
  ].map((x) => ({ label: x.label, ...located(x.source, x.span) }));
  const width = String(Math.max(...places.map((x) => x.line))).length;
  return head + places.map((x) => x.label + block(x.at, x.line, x, width)).join('') + help;
}

function sourceOf(sources: DiagnosticSources, role: SourceRole): SourceText {
  const s = sources[role];
  if (!s) throw new TypeError(`renderProblem: a span points into the ${role} option, but no such source is given`);
  return s;
}

interface Excerpt {
  /** The 1-based column of the span's start. */
  column: number;
  /** The line as shown: one visible character a code point, cut to a window around the span. */
  shown: string;
  /** Where the caret starts under `shown`, and how long it is. */
  caretStart: number;
  caretLen: number;
}

/** A span of the evaluated string placed in its source: the line it starts on, cut around it. */
function located(source: SourceText, span: Span): Excerpt & { at: string; line: number } {
  const base = sourceStart(source);
  const at = locateInSource(source, span.start);
  const line = lineOf(source.text, at.offset);
  const text = source.text.slice(line.start, line.end);
  const end = Math.min(line.end, base + span.end);
  const x = excerpt(text, at.offset - line.start, Math.max(at.offset, end) - line.start);
  return { ...x, at: `${escapeControls(source.name)}:${at.line}:${x.column}`, line: at.line };
}

/** The ` --> place`, gutter, line and caret lines; the gutter as wide as the widest line number. */
function block(place: string, line: number, x: Excerpt, width: number): string {
  const pad = ' '.repeat(width);
  return [
    `${pad.slice(1)} --> ${place}`,
    `${pad} |`,
    `${String(line).padStart(width)} | ${x.shown}`,
    `${pad} | ${' '.repeat(x.caretStart)}${'^'.repeat(x.caretLen)}`,
    '',
  ].join('\n');
}

/** One line of text with a caret under `start`..`end` (offsets into it); long lines are cut to 100 columns. */
function excerpt(text: string, start: number, end: number): Excerpt {
  const cps = codePoints(text);
  // The column of an offset: the first code point at or after it (a binary search).
  const colOf = (offset: number) => {
    let lo = 0;
    let hi = cps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cps[mid]!.at < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const startCol = colOf(start);
  const endCol = Math.max(startCol + 1, colOf(end));
  const width = 100;
  let from = 0;
  let to = cps.length;
  if (to > width) {
    from = Math.max(0, Math.min(startCol - 40, cps.length - width));
    to = Math.min(cps.length, from + width);
  }
  const prefix = from > 0 ? '…' : '';
  const suffix = to < cps.length ? '…' : '';
  const shown = cps
    .slice(from, to)
    .map((c) => c.shown)
    .join('');
  return {
    column: startCol + 1,
    shown: `${prefix}${shown}${suffix}`,
    caretStart: prefix.length + (startCol - from),
    caretLen: Math.max(1, Math.min(endCol, to) - startCol),
  };
}

let lastText: string | null = null;
let lastCodePoints: Array<{ at: number; shown: string }> = [];

/**
 * The code points of a text with their offsets, each shown as one visible character, so the
 * caret stays under the span whatever the text holds (astral characters, tabs, control bytes).
 * The last text's are kept: many problems of one long string cost one pass, not one each.
 */
function codePoints(text: string): Array<{ at: number; shown: string }> {
  if (text === lastText) return lastCodePoints;
  const cps: Array<{ at: number; shown: string }> = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    cps.push({ at: i, shown: visibleChar(cp) });
    i += cp > 0xffff ? 2 : 1;
  }
  lastText = text;
  lastCodePoints = cps;
  return cps;
}
