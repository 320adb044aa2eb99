// The page: the inputs, the findings, and one of four views, all from the state in the URL
// fragment.
import { lint, policies, targets, type Diagnostic, type LintResult } from '../../src/index.js';
import { compareView } from './compare-view.js';
import { checkField, selectField } from './controls.js';
import { diagnosticsView, marksFor } from './diagnostics-view.js';
import { fill, h } from './dom.js';
import { highlightedInput, type Mark } from './highlight.js';
import {
  anyCapability,
  capabilities,
  defaultCiphersuites,
  isPeer,
  isTarget,
  optionsFor,
  peersFor,
  PROTOCOLS,
  protocolsOf,
  targetLabel,
} from './library.js';
import { listView, statusLine } from './list-view.js';
import { negotiateView } from './negotiate-view.js';
import { offerView } from './offer-view.js';
import { policyView } from './policy-view.js';
import { fromFragment, toFragment, VIEWS, type State, type View } from './state.js';

const VIEW_TITLES: Record<View, string> = {
  list: 'Expanded list',
  compare: 'Compare',
  offer: 'Effective offer (-s)',
  negotiate: 'Negotiate with a peer',
  policy: 'Policy and rewrite',
};

function allowed(key: keyof State, value: string): boolean {
  switch (key) {
    case 'view':
      return (VIEWS as readonly string[]).includes(value);
    case 'target':
    case 'target2':
      return isTarget(value);
    case 'cmp':
      return value === 'targets' || value === 'strings';
    case 'min':
    case 'max':
      return (PROTOCOLS as readonly string[]).includes(value);
    case 'peer':
      return isPeer(value);
    case 'role':
      return value === 'client' || value === 'server';
    case 'cert':
      return ['RSA', 'ECDSA', 'RSA+ECDSA'].includes(value);
    case 'pol':
      return policies().some((p) => p.id === value);
    default:
      return true;
  }
}

/**
 * A state the views can show: a peer that plays the other side of our role, and nothing the
 * targets in view cannot take (a security level, strict mode, a protocol it does not have), so
 * every setting in effect is one the page shows. Comparing two targets, a setting stays when
 * either side takes it.
 */
function normalize(state: State): State {
  const ids = peersFor(state.role).map((p) => p.id);
  const caps = capabilities(state.target);
  const any = anyCapability(state);
  const protocols = protocolsOf(state.target);
  const fit = (v: State['min']) => (v !== null && protocols.includes(v) ? v : null);
  return {
    ...state,
    peer: ids.includes(state.peer) ? state.peer : ids[0]!,
    sec: any.seclevel ? state.sec : null,
    strict: any.strict ? state.strict : false,
    cs: any.tls13 ? state.cs : null,
    min: fit(state.min),
    max: fit(state.max),
    srp: caps.srp ? state.srp : false,
  };
}

let state: State = normalize(fromFragment(location.hash, allowed));

/** Typing waits this long before the page evaluates and rewrites the URL. */
const TYPING_DELAY_MS = 150;
let pending: ReturnType<typeof setTimeout> | null = null;

/** Applies a change at once (a choice, a click): the page shows it and the URL follows. */
function set(patch: Partial<State>): void {
  if (pending !== null) clearTimeout(pending);
  pending = null;
  state = normalize({ ...state, ...patch });
  commit();
}

/** Applies a typed change: the page evaluates once the typing pauses, so a long paste stays responsive. */
function setTyped(patch: Partial<State>): void {
  state = normalize({ ...state, ...patch });
  if (pending !== null) clearTimeout(pending);
  main.setAttribute('aria-busy', 'true');
  pending = setTimeout(() => {
    pending = null;
    commit();
  }, TYPING_DELAY_MS);
}

function commit(): void {
  writeFragment();
  sync();
  render();
  main.removeAttribute('aria-busy');
}

/**
 * Fragments longer than this are written once changes pause, after the page shows the result:
 * the browser takes a third of a second to store a 1 MB URL.
 */
const LONG_FRAGMENT = 100_000;
const LONG_FRAGMENT_DELAY_MS = 250;
let written = location.hash;
let writing: ReturnType<typeof setTimeout> | null = null;

/** Puts the state in the URL (at once, or for a long string once changes pause). */
function writeFragment(): void {
  const fragment = toFragment(state);
  if (writing !== null) clearTimeout(writing);
  writing = null;
  const write = () => {
    writing = null;
    if (fragment === written) return;
    written = fragment;
    try {
      history.replaceState(null, '', fragment || location.pathname + location.search);
    } catch {
      // Past the browser's URL length limit (megabytes): the page still shows the string.
    }
  };
  if (fragment.length > LONG_FRAGMENT) writing = setTimeout(write, LONG_FRAGMENT_DELAY_MS);
  else write();
}

