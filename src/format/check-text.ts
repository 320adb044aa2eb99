// `cipherx check` as text: the verdict per target, each finding with a caret under the element
// of the string that causes it.
import type { PolicyCheck, TargetCheck } from '../policy/check.js';
import { policyFindings } from '../policy/findings.js';
import { renderProblem } from './diagnostic-text.js';
import type { DiagnosticSources } from './source-text.js';

/** The verdict on one target in a few words: `passes (9 suites)`, `fails: 4 suites not allowed, ...`. */
export function targetVerdict(c: TargetCheck): string {
  if (c.error) return `fails: the target rejects the string (${c.error.code})`;
  if (c.pass) return `passes (${c.ciphers.length} ${c.ciphers.length === 1 ? 'suite' : 'suites'})`;
  const parts: string[] = [];
  if (c.forbidden.length > 0)
    parts.push(`${c.forbidden.length} ${c.forbidden.length === 1 ? 'suite' : 'suites'} not allowed`);
  if (c.missing.length > 0) parts.push(`${c.missing.length} required missing`);
  if (c.order.length > 0) parts.push(`${c.order.length} out of order`);
  if (c.protocols.length > 0) parts.push(`protocols ${c.protocols.join(', ')} outside the bounds`);
  if (c.noAllowedSuite) parts.push('no allowed suite');
  return `fails: ${parts.join(', ')}`;
}

/** The whole report: the policy, then each target's verdict and findings, then the summary line. */
export function renderCheck(r: PolicyCheck, sources: DiagnosticSources): string {
  const s = r.policy.source;
  let out = `${r.policy.id}: ${r.policy.title} (edition ${s.edition}, ${s.url})\n`;
  const keys = r.policy.keySizes;
  if (keys) {
    const sizes = (['rsa', 'dh', 'ecdh'] as const)
      .filter((k) => keys[k] !== undefined)
      .map((k) => `${k.toUpperCase()} ${keys[k]}`);
    out += `note: key sizes are set by certificates and groups, not by the string, and are not checked here (at least: ${sizes.join(', ')} bits)\n`;
  }
  for (const c of r.targets) {
    out += `\n${c.target}: ${targetVerdict(c)}\n`;
    if (c.error) continue;
    for (const d of policyFindings(c, r.policy.id)) out += renderProblem(d, sources);
    if (c.unusable.length > 0) {
      out += `note: not judged, no enabled protocol negotiates them: ${c.unusable.join(', ')}\n`;
    }
  }
  const failed = r.targets.filter((c) => !c.pass).length;
  out += `\n${r.pass ? `passes ${r.policy.id} on every target (${r.targets.length})` : `fails ${r.policy.id} on ${failed} of ${r.targets.length} ${r.targets.length === 1 ? 'target' : 'targets'}`}\n`;
  return out;
}
