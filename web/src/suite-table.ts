// The table of suites: OpenSSL and IANA names, id, protocol, kx, au, enc, mac, bits, rating.
import { assessSuite, type Cipher } from '../../src/index.js';
import { h } from './dom.js';

export type Change = 'added' | 'removed' | 'moved';

export interface TableOptions {
  /** Names the table for assistive technology and its scroll region. */
  caption: string;
  /** Makes each suite name a button that asks why the suite is there. */
  onExplain?: (suite: string) => void;
  /** The suite whose explanation is open. */
  selected?: string | null;
  /** Diff marks per OpenSSL name. */
  changes?: ReadonlyMap<string, Change>;
}

const CHANGE_TEXT: Record<Change, string> = { added: '+ added', removed: '− removed', moved: '~ moved' };

/**
 * A suite name that may break onto a second line after each `_` and `-` (a `<wbr>`, so the
 * text, and what a copy takes, stays the name): the table then fits its container.
 */
function breakable(name: string): Array<Node | string> {
  return name.split(/(?<=[_-])/).flatMap((part, i) => (i === 0 ? [part] : [h('wbr'), part]));
}

export function suiteTable(ciphers: readonly Cipher[], options: TableOptions): HTMLElement {
  const { changes } = options;
  const head = [
    '#',
    ...(changes ? ['change'] : []),
    'OpenSSL name',
    'IANA name',
    'id',
    'protocol',
    'Kx',
    'Au',
    'Enc',
    'Mac',
    'bits',
    'rating',
  ];
  const rows = ciphers.map((c, i) => {
    const change = changes?.get(c.name);
    const { rating, findings } = assessSuite(c);
    const name = options.onExplain
      ? h(
          'button',
          {
            type: 'button',
            class: 'link',
            'data-suite': c.name,
            'aria-pressed': options.selected === c.name ? 'true' : 'false',
            title: 'Why is this suite here?',
            onclick: () => options.onExplain!(c.name),
          },
          breakable(c.name),
        )
      : breakable(c.name);
    return h(
      'tr',
      { class: change ? `chg-${change}` : null, 'data-name': c.name },
      h('td', { class: 'num' }, String(i + 1)),
      changes ? h('td', { class: 'chg' }, change ? CHANGE_TEXT[change] : '') : null,
      h(
        'th',
        { scope: 'row', class: 'name' },
        name,
        c.inGroupWithNext ? h('span', { class: 'group' }, ' ⎫ equal') : null,
      ),
      h('td', { class: 'std' }, c.stdname ? breakable(c.stdname) : '—'),
      h('td', { class: 'id' }, c.id),
      h('td', {}, c.protocol ?? ''),
      h('td', {}, c.kx),
      h('td', {}, c.au),
      h('td', {}, c.enc),
      h('td', {}, c.mac),
      h('td', { class: 'num' }, String(c.bits)),
      h(
        'td',
        {},
        h('span', { class: `rating r-${rating}`, title: findings.length ? findings.join(', ') : null }, rating),
      ),
    );
  });
  return h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-label': options.caption, tabindex: 0 },
    h(
      'table',
      { class: 'suites' },
      h('caption', { class: 'sr-only' }, options.caption),
      h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows),
    ),
  );
}
