// What a context really offers (`openssl ciphers -s`): the security level's rules, the protocol
// range, PSK and SRP.
import { assessList, expand, type DropReason, type ExpandResult, type ProtocolVersion } from '../../src/index.js';
import { checkField, selectField } from './controls.js';
import { count, h } from './dom.js';
import { capabilities, PROTOCOLS, optionsFor, protocolsOf } from './library.js';
import type { State } from './state.js';
import { suiteTable } from './suite-table.js';

const REASONS: Record<DropReason, string> = {
  'no-signature-algorithm': 'Suite B leaves no signature algorithm for its authentication',
  'psk-not-enabled': 'a PSK suite, and no PSK is configured',
  'srp-not-enabled': 'an SRP suite, and no SRP is configured',
  'no-protocol': 'no protocol version is left enabled',
  'protocol-range': 'its protocol versions are outside the enabled range',
  'below-minimum-bits': 'below the security level’s minimum bits',
  anonymous: 'anonymous: not offered from level 1',
  'md5-mac': 'HMAC-MD5: not offered from level 1',
  'sha1-mac': 'HMAC-SHA1: not offered from level 4',
  rc4: 'RC4: not offered from level 2 (1.1.0 to 3.1)',
  'no-forward-secrecy': 'no forward secrecy: not offered from level 3',
};

export interface OfferView {
  controls: HTMLElement;
  sync(state: State): void;
  render(state: State): Node[];
}

export function offerView(set: (p: Partial<State>) => void): OfferView {
  const versions = [{ value: '', text: 'release default' }, ...PROTOCOLS.map((p) => ({ value: p, text: p }))];
  const min = selectField('min', 'Lowest protocol', versions, (v) =>
    set({ min: (v || null) as ProtocolVersion | null }),
  );
  const max = selectField('max', 'Highest protocol', versions, (v) =>
    set({ max: (v || null) as ProtocolVersion | null }),
  );
  const psk = checkField('psk', 'PSK configured (-psk)', (on) => set({ psk: on }));
  const srp = checkField('srp', 'SRP configured (-srp)', (on) => set({ srp: on }));
  return {
    controls: h('div', { class: 'controls-row' }, min.element, max.element, psk.element, srp.element),
    sync(state) {
      // Only the versions this target has can be chosen; SRP only where it exists.
      const have = protocolsOf(state.target);
      for (const field of [min, max]) {
        for (const option of field.element.querySelectorAll('option')) {
          const off = option.value !== '' && !have.includes(option.value as ProtocolVersion);
          option.disabled = off;
          option.hidden = off;
        }
      }
      srp.element.hidden = !capabilities(state.target).srp;
      min.set(state.min ?? '');
      max.set(state.max ?? '');
      psk.set(state.psk);
      srp.set(state.srp);
    },
    render: (state) => render(state),
  };
}

export function offerOf(state: State): ExpandResult {
  const supported: { minProtocol?: ProtocolVersion; maxProtocol?: ProtocolVersion; psk: boolean; srp: boolean } = {
    psk: state.psk,
    srp: state.srp,
  };
  if (state.min) supported.minProtocol = state.min;
  if (state.max) supported.maxProtocol = state.max;
  return expand(state.s, { ...optionsFor(state, state.target), supported });
}

function render(state: State): Node[] {
  let r: ExpandResult;
  try {
    r = offerOf(state);
  } catch (e) {
    return [h('p', { class: 'status status-bad' }, `This view cannot be shown: ${(e as Error).message}`)];
  }
  const view = r.supported!;
  if (!r.ok) {
    return [h('p', { class: 'status status-bad' }, `Rejected: ${r.error!.code}; the context offers nothing.`)];
  }
  // Rated as the status line rates the configured list, in the CLI's words.
  const sec = assessList(view.ciphers).summary;
  return [
    h(
      'p',
      { class: 'status status-ok', id: 'offer-summary' },
      h('strong', {}, `Offered: ${count(view.ciphers.length, 'suite')}`),
      ` of ${r.ciphers.length} listed; protocols: ${view.protocols.length ? view.protocols.join(', ') : 'none'}; `,
      view.seclevel === null ? 'no security levels' : `security level ${view.seclevel}`,
      sec.rating ? `; worst suite offered (effective offer): ${sec.rating}, first preference: ${sec.first}` : '',
    ),
    suiteTable(view.ciphers, { caption: 'Suites the context offers' }),
    h('h3', {}, `Not offered (${view.dropped.length})`),
    view.dropped.length === 0
      ? h('p', {}, 'Every listed suite is offered.')
      : h(
          'div',
          { class: 'table-scroll', role: 'region', 'aria-label': 'Suites not offered', tabindex: 0 },
          h(
            'table',
            { class: 'dropped' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'suite'), h('th', { scope: 'col' }, 'why not'))),
            h(
              'tbody',
              {},
              view.dropped.map((d) =>
                h(
                  'tr',
                  { 'data-name': d.suite, 'data-reason': d.reason },
                  h('th', { scope: 'row' }, d.suite),
                  h('td', {}, REASONS[d.reason], ' ', h('code', {}, d.reason)),
                ),
              ),
            ),
          ),
        ),
  ];
}