// The inputs.
const cipher = highlightedInput({
  id: 'cipher-string',
  label: 'Cipher string',
  hint: 'As SSL_CTX_set_cipher_list and openssl ciphers take it. Findings are marked in the text.',
});
cipher.textarea.addEventListener('input', () => setTyped({ s: cipher.textarea.value }));
const target = selectField(
  'target',
  'Target',
  targets.map((t) => ({ value: t, text: targetLabel(t) })),
  (v) => set({ target: v as State['target'] }),
);
const csDefault = checkField('cs-default', 'The release’s default TLS 1.3 list', (on) =>
  // Unticked, the field starts from the release's default list, to edit.
  set({ cs: on ? null : defaultCiphersuites(state.target) }),
);
const cs = highlightedInput({
  id: 'ciphersuites',
  label: 'TLS 1.3 list (ciphersuites)',
  hint: 'As SSL_CTX_set_ciphersuites takes it; empty: no TLS 1.3 suites.',
});
cs.textarea.addEventListener('input', () => setTyped({ cs: cs.textarea.value }));
const tls13 = h('div', { class: 'tls13' }, csDefault.element, cs.element);
const seclevel = selectField(
  'seclevel',
  'Security level before the string',
  [{ value: '', text: 'release default' }, ...[0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), text: String(n) }))],
  (v) => set({ sec: v === '' ? null : Number(v) }),
);
const strict = checkField('strict', 'Strict (SSL_CTX_set_strict_cipher_list)', (on) => set({ strict: on }));

// The status line (one live region, updated in place) and the findings.
const status = h('p', { id: 'status', class: 'status', role: 'status' });
const findings = h('div', { id: 'findings' });

// The views.
const views = {
  compare: compareView(set, setTyped),
  offer: offerView(set),
  negotiate: negotiateView(set),
  policy: policyView(set),
};
const tabs = VIEWS.map((v) =>
  h('button', { type: 'button', class: 'tab', 'data-view': v, onclick: () => set({ view: v }) }, VIEW_TITLES[v]),
);
const viewControls = h(
  'div',
  { id: 'view-controls' },
  views.compare.controls,
  views.offer.controls,
  views.negotiate.controls,
  views.policy.controls,
);
const viewTitle = h('h2', { id: 'view-title', tabindex: -1 });
const viewBody = h('div', { id: 'view-body', 'aria-live': 'off' });

const main = h(
  'main',
  {},
  h(
    'section',
    { class: 'inputs', 'aria-label': 'The string to evaluate' },
    cipher.element,
    h('div', { class: 'controls-row' }, target.element, seclevel.element, strict.element),
    tls13,
  ),
  status,
  h('section', { 'aria-labelledby': 'findings-title' }, h('h2', { id: 'findings-title' }, 'Findings'), findings),
  h('nav', { class: 'tabs', 'aria-label': 'Views' }, tabs),
  h('section', { class: 'view', 'aria-labelledby': 'view-title' }, viewTitle, viewControls, viewBody),
);

document.body.append(
  h(
    'header',
    { class: 'top' },
    h('h1', {}, 'cipherx'),
    h(
      'p',
      {},
      'OpenSSL cipher strings, evaluated as OpenSSL and BoringSSL do, in this page: nothing is sent anywhere.',
    ),
  ),
  main,
  h(
    'footer',
    {},
    'cipherx: the same library as the command line (',
    h('code', {}, 'npx cipherx'),
    '). Tables recorded from real builds of each release.',
  ),
);

function sync(): void {
  if (cipher.textarea.value !== state.s) cipher.textarea.value = state.s;
  target.set(state.target);
  const any = anyCapability(state);
  tls13.hidden = !capabilities(state.target).tls13;
  csDefault.set(state.cs === null);
  if (state.cs !== null && cs.textarea.value !== state.cs) cs.textarea.value = state.cs;
  cs.element.hidden = state.cs === null;
  seclevel.element.hidden = !any.seclevel;
  seclevel.set(state.sec === null ? '' : String(state.sec));
  strict.element.hidden = !any.strict;
  strict.set(state.strict);
  for (const b of tabs) b.setAttribute('aria-pressed', String(b.dataset.view === state.view));
  views.compare.controls.hidden = state.view !== 'compare';
  // The protocol range and PSK/SRP set-up shape the negotiation too: shown in both views.
  views.offer.controls.hidden = state.view !== 'offer' && state.view !== 'negotiate';
  views.negotiate.controls.hidden = state.view !== 'negotiate';
  views.compare.sync(state);
  views.offer.sync(state);
  views.policy.controls.hidden = state.view !== 'policy';
  views.negotiate.sync(state);
  views.policy.sync(state);
}

