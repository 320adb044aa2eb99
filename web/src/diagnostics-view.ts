// The findings about the string, each pointing at its place in the input.
import type { Diagnostic, TargetName } from '../../src/index.js';
import { count, h, prose } from './dom.js';
import { fixFor } from './fix-hints.js';
import type { Mark } from './highlight.js';

/** The marks to draw in one input: the findings with a span into it. */
export function marksFor(diagnostics: readonly Diagnostic[], source: 'cipher-list' | 'ciphersuites'): Mark[] {
  return diagnostics
    .filter((d) => d.span && (d.source ?? 'cipher-list') === source)
    .map((d) => ({ span: d.span!, severity: d.severity, code: d.code, message: d.message }));
}

/** How many findings the page lists: a pasted string of thousands of terms stays usable. */
const SHOWN = 200;
/** How many are in view before the rest is unfolded, so the views below stay close. */
const FIRST = 3;
/** Whether the reader unfolded the rest (kept across renders while typing). */
let unfolded = false;

export function diagnosticsView(
  diagnostics: readonly Diagnostic[],
  target: TargetName,
  show: (d: Diagnostic) => void,
): HTMLElement | HTMLElement[] {
  const n = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) n[d.severity]++;
  const summary = h(
    'p',
    { class: 'diag-summary' },
    diagnostics.length === 0
      ? 'No findings.'
      : `${count(n.error, 'error')}, ${count(n.warning, 'warning')}, ${count(n.info, 'note')}`,
  );
  const item = (d: Diagnostic) => {
    // Only the part of the hint that applies to this target (no other release's words).
    const fix = d.fix ? fixFor(d.fix.description, target) : null;
    return h(
      'li',
      { class: `diag diag-${d.severity}`, 'data-code': d.code },
      h('span', { class: `sev sev-${d.severity}` }, d.severity === 'info' ? 'note' : d.severity),
      ' ',
      h('code', { class: 'code' }, d.code),
      ' ',
      h('span', { class: 'msg' }, prose(d.message)),
      fix ? h('span', { class: 'fix' }, ' Fix: ', prose(fix)) : null,
      d.span
        ? h(
            'button',
            { type: 'button', class: 'small', onclick: () => show(d) },
            d.source === 'ciphersuites' ? 'Show in the TLS 1.3 list' : 'Show in the string',
          )
        : null,
    );
  };
  const listed = diagnostics.slice(0, SHOWN);
  const out: HTMLElement[] = [summary, h('ul', { class: 'diags' }, listed.slice(0, FIRST).map(item))];
  const rest = diagnostics.length - SHOWN;
  if (listed.length > FIRST) {
    const more = h(
      'details',
      { class: 'more-diags', open: unfolded },
      h('summary', {}, `${count(diagnostics.length - FIRST, 'more finding')}`),
      h('ul', { class: 'diags' }, listed.slice(FIRST).map(item)),
      rest > 0
        ? h('p', { class: 'hint' }, `${count(rest, 'more finding')} not shown (the command line lists them all).`)
        : null,
    );
    more.addEventListener('toggle', () => {
      unfolded = more.open;
    });
    out.push(more);
  }
  return out;
}
