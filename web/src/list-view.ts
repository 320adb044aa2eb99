// The expanded list: status, the suite table, the `openssl ciphers -v` text, what every
// element did, and why a suite is (or is not) there.
import {
  describeTerm,
  explainSuite,
  formatCiphers,
  renderSuiteAnswer,
  type ExpandOptions,
  type LintResult,
  type TargetName,
} from '../../src/index.js';
import { count, h, prose } from './dom.js';
import { vTool } from './library.js';
import { suiteTable } from './suite-table.js';

export interface ListViewInput {
  input: string;
  target: TargetName;
  options: ExpandOptions;
  lint: LintResult;
  suite: string | null;
  /** Opens (or with null closes) an explanation; `from` selects what opened it. */
  onExplain: (suite: string | null, from?: string) => void;
}

/** The status line's content: accepted or rejected, with the counts. */
export function statusLine(r: LintResult, target: TargetName): { ok: boolean; children: Array<Node | string> } {
  const res = r.result;
  if (!res.ok) {
    return {
      ok: false,
      children: [h('strong', {}, 'Rejected'), ` by ${target}: ${res.error!.code} — ${res.error!.message}`],
    };
  }
  const sec = r.security?.summary;
  return {
    ok: true,
    children: [
      h('strong', {}, 'Accepted'),
      ` by ${target}: ${count(res.ciphers.length, 'suite')}`,
      res.seclevel !== null ? `, security level ${res.seclevel}` : '',
      // The CLI's words (`cipherx lint`), saying which list: the one the string configures, what
      // `openssl ciphers` prints; the effective offer view rates what the context sends.
      sec?.rating ? `; worst suite offered (configured list): ${sec.rating}, first preference: ${sec.first}` : '',
    ],
  };
}

export function listView(v: ListViewInput): HTMLElement[] {
  const res = v.lint.result;
  const out: HTMLElement[] = [];
  if (v.suite !== null) out.push(explainPanel(v));
  out.push(
    h(
      'p',
      { class: 'hint' },
      `${res.ciphers.some((c) => c.protocol === 'TLSv1.3') ? 'TLS 1.3 suites first, in' : 'In'} preference order. Select a name to see which element put it there.`,
    ),
    suiteTable(res.ciphers, {
      caption: `Suites of the string on ${v.target}`,
      onExplain: (s) => v.onExplain(s, `button[data-suite="${CSS.escape(s)}"]`),
      selected: v.suite,
    }),
    whyForm(v),
    openSslText(res.ciphers, v.target),
    h('h3', {}, 'What each element did'),
    ...[traceList(v.lint)].flat(),
  );
  return out;
}

function explainPanel(v: ListViewInput): HTMLElement {
  let text: string;
  try {
    const { explanation, answer } = explainSuite(v.input, v.suite!, v.options);
    text = renderSuiteAnswer(answer, explanation).trim();
  } catch (e) {
    text = (e as Error).message;
  }
  return h(
    'section',
    { class: 'explain', 'aria-labelledby': 'explain-title', id: 'explain' },
    h('h3', { id: 'explain-title', tabindex: -1 }, `Why ${v.suite}?`),
    h('p', { class: 'answer' }, prose(text)),
    h('button', { type: 'button', class: 'small', onclick: () => v.onExplain(null) }, 'Close'),
  );
}

function whyForm(v: ListViewInput): HTMLElement {
  const input = h('input', {
    id: 'why-suite',
    type: 'text',
    spellcheck: 'false',
    autocapitalize: 'off',
    placeholder: 'e.g. DHE-RSA-AES256-GCM-SHA384',
  });
  return h(
    'form',
    {
      class: 'why',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const name = input.value.trim();
        if (name) v.onExplain(name, '#why-suite');
      },
    },
    h('label', { for: 'why-suite' }, 'Why is a suite not here? '),
    input,
    h('button', { type: 'submit' }, 'Explain'),
  );
}

function openSslText(ciphers: LintResult['result']['ciphers'], target: TargetName): HTMLElement {
  const text = ciphers.length ? formatCiphers(ciphers, 'v', target) : '';
  const tool = vTool(target);
  const pre = h('pre', { class: 'v-text', id: 'v-text', tabindex: 0, 'aria-label': `${tool} output` }, text);
  const status = h('span', { class: 'copied', 'aria-live': 'polite' });
  const copy = h(
    'button',
    {
      type: 'button',
      class: 'small',
      onclick: () => {
        const done = () => (status.textContent = 'Copied.');
        const select = () => {
          const range = document.createRange();
          range.selectNodeContents(pre);
          const sel = window.getSelection();
          sel?.removeAllRanges();
          sel?.addRange(range);
          status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
        };
        if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, select);
        else select();
      },
    },
    'Copy',
  );
  return h(
    'section',
    { 'aria-labelledby': 'v-title' },
    h('h3', { id: 'v-title' }, 'As ', h('code', {}, tool), ' prints it'),
    h('div', { class: 'toolbar' }, copy, status),
    pre,
  );
}

/** How many elements the page describes one by one. */
const ELEMENTS_SHOWN = 500;

function traceList(r: LintResult): HTMLElement | HTMLElement[] {
  const trace = r.result.trace;
  if (trace.length === 0) return h('p', {}, 'The string has no elements.');
  const rest = trace.length - ELEMENTS_SHOWN;
  const list = h(
    'ol',
    { class: 'trace' },
    trace.slice(0, ELEMENTS_SHOWN).map((e) =>
      h(
        'li',
        { class: `effect-${e.effect}`, 'data-effect': e.effect },
        h('code', { class: 'term' }, e.text),
        ' ',
        h('span', {}, prose(describeTerm(e, trace))),
        e.items
          ? h(
              'ul',
              {},
              e.items.map((i) => h('li', {}, h('code', { class: 'term' }, i.text), ' ', prose(describeTerm(i, trace)))),
            )
          : null,
      ),
    ),
  );
  return rest > 0 ? [list, h('p', { class: 'hint' }, `${count(rest, 'more element')} not shown.`)] : list;
}
