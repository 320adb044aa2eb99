// The simulated handshake with a built-in peer: the version, the suite, whose order decided,
// and the known hazards with their sources.
import {
  negotiate,
  type Negotiation,
  type NegotiateOptions,
  type PeerId,
  type ProtocolVersion,
} from '../../src/index.js';
import { checkField, radioGroup, selectField } from './controls.js';
import { count, h, prose } from './dom.js';
import { optionsFor, peersFor } from './library.js';
import type { State } from './state.js';

export interface NegotiateView {
  controls: HTMLElement;
  sync(state: State): void;
  render(state: State): Node[];
}

const peerChoices = (role: State['role']) => peersFor(role).map((p) => ({ value: p.id, text: `${p.name} (${p.id})` }));

export function negotiateView(set: (p: Partial<State>) => void): NegotiateView {
  const role = radioGroup(
    'role',
    'Our side is the',
    [
      { value: 'client', text: 'client' },
      { value: 'server', text: 'server' },
    ],
    (v) => {
      const r = v as State['role'];
      const ids = peersFor(r).map((p) => p.id);
      set({ role: r, ...(ids.includes(current.peer) ? {} : { peer: ids[0]! }) });
    },
  );
  const peer = selectField('peer', 'Peer', peerChoices('client'), (v) => set({ peer: v }));
  const cert = selectField(
    'cert',
    'Our certificate',
    ['RSA', 'ECDSA', 'RSA+ECDSA'].map((c) => ({ value: c, text: c })),
    (v) => set({ cert: v as State['cert'] }),
  );
  const pref = checkField('server-pref', 'Choose by our order (server preference)', (on) => set({ serverPref: on }));
  let current: State;
  return {
    controls: h('div', { class: 'controls-row' }, role.element, peer.element, cert.element, pref.element),
    sync(state) {
      current = state;
      role.set(state.role);
      peer.setChoices(peerChoices(state.role));
      peer.set(state.peer);
      cert.set(state.cert);
      pref.set(state.serverPref);
      cert.element.hidden = state.role !== 'server';
      pref.element.hidden = state.role !== 'server';
    },
    render: (state) => render(state),
  };
}

export function negotiationOf(state: State): Negotiation {
  const o = optionsFor(state, state.target);
  const supported: { minProtocol?: ProtocolVersion; maxProtocol?: ProtocolVersion; psk: boolean; srp: boolean } = {
    psk: state.psk,
    srp: state.srp,
  };
  if (state.min) supported.minProtocol = state.min;
  if (state.max) supported.maxProtocol = state.max;
  const options: NegotiateOptions = {
    local: state.s,
    target: state.target,
    role: state.role,
    // A built-in id (the page offers only those); negotiate() checks it.
    peer: state.peer as PeerId,
    supported,
  };
  if (o.ciphersuites !== undefined) options.ciphersuites = o.ciphersuites;
  if (o.seclevel !== undefined) options.seclevel = o.seclevel;
  if (state.role === 'server') {
    options.certificate = state.cert;
    options.serverPreference = state.serverPref;
  }
  return negotiate(options);
}

function render(state: State): Node[] {
  let n: Negotiation;
  try {
    n = negotiationOf(state);
  } catch (e) {
    return [h('p', { class: 'status status-bad' }, `This view cannot be shown: ${(e as Error).message}`)];
  }
  // Newest first, as `cipherx negotiate` prints them.
  const range = (v: readonly string[]) => (v.length ? [...v].reverse().join(' ') : 'none');
  const rows: Array<[string, Node | string]> = [
    ['our side', `${n.local.target} (${n.local.role})`],
    ['peer', `${n.peer.name} (${n.peer.role})`],
    ['protocols', `ours: ${range(n.local.offer.protocols)}; theirs: ${range(n.peer.protocols)}`],
    ['protocol', n.protocol ?? '—'],
    [
      'suite',
      n.suite ? h('span', {}, h('code', {}, n.suite.name), n.suite.stdname ? ` (${n.suite.stdname})` : '') : '—',
    ],
  ];
  if (n.suite) {
    rows.push([
      'chosen by',
      `the ${n.preference}'s order (the server is ${n.local.role === 'server' ? 'ours' : 'theirs'}); ${count(n.shared.length, 'suite')} usable by both`,
    ]);
    if (n.shared.length > 1)
      rows.push([
        'next',
        n.shared
          .slice(1, 4)
          .map((s) => s.name)
          .join(', '),
      ]);
  }
  return [
    h(
      'p',
      { class: `status ${n.ok ? 'status-ok' : 'status-bad'}`, id: 'negotiate-result' },
      h('strong', {}, n.ok ? 'The handshake completes' : 'The handshake FAILS'),
      n.ok ? '' : `: ${n.failure!.message}`,
    ),
    h(
      'dl',
      { class: 'facts' },
      rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', { 'data-fact': k }, v)]),
    ),
    h('h3', {}, `Hazards (${n.hazards.length})`),
    n.hazards.length === 0
      ? h('p', {}, 'No known hazard for this peer, version and suite.')
      : h(
          'ul',
          { class: 'hazards' },
          n.hazards.map((z) =>
            h(
              'li',
              { class: `diag diag-${z.severity}`, 'data-hazard': z.id },
              h('span', { class: `sev sev-${z.severity}` }, z.severity === 'info' ? 'note' : z.severity),
              ' ',
              h('code', {}, z.id),
              ' ',
              h('strong', {}, z.title),
              h('p', {}, prose(z.description)),
              h(
                'ul',
                { class: 'sources' },
                z.sources.map((s) => h('li', {}, 'source: ', h('a', { href: s.url, rel: 'noreferrer' }, s.title))),
              ),
            ),
          ),
        ),
  ];
}
