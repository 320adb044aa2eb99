import type { NoEffectReason, TermTrace } from '../core/trace.js';
import type { Explanation, SuiteAnswer } from '../explain/explain.js';
import { requireLibrary } from '../library/registry.js';
import { escapeControls as shown } from '../core/characters.js';

const REASONS: Record<NoEffectReason, string> = {
  'unknown-word': 'not a suite or alias here',
  'empty-intersection': 'its words exclude each other',
  'matches-nothing': 'no suite of this build matches it',
  'already-active': 'every suite it matches is already in the list',
  'nothing-to-act-on': 'none of the suites it matches is in the list',
  'shadowed-by-kill': 'every suite it matches was removed for good before',
  'discarded-after-special': 'discarded: text after an @ command',
  'discarded-by-suite-b': 'discarded: the Suite B prefix replaces the whole string',
  'invalid-command': 'invalid command: the call fails here',
  'strict-unknown-word': 'not a suite or alias: strict mode rejects the string here',
  'mixed-special-operator-with-groups': 'an operator or @ after an equal-preference group: the call fails here',
  'unexpected-operator-in-group': 'only names and | may appear inside [...]: the call fails here',
  'version-alias-order': 'ignored: a protocol alias must come last in a + compound',
  'tls13-suite': 'a TLS 1.3 suite: BoringSSL configures those apart',
  'group-adds-nothing': 'none of its items adds a suite',
};

const DETAILS: Record<string, string> = {
  'unavailable-alias': 'an alias whose algorithms this build lacks',
  'default-not-first': 'DEFAULT counts only at the very start',
  'suite-b-not-first': 'a Suite B keyword counts only at the very start',
  'iana-name-unsupported': 'an IANA name, which this release does not read',
  'tls13-suite-in-cipher-list': 'a TLS 1.3 suite: those are set apart',
  'suite-in-compound': 'a suite name, which counts only alone, not in a + compound',
};

/** What a `!` element did: the suites it took out of the list, and those it only banned. */
function killedText(e: TermTrace): string {
  const count = (n: number) => `${n} suite${n === 1 ? '' : 's'}`;
  const left = e.fromList?.length ?? e.activeBefore ?? e.suites.length;
  const banned = e.suites.length - left;
  if (left === 0) return `banned ${count(banned)} for good (none of them was in the list)`;
  const removed = `removed ${count(left)} from the list for good`;
  return banned === 0
    ? removed
    : `${removed} and banned ${banned} more that ${banned === 1 ? 'was' : 'were'} not in it`;
}

/** One line about what an element did. */
export function describeTerm(e: TermTrace, trace: readonly TermTrace[]): string {
  const n = e.suites.length;
  const suites = `${n} suite${n === 1 ? '' : 's'}`;
  switch (e.effect) {
    case 'added':
      if (e.items)
        return `added ${suites} ${n === 1 ? '(a group of one: no equal preference)' : 'as one equal-preference group'}`;
      return `added ${suites}${e.detail ? ` (${e.detail})` : ''}`;
    case 'moved':
      return `moved ${suites} to the end`;
    case 'deleted':
      return `deleted ${suites} (moved to the front, out of the list; a later element may add them again)`;
    case 'killed':
      return killedText(e);
    case 'sorted':
      return `sorted by strength: ${suites} changed place`;
    case 'seclevel':
      return `set the security level to ${e.seclevel}`;
    case 'error':
      return REASONS[e.reason ?? 'invalid-command'];
    case 'none': {
      let why = REASONS[e.reason ?? 'unknown-word'];
      if (e.reason === 'unknown-word' && e.detail && DETAILS[e.detail]) why = DETAILS[e.detail]!;
      if (e.reason === 'shadowed-by-kill' && e.shadowedBy !== undefined)
        why += ` by #${e.shadowedBy + 1} ${shown(trace[e.shadowedBy]!.text)}`;
      return `nothing: ${why}`;
    }
  }
}

/**
 * `cipherx expand --explain`: every element with what it did, then where every suite comes from.
 * Text from the input is printed with its control characters escaped.
 */
