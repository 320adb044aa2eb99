// A policy check of one target as diagnostics: what lint --policy and scan --policy report,
// and what `cipherx check` renders with carets under the elements.
import type { Diagnostic, Span } from '../core/types.js';
import type { TargetCheck, ForbiddenSuite } from './check.js';

/** How many suites a message names before `and N more` (args.suites has them all). */
const SHOWN = 8;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The findings of one target's check, as typed diagnostics (all errors: the string fails the
 * policy it was checked against): suites not allowed, one finding per element that brought them
 * in; required suites missing; order violations; protocols outside the bounds; no allowed suite.
 */
export function policyFindings(c: TargetCheck, policyId: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const groups = new Map<string, { span: Span | null; text: string | null; from: string; suites: ForbiddenSuite[] }>();
  for (const f of c.forbidden) {
    const el = f.source.element;
    const key = el ? `${el.span.start}:${el.span.end}` : f.source.from;
    const g = groups.get(key) ?? { span: el?.span ?? null, text: el?.text ?? null, from: f.source.from, suites: [] };
    g.suites.push(f);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const shown = g.suites.slice(0, SHOWN).map((s) => s.suite);
    const rest = g.suites.length - shown.length;
    const names = shown.join(', ') + (rest > 0 ? ` and ${rest} more` : '');
    const named = g.suites.some((s) => s.reason === 'forbidden') ? 'forbids' : 'does not allow';
    const what = plural(g.suites.length, 'suite', 'suites');
    const by =
      g.text !== null
        ? `\`${g.text}\` brings in ${what}`
        : g.from === 'ciphersuites'
          ? `the TLS 1.3 list has ${what}`
          : `the list has ${what}`;
    out.push({
      code: 'policy-forbidden-suite',
      severity: 'error',
      message: `${by} ${policyId} ${named}: ${names}`,
      span: g.span,
      args: {
        policy: policyId,
        count: g.suites.length,
        suites: g.suites.map((s) => s.suite).join(','),
        target: c.target,
      },
      ...(g.from === 'ciphersuites' ? { source: 'ciphersuites' as const } : {}),
    });
  }
  if (c.missing.length > 0) {
    out.push({
      code: 'policy-missing-suite',
      severity: 'error',
      message: `${policyId} requires ${plural(c.missing.length, 'suite', 'suites')} the list lacks: ${c.missing
        .map((m) => m.suite ?? `${m.iana} (not in ${c.target})`)
        .join(', ')}`,
      span: null,
      args: {
        policy: policyId,
        count: c.missing.length,
        suites: c.missing.map((m) => m.iana).join(','),
        target: c.target,
      },
    });
  }
  for (const o of c.order) {
    out.push({
      code: 'policy-order',
      severity: 'error',
      message: `${o.suite} is preferred to ${o.before}, which ${policyId} puts first`,
      span: null,
      args: { policy: policyId, suite: o.suite, before: o.before, target: c.target },
    });
  }
  if (c.protocols.length > 0) {
    out.push({
      code: 'policy-protocol',
      severity: 'error',
      message: `${c.protocols.join(', ')} ${c.protocols.length === 1 ? 'is' : 'are'} enabled, outside what ${policyId} allows`,
      span: null,
      args: { policy: policyId, protocols: c.protocols.join(','), target: c.target },
    });
  }
  if (c.noAllowedSuite) {
    out.push({
      code: 'policy-no-allowed-suite',
      severity: 'error',
      message: `the list holds no suite ${policyId} allows: no client can connect within the policy`,
      span: null,
      args: { policy: policyId, target: c.target },
    });
  }
  return out;
}
