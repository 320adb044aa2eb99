import { escapeControls, visibleChar } from './characters.js';
import type { Diagnostic, Span } from '../types.js';

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
  /** Shown as `= note:` lines. */
  related?: Diagnostic['related'];
  /** Shown as a `= help:` line. */
  fix?: {
    /** The help's text. */
    description: string;
  };
}

/**
 * Renders a problem rustc-style with a caret under its span:
 *
 *   error[invalid-command]: `#` cannot follow `AES128`: ...
 *    --> <argv>:1:7
 *     |
 *   1 | AES128#:AES256
 *     |       ^
 *
 * Long inputs are cut to a window around the span. `origin` names where the text came from.
 */
export function renderProblem(p: RenderedProblem, text: string, origin = '<argv>'): string {
  const head = `${p.severity}[${p.code}]: ${escapeControls(p.message)}`;
  const notes =
    (p.related ?? []).map((r) => `  = note: ${escapeControls(r.message)} (at ${r.span.start + 1})\n`).join('') +
    (p.fix ? `  = help: ${escapeControls(p.fix.description)}\n` : '');
  if (!p.span) return head + '\n' + notes;
  const { start, end } = p.span;
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
  const caretStart = prefix.length + (startCol - from);
  const caretLen = Math.max(1, Math.min(endCol, to) - startCol);
  const lines = [
    head,
    ` --> ${origin}:1:${startCol + 1}`,
    '  |',
    `1 | ${prefix}${shown}${suffix}`,
    `  | ${' '.repeat(caretStart)}${'^'.repeat(caretLen)}`,
  ];
  return lines.join('\n') + '\n' + notes;
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
