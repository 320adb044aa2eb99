// A text field whose terms can be marked: a transparent textarea over a backdrop that repeats
// its text with <mark> around the marked spans (same font, padding and wrapping). A long string
// is marked around the part in view only, so a 1 MB paste is drawn in a few milliseconds.
import { h } from './dom.js';
import type { Severity, Span } from '../../src/index.js';

export interface Mark {
  span: Span;
  severity: Severity;
  code: string;
  message: string;
}

export interface HighlightedInput {
  /** The labelled block to place in the page. */
  element: HTMLElement;
  textarea: HTMLTextAreaElement;
  setMarks(marks: readonly Mark[]): void;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Strings up to twice this long are marked whole. In a longer one (a pasted 1 MB string has tens
 * of thousands of findings, and laying out a mark each costs seconds) the marks are drawn for the
 * text in view and this many characters each side of it, and drawn again when the field scrolls
 * further. The text after them is left out; the text before them is bare text, which wraps as
 * the field does, or on a regular grid (see `Grid`) just as much empty space.
 */
export const MARKED_AROUND = 10_000;

/** How long scrolling pauses before the marks follow. */
const SCROLL_DELAY_MS = 60;

export function highlightedInput(options: { id: string; label: string; hint?: string }): HighlightedInput {
  const hintId = `${options.id}-hint`;
  const textarea = h('textarea', {
    id: options.id,
    class: 'hl-input',
    rows: 1,
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
    'aria-describedby': options.hint ? hintId : null,
  });
  const backdrop = h('div', { class: 'hl-backdrop', 'aria-hidden': 'true' });
  const element = h(
    'div',
    { class: 'field' },
    h('label', { for: options.id }, options.label),
    options.hint ? h('p', { class: 'hint', id: hintId }, options.hint) : null,
    h('div', { class: 'hl-wrap' }, backdrop, textarea),
  );
  // A cipher string is one line: Enter does not start another.
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') e.preventDefault();
  });
  let marks: readonly Mark[] = [];
  /** The marks clipped to the text, by start; null: to compute from `marks`. */
  let spans: Spans | null = null;
  /** What the backdrop shows: the text and the marked part of it; null: bare text, or nothing yet. */
  let drawn: { text: string; marks: readonly Mark[]; from: number; to: number } | null = null;
  const autosize = !CSS.supports('field-sizing', 'content');
  const resize = () => {
    if (autosize) {
      textarea.style.height = 'auto';
      textarea.style.height = `${textarea.scrollHeight + 2}px`;
    }
  };
  /** How the current text wraps in the field (null: not in a regular grid), by text and width. */
  let grid: { text: string; width: number; grid: Grid | null } | null = null;
  const gridOf = (text: string): Grid | null => {
    const width = textarea.clientWidth;
    if (grid === null || grid.text !== text || grid.width !== width) {
      grid = { text, width, grid: measureGrid(textarea, text) };
    }
    return grid.grid;
  };
  const render = () => {
    const text = textarea.value;
    spans ??= clip(marks, text);
    const layout = text.length <= 2 * MARKED_AROUND ? null : gridOf(text);
    const [from, to] = windowOf(textarea, text.length, layout);
    if (drawn && drawn.text === text && drawn.marks === marks && drawn.from === from && drawn.to === to) return;
    // Without the text after the marked part, the backdrop still scrolls as far as the field.
    renderBackdrop(backdrop, text, spans, from, to, to < text.length ? textarea.scrollHeight : 0, layout);
    drawn = { text, marks, from, to };
    backdrop.scrollTop = textarea.scrollTop;
    resize();
  };
  let scrolled: ReturnType<typeof setTimeout> | null = null;
  textarea.addEventListener('scroll', () => {
    backdrop.scrollTop = textarea.scrollTop;
    // Past the marked part, the marks follow once scrolling pauses.
    if (drawn === null || (drawn.from === 0 && drawn.to === drawn.text.length)) return;
    if (scrolled !== null) clearTimeout(scrolled);
    scrolled = setTimeout(() => {
      scrolled = null;
      if (drawn === null) return;
      const [a, b] = visibleRange(textarea, drawn.text.length, grid?.text === drawn.text ? grid.grid : null);
      if (a < drawn.from || b > drawn.to) render();
    }, SCROLL_DELAY_MS);
  });
  // While typing the old marks no longer fit the text: the backdrop (whose text is transparent)
  // stays empty until the page sets the new marks, so a keystroke does not lay out a long string twice.
  textarea.addEventListener('input', () => {
    backdrop.replaceChildren();
    drawn = null;
    spans = null;
    resize();
  });
  // A wider or narrower field wraps the text at other places: the marked part follows.
  let width = 0;
  new ResizeObserver(() => {
    if (textarea.clientWidth === width) return;
    width = textarea.clientWidth;
    if (drawn !== null && (drawn.from > 0 || drawn.to < drawn.text.length)) {
      drawn = null;
      render();
    }
  }).observe(textarea);
  return {
    element,
    textarea,
    setMarks(next) {
      if (next !== marks) spans = null;
      marks = next;
      render();
    },
  };
}

type Spans = Array<Mark & { start: number; end: number }>;

/** The marks within the text (an empty span marks the character at it), sorted by start. */
function clip(marks: readonly Mark[], text: string): Spans {
  return marks
    .map((m) => {
      const start = Math.max(0, Math.min(m.span.start, text.length));
      let end = Math.max(start, Math.min(m.span.end, text.length));
      if (end === start && start < text.length) end = start + 1;
      return { ...m, start, end };
    })
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start);
}

