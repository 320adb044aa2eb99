import type { TermTrace } from '../core/trace.js';
import { expand } from '../expand.js';
import type { Target } from '../family/openssl/target.js';
import { severityOf } from '../diagnostics/registry.js';
import type { Cipher, Diagnostic } from '../core/types.js';

/**
 * Key-exchange words and the PSK variant of the same exchange. In OpenSSL `RSA` means RSA key
 * exchange (kRSA) only: `!AESGCM+RSA` leaves RSA-PSK GCM suites in, though they exchange keys
 * with RSA too. Likewise for DHE and ECDHE and their PSK variants (1.1.0+ aliases).
 */
const PSK_TWIN: Readonly<Record<string, { alias: string; kx: string }>> = {
  RSA: { alias: 'kRSAPSK', kx: 'RSA-PSK' },
  kRSA: { alias: 'kRSAPSK', kx: 'RSA-PSK' },
  DH: { alias: 'kDHEPSK', kx: 'DHE-PSK' },
  kDHE: { alias: 'kDHEPSK', kx: 'DHE-PSK' },
  kEDH: { alias: 'kDHEPSK', kx: 'DHE-PSK' },
  DHE: { alias: 'kDHEPSK', kx: 'DHE-PSK' },
  EDH: { alias: 'kDHEPSK', kx: 'DHE-PSK' },
  ECDH: { alias: 'kECDHEPSK', kx: 'ECDHE-PSK' },
  kECDHE: { alias: 'kECDHEPSK', kx: 'ECDHE-PSK' },
  kEECDH: { alias: 'kECDHEPSK', kx: 'ECDHE-PSK' },
  ECDHE: { alias: 'kECDHEPSK', kx: 'ECDHE-PSK' },
  EECDH: { alias: 'kECDHEPSK', kx: 'ECDHE-PSK' },
};

/** What each PSK compound selects, by target: a compound is a key exchange word and the rest of a rule. */
const compounds = new WeakMap<Target, Map<string, Matches>>();
/** The names of the suites a compound selects, in its order, and as a set. */
interface Matches {
  names: string[];
  set: Set<string>;
}
const MAX_COMPOUNDS = 1024;

/**
 * `!X+RSA` or `-X+RSA` (and the DHE / ECDHE words) that keeps the PSK variants of that key
 * exchange: the suites the same compound with the PSK alias selects that are still in the final
 * list. Computed by evaluating that compound, so it is exactly what OpenSSL would match; each
 * compound once per target (a bounded cache), however often strings repeat it.
 */
export function pskTwins(
  trace: readonly TermTrace[],
  final: readonly Cipher[],
  t: Target,
  emit: (d: Diagnostic) => void,
): void {
  let matched = compounds.get(t);
  if (!matched) compounds.set(t, (matched = new Map()));
  const matches = (compound: string): Matches => {
    let m = matched.get(compound);
    if (!m) {
      const r = expand(compound, { target: t.name, ciphersuites: '' });
      const names = r.ok ? r.ciphers.map((c) => c.name) : [];
      m = { names, set: new Set(names) };
      if (matched.size < MAX_COMPOUNDS) matched.set(compound, m);
    }
    return m;
  };
  for (const e of trace) {
    if ((e.operator !== '!' && e.operator !== '-') || e.effect === 'error') continue;
    let twinWord: TermTrace['words'][number] | undefined;
    for (const w of e.words) {
      if (w.kind === 'alias' && Object.hasOwn(PSK_TWIN, w.text) && t.words.has(PSK_TWIN[w.text]!.alias)) {
        twinWord = w;
        break;
      }
    }
    if (!twinWord) continue;
    const twin = PSK_TWIN[twinWord.text]!;
    const compound = e.words.map((w) => (w === twinWord ? twin.alias : w.text)).join('+');
    // The compound's suites still in the final list, in the compound's order.
    const m = matches(compound);
    const kept = new Set<string>();
    for (const c of final) if (m.set.has(c.name)) kept.add(c.name);
    const left = kept.size === 0 ? [] : m.names.filter((n) => kept.has(n));
    if (left.length === 0) continue;
    const shown = left.length > 5 ? `${left.slice(0, 5).join(', ')} and ${left.length - 5} more` : left.join(', ');
    emit({
      code: 'psk-variant-kept',
      severity: severityOf('psk-variant-kept'),
      message: `\`${twinWord.text}\` in \`${e.text}\` means plain ${twinWord.text.replace(/^k/, '')} key exchange only; ${left.length} ${left.length === 1 ? 'suite' : 'suites'} with ${twin.kx} key exchange that ${left.length === 1 ? 'matches' : 'match'} the rest of it ${left.length === 1 ? 'stays' : 'stay'}: ${shown}`,
      span: e.span,
      args: { term: e.text, word: twinWord.text, twin: twin.alias, count: left.length },
      fix: {
        description: `to remove the ${twin.kx} suites too, add \`:${e.operator}${compound}\` after it`,
        replacement: { span: { start: e.span.end, end: e.span.end }, text: `:${e.operator}${compound}` },
      },
    });
  }
}
