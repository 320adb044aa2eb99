// A named policy: whether the string meets it on the target, and why not (each finding with the
// element that causes it).
import { check, policies, policyFindings, type PolicyCheck } from '../../src/index.js';
import { fix, minimize, suggest } from '../../src/write/index.js';
import { selectField } from './controls.js';
import { count, h, prose } from './dom.js';
import { optionsFor } from './library.js';
import type { State } from './state.js';

export interface PolicyView {
  controls: HTMLElement;
  sync(state: State): void;
  render(state: State): Node[];
}

export function policyView(set: (p: Partial<State>) => void): PolicyView {
  use = (s: string) => set({ s });
  const policy = selectField(
    'policy',
    'Policy',
    policies().map((p) => ({ value: p.id, text: `${p.title} (${p.source.edition})` })),
    (v) => set({ pol: v }),
  );
  return {
    controls: h('div', { class: 'controls-row' }, policy.element),
    sync(state) {
      policy.set(state.pol);
    },
    render: (state) => render(state),
  };
}

/** The check of the string on the target in view, with the page's context. */
export function checkOf(state: State): PolicyCheck {
  const { target, ciphersuites, seclevel, strict } = optionsFor(state, state.target);
  return check(state.s, { policy: state.pol, targets: [target!], ciphersuites, seclevel, strict });
}

/** Longer strings are not rewritten in the page: fix and minimize evaluate them many times over. */
const WRITE_LIMIT = 4000;

/** Puts a written string in the input (set by policyView). */
let use: (s: string) => void = () => {};

function render(state: State): Node[] {
  return [...renderCheck(state), ...renderWritten(state)];
}

/** A written string, with a button that puts it in the input. */
function written(id: string, title: string, text: string | null, notes: Array<Node | string>): Node {
  return h(
    'div',
    { class: 'written', id },
    h('h4', {}, title),
    text === null
      ? h('p', {}, 'No string.')
      : h(
          'p',
          {},
          h('code', { class: 'written-string' }, text),
          ' ',
          h('button', { type: 'button', class: 'use', onclick: () => use(text) }, 'Use this string'),
        ),
    notes.length
      ? h(
          'ul',
          { class: 'written-notes' },
          notes.map((n) => h('li', {}, typeof n === 'string' ? prose(n) : n)),
        )
      : '',
  );
}

/** The string fixed and minimized for the target, and one written for the policy. */
function renderWritten(state: State): Node[] {
  const { target, ciphersuites, seclevel, strict } = optionsFor(state, state.target);
  if (state.s.length > WRITE_LIMIT) {
    return [
      h('h3', { class: 'written-title' }, 'Written by cipherx'),
      h(
        'p',
        { id: 'written-too-long' },
        `The string is longer than ${WRITE_LIMIT.toLocaleString('en')} characters: the page does not rewrite it (each rewrite evaluates it many times). `,
        h('code', {}, 'cipherx fix'),
        ', ',
        h('code', {}, 'cipherx minimize'),
        ' and ',
        h('code', {}, 'cipherx suggest'),
        ' do, with a budget.',
      ),
    ];
  }
  const context = { targets: [target!], ciphersuites, seclevel, strict };
  const fixed = fix(state.s, context);
  const small = minimize(state.s, context);
  const suggested = suggest({ policy: state.pol }, { targets: [target!], seclevel });
  const fixNotes = fixed.ok
    ? fixed.changes.length === 0
      ? ['Nothing to fix.']
      : fixed.changes.map((c) => `${c.code}: ${c.description}`)
    : [`The target rejects the string: nothing to fix.`];
  const smallNotes = small.ok
    ? [
        small.string.length < small.input.length
          ? `${small.input.length - small.string.length} characters shorter, the same list (proven by evaluating it).`
          : 'Already as short as cipherx can prove.',
      ]
    : ['The target rejects the string: no list to keep.'];
  const suggestNotes = suggested.ok
    ? [
        `Gives exactly the policy’s suites this build has (${count(suggested.proof[0]?.ciphers.length ?? 0, 'suite')}), proven by evaluating it.`,
      ]
    : ['No cipher string gives the policy’s suites here (see cipherx suggest for why).'];
  return [
    h('h3', { class: 'written-title' }, 'Written by cipherx'),
    written('fixed', 'Fixed (lint’s fixes applied)', fixed.ok ? fixed.string : null, fixNotes),
    written('minimized', 'Minimized', small.ok ? small.string : null, smallNotes),
    written('suggested', `Suggested for ${state.pol}`, suggested.ok ? suggested.string : null, suggestNotes),
  ];
}

function renderCheck(state: State): Node[] {
  const r = checkOf(state);
  const c = r.targets[0]!;
  const source = r.policy.source;
  const cite = h(
    'p',
    { class: 'hint' },
    `${source.publisher}, ${source.document} ${source.edition}: `,
    h('a', { href: source.url, rel: 'noreferrer' }, source.url),
  );
  if (c.error) {
    return [
      cite,
      h(
        'p',
        { class: 'status status-bad', id: 'policy-verdict' },
        `Fails: the target rejects the string (${c.error.code}).`,
      ),
    ];
  }
  // The library's findings, as lint --policy and cipherx check report them.
  const items = policyFindings(c, r.policy.id).map((d) => h('li', { 'data-code': d.code }, prose(d.message)));
  return [
    cite,
    h(
      'p',
      { class: `status ${c.pass ? 'status-ok' : 'status-bad'}`, id: 'policy-verdict' },
      h('strong', {}, c.pass ? 'Meets the policy' : 'Fails the policy'),
      ` on ${c.target}: ${count(c.ciphers.length, 'suite')} in the list`,
      c.unavailable.length ? `; ${count(c.unavailable.length, 'allowed suite')} this build does not have` : '',
      '.',
    ),
    items.length
      ? h('ul', { class: 'policy-findings' }, items)
      : h('p', {}, 'Nothing in the list is outside the policy.'),
  ];
}