/**
 * How a string of printable ASCII without spaces wraps in the field: every line but the last
 * holds `perLine` characters (a monospace font, wrapped anywhere), each `lineHeight` pixels high
 * after `top` pixels of padding. Null for other strings (spaces hang at the end of a line, other
 * characters may be wider), or when the field's height says it wraps otherwise.
 */
interface Grid {
  perLine: number;
  lineHeight: number;
  top: number;
}

const PLAIN = /^[\x21-\x7e]*$/;

function measureGrid(textarea: HTMLTextAreaElement, text: string): Grid | null {
  if (!PLAIN.test(text)) return null;
  const style = getComputedStyle(textarea);
  const lineHeight = parseFloat(style.lineHeight);
  const top = parseFloat(style.paddingTop);
  const bottom = parseFloat(style.paddingBottom);
  if (!(lineHeight > 0) || !Number.isFinite(top) || !Number.isFinite(bottom)) return null;
  // The width of a line and of a character, in a hidden second backdrop (same font, padding, width).
  const PROBE = 256;
  const probe = h('span', {}, 'x'.repeat(PROBE));
  probe.style.whiteSpace = 'pre';
  const line = h('div', {}, probe);
  const box = h('div', { class: 'hl-backdrop', 'aria-hidden': 'true' }, line);
  box.style.visibility = 'hidden';
  textarea.before(box);
  const perLine = Math.floor(line.getBoundingClientRect().width / (probe.getBoundingClientRect().width / PROBE));
  box.remove();
  if (!(perLine > 0)) return null;
  // The field holds as many lines as the grid says (one character off would be thousands of lines off).
  const lines = Math.round((textarea.scrollHeight - top - bottom) / lineHeight);
  return lines === Math.max(1, Math.ceil(text.length / perLine)) ? { perLine, lineHeight, top } : null;
}

/**
 * The characters in view in the field: exact on a grid; otherwise estimated from how far it is
 * scrolled (a cipher string is one paragraph wrapped anywhere, in a monospace font, so lines hold
 * about as many characters each; the margin of MARKED_AROUND absorbs the difference).
 */
function visibleRange(textarea: HTMLTextAreaElement, length: number, grid: Grid | null): [number, number] {
  if (grid) {
    const first = Math.floor(Math.max(0, textarea.scrollTop - grid.top) / grid.lineHeight);
    const last = Math.ceil((textarea.scrollTop + textarea.clientHeight) / grid.lineHeight);
    return [Math.min(length, first * grid.perLine), Math.min(length, last * grid.perLine)];
  }
  const height = textarea.scrollHeight;
  if (height <= 0) return [0, Math.min(length, MARKED_AROUND)];
  const at = (y: number) => Math.round((Math.max(0, Math.min(y, height)) / height) * length);
  return [at(textarea.scrollTop), at(textarea.scrollTop + textarea.clientHeight)];
}

/**
 * The part of the text to mark: all of a short one; what is in view and around it in a long one,
 * from the start of a line on a grid.
 */
function windowOf(textarea: HTMLTextAreaElement, length: number, grid: Grid | null): [number, number] {
  if (length <= 2 * MARKED_AROUND) return [0, length];
  const [a, b] = visibleRange(textarea, length, grid);
  let from = Math.max(0, a - MARKED_AROUND);
  if (grid) from -= from % grid.perLine;
  return [from, Math.min(length, b + MARKED_AROUND)];
}

/**
 * Draws `text` with the marks over [from, to). The text after is left out (laying it out costs as
 * much as the rest) when `height` (the field's) is given. The text before is bare; on a grid it is
 * left out too, its lines replaced by as much empty space.
 */
function renderBackdrop(
  backdrop: HTMLElement,
  text: string,
  spans: Spans,
  from: number,
  to: number,
  height: number,
  grid: Grid | null,
): void {
  const inside = spans.filter((m) => m.end > from && m.start < to);
  const cuts = new Set<number>([from, to]);
  for (const m of inside) cuts.add(Math.max(from, m.start)).add(Math.min(to, m.end));
  const points = [...cuts].sort((a, b) => a - b);
  // A fragment, not an argument list: a long string has more pieces than a call takes arguments.
  const nodes = document.createDocumentFragment();
  if (from > 0 && !grid) nodes.append(text.slice(0, from));
  // One sweep over the marks sorted by start: the marks over a piece are those begun at or before
  // it and not yet ended (the cut points include every end), so long strings stay linear.
  let next = 0;
  let active: Spans = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const piece = text.slice(start, end);
    active = active.filter((m) => m.end > start);
    while (next < inside.length && inside[next]!.start <= start) {
      if (inside[next]!.end > start) active.push(inside[next]!);
      next++;
    }
    const over = active;
    if (over.length === 0) {
      nodes.append(piece);
      continue;
    }
    const worst = over.reduce((a, b) => (RANK[b.severity] < RANK[a.severity] ? b : a));
    nodes.append(
      h(
        'mark',
        { class: `hl-${worst.severity}`, 'data-codes': [...new Set(over.map((m) => m.code))].join(' ') },
        piece,
      ),
    );
  }
  if (to === text.length) {
    // A final newline needs something after it to take up its line, as in the textarea.
    nodes.append('\u200b');
  }
  if (height === 0 && !grid) {
    backdrop.replaceChildren(nodes);
    return;
  }
  const block = h('div', {});
  block.style.minHeight = `${height}px`;
  if (grid && from > 0) {
    const before = h('div', {});
    before.style.height = `${(from / grid.perLine) * grid.lineHeight}px`;
    block.append(before);
  }
  block.append(h('div', {}, nodes));
  backdrop.replaceChildren(block);
}
