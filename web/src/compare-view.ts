// Side by side: one string on two targets (upgrade impact), or two strings on one target
// (before / after), with what was added, removed and moved.
import { diffResults, expand, targets, type ExpandOptions, type ExpandResult } from '../../src/index.js';
import { radioGroup, selectField, textField } from './controls.js';
import { count, h } from './dom.js';
import { capabilities, optionsFor, targetLabel } from './library.js';
import type { State } from './state.js';

export interface CompareView {
  controls: HTMLElement;
  sync(state: State): void;
  render(state: State): Node[];
}

export function compareView(set: (p: Partial<State>) => void, setTyped: (p: Partial<State>) => void): CompareView {
  const mode = radioGroup(
    'cmp',
    'Compare',
    [
      { value: 'targets', text: 'this string on two targets' },
      { value: 'strings', text: 'two strings on this target' },
    ],
    (v) => set({ cmp: v as State['cmp'] }),
  );
  const target2 = selectField(
    'target2',
    'Second target',
    targets.map((t) => ({ value: t, text: targetLabel(t) })),
    (v) => set({ target2: v as State['target2'] }),
  );
  const s2 = textField('s2', 'After: the other cipher string', (v) => setTyped({ s2: v }));
  const controls = h('div', { class: 'controls-row' }, mode.element, target2.element, s2.element);
  return {
    controls,
    sync(state) {
      mode.set(state.cmp);
      target2.set(state.target2);
      s2.set(state.s2);
      target2.element.hidden = state.cmp !== 'targets';
      s2.element.hidden = state.cmp !== 'strings';
    },
    render: (state) => render(state),
  };
}

interface SideInput {
  label: string;
  /** The settings this side was evaluated with, in words. */
  settings: string;
  result: ExpandResult | null;
  error: string | null;
}

/** The options a side is evaluated with, as the controls above show them. */
function describeOptions(o: ExpandOptions, target: State['target']): string {
  const caps = capabilities(target);
  const parts = [
    !caps.seclevel
      ? 'no security levels'
      : o.seclevel !== undefined
        ? `security level ${o.seclevel} set before the string`
        : 'the release’s default security level',
    !caps.tls13 ? 'no TLS 1.3' : o.ciphersuites !== undefined ? 'the TLS 1.3 list above' : 'the default TLS 1.3 list',
  ];
  if (caps.strict) parts.push(o.strict ? 'strict' : 'not strict');
  return parts.join('; ');
}

function side(label: string, input: string, state: State, target: State['target']): SideInput {
  const options = optionsFor(state, target);
  const settings = describeOptions(options, target);
  try {
    return { label, settings, result: expand(input, options), error: null };
  } catch (e) {
    return { label, settings, result: null, error: (e as Error).message };
  }
}

function render(state: State): Node[] {
  const before =
    state.cmp === 'targets'
      ? side(`before: ${targetLabel(state.target)}`, state.s, state, state.target)
      : side(`before: the string above`, state.s, state, state.target);
  const after =
    state.cmp === 'targets'
      ? side(`after: ${targetLabel(state.target2)}`, state.s, state, state.target2)
      : side(`after: the other string`, state.s2, state, state.target);
  if (!before.result || !after.result) {
    return [h('p', { class: 'status status-bad' }, before.error ?? after.error ?? '')];
  }
  const d = diffResults(before.result, after.result);
  const added = new Set(d.added.map((a) => a.name));
  const removed = new Set(d.removed.map((a) => a.name));
  const moved = new Set(d.moved.map((a) => a.name));
  const summary = h(
    'ul',
    { class: 'diff-summary' },
    h('li', {}, h('strong', { class: 'mk-added' }, `+ ${d.added.length}`), ' added'),
    h('li', {}, h('strong', { class: 'mk-removed' }, `− ${d.removed.length}`), ' removed'),
    h('li', {}, h('strong', { class: 'mk-moved' }, `~ ${d.moved.length}`), ' moved'),
    h('li', {}, `${d.unchanged} unchanged`),
    h(
      'li',
      {},
      'first preference: ',
      d.firstPreference.changed
        ? `${d.firstPreference.before ?? 'none'} → ${d.firstPreference.after ?? 'none'}`
        : `${d.firstPreference.after ?? 'none'} (unchanged)`,
    ),
    d.before.seclevel !== d.after.seclevel
      ? h('li', {}, `security level: ${d.before.seclevel ?? 'none'} → ${d.after.seclevel ?? 'none'}`)
      : null,
    d.tls13Changed ? h('li', {}, 'the TLS 1.3 suites differ') : null,
    d.identical ? h('li', {}, h('strong', {}, 'identical lists')) : null,
  );
  const column = (s: SideInput, mark: (name: string) => 'added' | 'removed' | 'moved' | null, id: string) => {
    const r = s.result!;
    const head = h(
      'h3',
      { id },
      s.label,
      h(
        'span',
        { class: 'side-status' },
        r.ok ? ` — ${count(r.ciphers.length, 'suite')}` : ` — rejected: ${r.error!.code}`,
      ),
    );
    const items = r.ciphers.map((c) => {
      const m = mark(c.name);
      const sign = m === 'added' ? '+' : m === 'removed' ? '−' : m === 'moved' ? '~' : ' ';
      return h(
        'li',
        { class: m ? `mk-${m}` : null, 'data-name': c.name, 'data-change': m ?? 'same' },
        h('span', { class: 'sign', 'aria-hidden': 'true' }, sign),
        m ? h('span', { class: 'sr-only' }, `${m}: `) : null,
        c.name,
      );
    });
    return h(
      'section',
      { class: 'side', 'aria-labelledby': id },
      head,
      h('p', { class: 'hint side-settings' }, s.settings),
      h('ol', { class: 'side-list' }, items),
    );
  };
  return [
    summary,
    h(
      'div',
      { class: 'sides' },
      column(before, (n) => (removed.has(n) ? 'removed' : moved.has(n) ? 'moved' : null), 'side-before'),
      column(after, (n) => (added.has(n) ? 'added' : moved.has(n) ? 'moved' : null), 'side-after'),
    ),
  ];
}
