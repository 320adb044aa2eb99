// A text field whose terms can be marked: a transparent textarea over a backdrop that repeats
// its text with <mark> around the marked spans (same font, padding and wrapping).
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
  textarea.addEventListener('scroll', () => {
    backdrop.scrollTop = textarea.scrollTop;
  });
  let marks: readonly Mark[] = [];
  const autosize = !CSS.supports('field-sizing', 'content');
  const resize = () => {
    if (autosize) {
      textarea.style.height = 'auto';
      textarea.style.height = `${textarea.scrollHeight + 2}px`;
    }
  };
  const render = () => {
    renderBackdrop(backdrop, textarea.value, marks);
    resize();
  };
  // While typing the old marks no longer fit the text: the backdrop holds the bare text until
  // the page sets the new marks.
  textarea.addEventListener('input', () => {
    backdrop.textContent = `${textarea.value}\u200b`;
    resize();
  });
  return {
    element,
    textarea,
    setMarks(next) {
      marks = next;
      render();
    },
  };
}

function renderBackdrop(backdrop: HTMLElement, text: string, marks: readonly Mark[]): void {
  const spans = marks
    .map((m) => {
      const start = Math.max(0, Math.min(m.span.start, text.length));
      let end = Math.max(start, Math.min(m.span.end, text.length));
      if (end === start && start < text.length) end = start + 1;
      return { ...m, start, end };
    })
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, text.length]);
  for (const m of spans) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  // A fragment, not an argument list: a long string has more pieces than a call takes arguments.
  const nodes = document.createDocumentFragment();
  // One sweep over the marks sorted by start: the marks over a piece are those begun at or before
  // it and not yet ended (the cut points include every end), so long strings stay linear.
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  let next = 0;
  let active: typeof spans = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const piece = text.slice(from, to);
    active = active.filter((m) => m.end > from);
    while (next < byStart.length && byStart[next]!.start <= from) {
      if (byStart[next]!.end > from) active.push(byStart[next]!);
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
  // A final newline needs something after it to take up its line, as in the textarea.
  nodes.append('\u200b');
  backdrop.replaceChildren(nodes);
}
