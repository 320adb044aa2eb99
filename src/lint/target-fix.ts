import type { Cipher, Diagnostic } from '../core/types.js';
import { isTls13Suite } from '../core/tls13.js';
import { expand } from '../expand.js';
import { requireLibrary } from '../library/registry.js';
import type { ExpandOptions } from '../types.js';
import { securityRules, type SecurityRule } from './security.js';

/** How many flagged suites a fix may name one by one when no word of the rule covers them. */
const MAX_NAMED = 3;

/**
 * The security findings' fixes written for the target: each rule's `exclude` words that the
 * target knows, chosen so that every one removes flagged suites and nothing else of the final
 * list, then flagged suites no word covers by their names (a few), then the TLS 1.3 suites to
 * leave out of the ciphersuites list. The text to append is also given as a replacement at the
 * end of the input, so that applying it is one edit. A finding whose suites no such fix removes
 * keeps the rule's general advice. Words are judged by evaluating them on the target, so a word
 * another release spells differently is never offered.
 */
export function fixesForTarget(
  findings: readonly Diagnostic[],
  final: readonly Cipher[],
  input: string,
  options: ExpandOptions,
): Diagnostic[] {
  // Where the TLS 1.3 list is configured apart, no word of the string reaches its suites.
  const apart = requireLibrary(options.target, 'lint').capabilities.tls13Configurable;
  const tls13 = new Set(apart ? final.filter(isTls13Suite).map((c) => c.name) : []);
  const inList = new Set(final.map((c) => c.name).filter((n) => !tls13.has(n)));
  const matches = new Map<string, string[] | null>();
  /** The suites of the final list the word selects on the target; null for a word it does not know. */
  const selected = (word: string): string[] | null => {
    if (!matches.has(word)) {
      const r = expand(word, { ...options, ciphersuites: undefined, supported: undefined, trace: false });
      const unknown = r.diagnostics.some((d) => d.code === 'unknown-word' || d.code === 'unavailable-alias');
      matches.set(word, unknown || !r.ok ? null : r.ciphers.map((c) => c.name).filter((n) => inList.has(n)));
    }
    return matches.get(word)!;
  };
  return findings.map((d) => {
    const rule = securityRules.find((r) => r.code === d.code);
    if (!rule || typeof d.args.suites !== 'string') return d;
    const fix = targetFix(rule, d.args.suites.split(','), tls13, input, selected);
    return fix ? { ...d, fix } : d;
  });
}

function targetFix(
  rule: SecurityRule,
  flagged: readonly string[],
  tls13: ReadonlySet<string>,
  input: string,
  selected: (word: string) => string[] | null,
): Diagnostic['fix'] | null {
  const left = new Set(flagged.filter((n) => !tls13.has(n)));
  const flaggedSet = new Set(flagged);
  const words: string[] = [];
  for (const word of rule.exclude) {
    const hits = selected(word.replace(/^!/, ''));
    // A word the target lacks, one that removes a suite the rule did not flag, or one that adds nothing new.
    if (!hits || hits.some((n) => !flaggedSet.has(n)) || !hits.some((n) => left.has(n))) continue;
    words.push(word);
    for (const n of hits) left.delete(n);
  }
  if (left.size > 0 && left.size <= MAX_NAMED) {
    for (const n of left) words.push(`!${n}`);
    left.clear();
  }
  const outOfTls13 = flagged.filter((n) => tls13.has(n));
  if (left.size > 0 || (words.length === 0 && outOfTls13.length === 0)) return null;
  const text = words.map((w) => `:${w}`).join('');
  const parts: string[] = [];
  if (text) parts.push(`Append \`${text}\`${rule.fixNote ? ` ${rule.fixNote}` : ''}`);
  if (outOfTls13.length > 0) parts.push(`leave ${outOfTls13.join(', ')} out of the TLS 1.3 list (ciphersuites)`);
  const description = parts.join('; ') + '.';
  return text
    ? { description, replacement: { span: { start: input.length, end: input.length }, text } }
    : { description };
}