/** Puts the caret on a finding's span in the input it points into. */
function show(d: Diagnostic): void {
  const field = d.source === 'ciphersuites' ? cs.textarea : cipher.textarea;
  field.focus();
  if (d.span) field.setSelectionRange(d.span.start, d.span.end);
}

function setStatus(ok: boolean, ...children: Array<Node | string>): void {
  status.className = `status ${ok ? 'status-ok' : 'status-bad'}`;
  status.replaceChildren(...children);
}

/** What opened the explanation (a selector), to take the focus back to when it closes. */
let opener: string | null = null;

function explain(suite: string | null, from?: string): void {
  if (suite !== null) opener = from ?? null;
  set({ suite });
  if (suite !== null) {
    const heading = document.getElementById('explain-title');
    heading?.focus();
    heading?.scrollIntoView({ block: 'nearest' });
  } else {
    const back = opener ? document.querySelector<HTMLElement>(opener) : null;
    (back ?? viewTitle).focus();
    opener = null;
  }
}

/**
 * The last lint() call: its string, options and result (null: it threw, with `error`). A change of
 * view, or of a view's own control, shows the same findings without evaluating the string again.
 */
let linted: {
  s: string;
  options: string;
  result: LintResult | null;
  error: string;
  marks: { cipher: Mark[]; cs: Mark[] };
} | null = null;

function render(): void {
  const options = optionsFor(state, state.target);
  const key = JSON.stringify(options);
  if (linted === null || linted.s !== state.s || linted.options !== key) {
    const start = performance.now();
    let result: LintResult | null = null;
    let error = '';
    try {
      // Every finding: each is marked in the string (the list shows the first 200).
      result = lint(state.s, { ...options, maxDiagnostics: Infinity });
    } catch (e) {
      error = (e as Error).message;
    }
    // The library's part of a render, for the speed test (e2e/speed.test.ts).
    performance.measure('cipherx:lint', { start });
    const marks = {
      cipher: result ? marksFor(result.diagnostics, 'cipher-list') : [],
      cs: result ? marksFor(result.diagnostics, 'ciphersuites') : [],
    };
    linted = { s: state.s, options: key, result, error, marks };
    // The marks first: they measure the field, which is cheapest before the rest changes.
    cipher.setMarks(marks.cipher);
    cs.setMarks(marks.cs);
    if (result) {
      const line = statusLine(result, state.target);
      setStatus(line.ok, ...line.children);
      fill(findings, diagnosticsView(result.diagnostics, state.target, show));
    } else {
      setStatus(false, h('strong', {}, 'Not evaluated'), `: ${error}`);
      fill(findings);
    }
  }
  // Drawn again only where the text, the marks or the part in view changed.
  cipher.setMarks(linted.marks.cipher);
  cs.setMarks(linted.marks.cs);
  const result = linted.result;
  viewTitle.textContent = VIEW_TITLES[state.view];
  document.title = `cipherx — ${VIEW_TITLES[state.view]}`;
  try {
    fill(viewBody, renderView(options, result));
  } catch (e) {
    // The controls only offer what the target takes; should the library still refuse, say so.
    fill(viewBody, h('p', { class: 'status status-bad' }, `This view cannot be shown: ${(e as Error).message}`));
  }
}

function renderView(options: ReturnType<typeof optionsFor>, result: LintResult | null): Node[] {
  switch (state.view) {
    case 'list':
      return result
        ? listView({
            input: state.s,
            target: state.target,
            options,
            lint: result,
            suite: state.suite,
            onExplain: explain,
          })
        : [];
    case 'compare':
      return views.compare.render(state);
    case 'offer':
      return views.offer.render(state);
    case 'negotiate':
      return views.negotiate.render(state);
    case 'policy':
      return views.policy.render(state);
  }
}

window.addEventListener('hashchange', () => {
  // The fragment written by hand (or by a link) wins over one still waiting to be written.
  if (writing !== null) clearTimeout(writing);
  writing = null;
  written = location.hash;
  const next = normalize(fromFragment(location.hash, allowed));
  if (toFragment(next) === toFragment(state)) return;
  if (pending !== null) clearTimeout(pending);
  pending = null;
  state = next;
  sync();
  render();
  main.removeAttribute('aria-busy');
});

sync();
render();