export function renderExplanation(x: Explanation): string {
  const { trace } = x.result;
  const error = x.result.error;
  const failure = error && `${error.code} (${shown(error.message)})`;
  // A rejected ciphersuites list fails the call before the string is read.
  if (error?.code === 'invalid-ciphersuites') return `The call fails before the string is read: ${failure}\n`;
  let width = 8;
  for (const e of trace) {
    width = Math.max(width, shown(e.text).length);
    for (const item of e.items ?? []) width = Math.max(width, shown(item.text).length + 2);
  }
  width = Math.min(40, width);
  let out = `Elements, in the order ${requireLibrary(x.target, 'renderExplanation').product} applies them:\n`;
  trace.forEach((e, i) => {
    out += `${String(i + 1).padStart(3)}  ${shown(e.text).padEnd(width)}  ${describeTerm(e, trace)}\n`;
    // The items of an equal-preference group, each with what it did.
    for (const item of e.items ?? [])
      out += `     | ${shown(item.text).padEnd(width - 2)}  ${describeTerm(item, trace)}\n`;
  });
  if (failure) return out + `\nThe call fails: ${failure}\n`;
  out += '\nSuites, in preference order:\n';
  const nameWidth = Math.max(...x.origins.map((o) => o.name.length));
  x.origins.forEach((o, i) => {
    const origin =
      o.addedBy === -1
        ? o.tls13Kept
          ? 'TLS 1.3, kept: the string never names TLS 1.3'
          : 'TLS 1.3, set apart (ciphersuites)'
        : `added by #${o.addedBy + 1} ${shown(trace[o.addedBy]!.text)}` +
          (o.lastMovedBy === -1 ? '' : `; last moved by #${o.lastMovedBy + 1} ${shown(trace[o.lastMovedBy]!.text)}`) +
          (x.result.ciphers[i]!.inGroupWithNext ? '; equal preference with the next' : '');
    out += `${String(i + 1).padStart(3)}  ${o.name.padEnd(nameWidth)}  ${origin}\n`;
  });
  return out;
}

/** `cipherx explain <string> <suite>`: one paragraph, control characters of the input escaped. */
export function renderSuiteAnswer(answer: SuiteAnswer, x: Explanation): string {
  const a = { ...answer, suite: shown(answer.suite) };
  const { trace } = x.result;
  const term = (i: number) => `#${i + 1} \`${shown(trace[i]!.text)}\``;
  if (a.present) {
    if (a.tls13)
      return `${a.suite} is at position ${a.position + 1}: a TLS 1.3 suite, from the ciphersuites list, which the cipher string never changes.\n`;
    const moved =
      a.lastMovedBy === -1
        ? ''
        : `, and ${term(a.lastMovedBy)} last moved it (${describeTerm(trace[a.lastMovedBy]!, trace)})`;
    return `${a.suite} is at position ${a.position + 1}: ${term(a.addedBy)} added it (${describeTerm(trace[a.addedBy]!, trace)})${moved}.\n`;
  }
  switch (a.cause) {
    case 'call-failed':
      return `${a.suite} is not there: the call fails (${x.result.error!.code}), so the context keeps no list from this string.\n`;
    case 'not-a-suite':
      return `${a.suite} is not a suite of this target${a.suggestion ? `; did you mean ${a.suggestion}?` : '.'}\n`;
    case 'unavailable':
      return `${a.suite} is not there: this build of the target does not provide its algorithms, whatever the string says.\n`;
    case 'tls13-apart':
      return `${a.suite} is a TLS 1.3 suite: BoringSSL never takes those from the cipher string; it configures them itself.\n`;
    case 'tls13-not-configured':
      return `${a.suite} is a TLS 1.3 suite: it comes from the ciphersuites list (--ciphersuites), not from the cipher string.\n`;
    case 'killed':
      return `${a.suite} is not there: ${term(a.by!)} removed it from the list for good; nothing can add it again.\n`;
    case 'banned':
      return `${a.suite} is not there: ${term(a.by!)} banned it for good while it was not in the list; nothing can add it again.\n`;
    case 'deleted':
      return `${a.suite} is not there: ${term(a.by!)} deleted it and no later element added it again.\n`;
    case 'never-added':
      return `${a.suite} is not there: no element of the string adds it.\n`;
  }
}
