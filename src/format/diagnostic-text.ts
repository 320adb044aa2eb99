import type { Span } from '../types.js';

export interface RenderedProblem {
  /** `error`, `warning` or `info`. */
  severity: string;
  /** Kebab-case code, shown in brackets. */
  code: string;
  message: string;
  span: Span | null | undefined;
}

/** Characters that would break the caret line are shown as visible escapes, one column each. */
function visible(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x20 || c === 0x7f) return c === 0x09 ? '→' : '·';
  return ch;
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
  const head = `${p.severity}[${p.code}]: ${p.message}`;
  if (!p.span) return head + '\n';
  const { start, end } = p.span;
  const width = 100;
  let from = 0;
  let to = text.length;
  if (to - from > width) {
    from = Math.max(0, Math.min(start - 40, text.length - width));
    to = Math.min(text.length, from + width);
  }
  const shown = Array.from(text.slice(from, to), visible).join('');
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const caretStart = prefix.length + (start - from);
  const caretLen = Math.max(1, Math.min(end, to) - start);
  const lines = [
    head,
    ` --> ${origin}:1:${start + 1}`,
    '  |',
    `1 | ${prefix}${shown}${suffix}`,
    `  | ${' '.repeat(caretStart)}${'^'.repeat(caretLen)}`,
  ];
  return lines.join('\n') + '\n';
}
