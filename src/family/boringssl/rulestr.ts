import { charSpan, describeChar } from '../../core/characters.js';
import type { DiagnosticCode } from '../../diagnostics/registry.js';
import { MAX_DIAGNOSTICS, diagnostic, report } from '../../diagnostics/sink.js';
import { endGroup, strengthSort, type CipherList } from '../../core/cipher-list.js';
import { applyElement, bare, record, type ElementRecord, type Tracing } from '../../core/rule-trace.js';
import { wordSuggestion } from '../../core/suggestion.js';
import type { TermTrace } from '../../core/trace.js';
import type { Diagnostic, Span } from '../../core/types.js';
import { boringsslMatchSet, collectedSet, selectorMatchSet, strengths } from './match-set.js';
import type { BoringsslElement, BoringsslGroup, BoringsslSpecial, BoringsslTerm } from './parse.js';
import { ALL_BITS, type BoringsslTarget, type RuleOp, type Selector } from './table.js';
import type { BoringsslError, BoringsslErrorCode } from './types.js';

/** The scanner's state over one string (ssl_cipher_process_rulestr). */
export interface Walk extends Tracing {
  t: BoringsslTarget;
  input: string;
  strict: boolean;
  list: CipherList;
  /** A `[` was read: from then on only operator-less selectors are allowed. */
  hasGroup: boolean;
  error: BoringsslError | null;
  /** Null while the default rule string runs (its spans are not the caller's). */
  diagnostics: Diagnostic[] | null;
  /** While a group is read with a trace, `trace` holds its items (see group()). */
  trace: TermTrace[] | null;
  /** Reading SSL_CTX_set_ciphersuites' string: the rules work on the TLS 1.3 suites alone. */
  tls13: boolean;
}

export function newWalk(
  t: BoringsslTarget,
  input: string,
  strict: boolean,
  list: CipherList,
  diagnostics: Diagnostic[] | null,
  tls13 = false,
): Walk {
  return { t, input, strict, list, hasGroup: false, error: null, diagnostics, trace: null, tls13 };
}

/**
 * The suite a lone word names, if the list being read can name it: SSL_CTX_set_ciphersuites
 * knows only TLS 1.3 names; a cipher list knows them unless the library skips them
 * (cipherListKnowsTls13Names false: AWS-LC).
 */
function suiteNamed(w: Walk, text: string): number | undefined {
  const i = w.t.suiteByName.get(text);
  if (i === undefined) return undefined;
  const tls13 = w.t.suites[i]!.data.tls13;
  if (w.tls13) return tls13 ? i : undefined;
  return tls13 && !w.t.data.cipherListKnowsTls13Names ? undefined : i;
}

const OPS: Record<string, RuleOp> = { '-': 'del', '+': 'ord', '!': 'kill' };

/** Applies the elements in order; the first error stops reading, as it stops BoringSSL's scanner. */
export function processRules(w: Walk, elements: readonly BoringsslElement[]): void {
  for (const e of elements) {
    processElement(w, e);
    if (w.error) return;
  }
}

/** One step of ssl_cipher_process_rulestr's main loop. */
export function processElement(w: Walk, e: BoringsslElement): void {
  switch (e.type) {
    case 'term':
      return term(w, e, false);
    case 'group':
      return group(w, e);
    case 'special':
      return special(w, e);
    case 'invalid':
      fail(
        w,
        'invalid-command',
        `${describeChar(w.input, e.start)} cannot start a rule; ${separatorsText(w.strict)}`,
        e,
      );
      return record(w, bare(w.input, e), 'error', [], { reason: 'invalid-command' });
  }
}

/** An element for the trace: each word and what BoringSSL knows it as (only a lone word can name a suite). */
function element(w: Walk, span: Span, node: BoringsslTerm | BoringsslSpecial): ElementRecord {
  const { t } = w;
  const at = (x: Span) => ({ start: x.start, end: x.end });
  let words: TermTrace['words'];
  if (node.type === 'special') {
    words = node.name.text === '' ? [] : [{ text: node.name.text, span: at(node.name), kind: 'command' }];
  } else {
    words = node.words
      .filter((word) => word.text !== '')
      .map((word) => ({
        text: word.text,
        span: at(word),
        kind:
          node.words.length === 1 && suiteNamed(w, word.text) !== undefined
            ? 'suite'
            : t.aliases.has(word.text)
              ? 'alias'
              : 'unknown',
      }));
  }
  return { ...bare(w.input, span), operator: node.type === 'special' ? '@' : node.op, words };
}

const nameOf = (w: Walk) => (i: number) => w.t.suites[i]!.data.name;

function separatorsText(strict: boolean): string {
  return strict
    ? 'in strict mode only `:` separates rules'
    : 'rules are separated by `:`, space, `;` or `,`, and start with a name, `!`, `-`, `+`, `@` or `[`';
}

function fail(w: Walk, code: BoringsslErrorCode, message: string, span: Span): void {
  w.error ??= { code, message, span: { start: span.start, end: span.end } };
}

function warn(w: Walk, code: DiagnosticCode, message: string, span: Span, args: Record<string, string | number>): void {
  if (w.diagnostics) report({ diagnostics: w.diagnostics }, diagnostic(code, message, span, args));
}

/**
 * One `[op] word (+ word)*` rule. A single word may name a suite (OpenSSL or IANA name); in a
 * compound every word must be an alias, whose masks are ANDed. A protocol alias sets the minimum
 * version, and any later word with another minimum version (or none) makes the rule do nothing.
 * An unknown word makes the rule do nothing, or fails the call in strict mode.
 */
function term(w: Walk, node: BoringsslTerm, inGroup: boolean): void {
  const { t } = w;
  if (w.hasGroup && node.op !== null) {
    fail(
      w,
      'mixed-special-operator-with-groups',
      `\`${node.op}\` cannot be used once an equal-preference group \`[...]\` has appeared; after a group, rules can only add suites`,
      { start: node.start, end: node.start + 1 },
    );
    return record(w, element(w, node, node), 'error', [], { reason: 'mixed-special-operator-with-groups' });
  }
  // include_deprecated: an adding rule skips deprecated suites unless one of its aliases includes them.
  const sel: Selector = {
    suite: -1,
    mkey: ALL_BITS,
    auth: ALL_BITS,
    enc: ALL_BITS,
    mac: ALL_BITS,
    minVersion: null,
    includeDeprecated: node.op !== null,
  };
  /** The one selector of a lone word, whose match set is kept with the table. */
  let own: Selector | null = null;
  let skip = false;
  /** With a trace: why the rule is ignored (the first cause). */
  let why: Partial<TermTrace> | null = null;
  const words = node.words;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const text = word.text;
    if (text === '') {
      const at = charSpan(w.input, word.start);
      const what = describeChar(w.input, word.start);
      fail(
        w,
        'invalid-command',
        k === 0
          ? `\`${node.op}\` must be followed by a cipher suite or alias name, not ${what}`
          : `\`+\` must be followed by an alias name, not ${what}`,
        at.start === at.end ? { start: word.start - 1, end: word.start } : at,
      );
      return record(w, element(w, node, node), 'error', [], { reason: 'invalid-command' });
    }
    // Only a lone word can name a suite (test: 'a suite name inside a compound is an unknown alias').
    if (words.length === 1) {
      const suite = suiteNamed(w, text);
      if (suite !== undefined) {
        sel.suite = suite;
        if (!w.tls13 && t.suites[suite]!.data.tls13) {
          warn(
            w,
            'tls13-suite-in-cipher-list',
            `\`${text}\` is a TLS 1.3 suite; BoringSSL's cipher list does not configure TLS 1.3, so this rule selects nothing`,
            word,
            { word: text },
          );
          why = { reason: 'tls13-suite' };
        }
        break;
      }
    }
    const alias = t.aliases.get(text);
    if (alias === undefined) {
      skip = true;
      const inCompound = words.length > 1 && suiteNamed(w, text) !== undefined;
      if (w.strict) {
        fail(w, 'invalid-command', unknownMessage(t, text, inCompound, true, w.tls13, true), word);
        return record(w, element(w, node, node), 'error', [], { reason: 'strict-unknown-word' });
      }
      const reason = inCompound ? 'suite-in-compound' : text === 'DEFAULT' ? 'default-not-first' : 'unknown';
      // The "did you mean" search only for a warning that will be listed.
      const listed = w.diagnostics !== null && w.diagnostics.length < MAX_DIAGNOSTICS;
      const message = unknownMessage(t, text, inCompound, false, w.tls13, listed);
      if (reason === 'default-not-first') warn(w, 'default-not-first', message, word, { word: text });
      else warn(w, 'unknown-word', message, word, { word: text, reason });
      why ??= { reason: 'unknown-word', detail: reason === 'unknown' ? 'unknown-word' : reason };
      continue;
    }
    if (words.length === 1) own = alias;
    sel.mkey = (sel.mkey & alias.mkey) >>> 0;
    sel.auth = (sel.auth & alias.auth) >>> 0;
    sel.enc = (sel.enc & alias.enc) >>> 0;
    sel.mac = (sel.mac & alias.mac) >>> 0;
    sel.includeDeprecated ||= alias.includeDeprecated;
    // A word after a protocol alias must carry the same version, and a plain alias carries none
    // (test: 'a protocol alias before another word ignores the rule').
    if (sel.minVersion !== null && sel.minVersion !== alias.minVersion) {
      if (!skip) versionSkipWarning(w, node, sel.minVersion, text, alias.minVersion);
      why ??= { reason: alias.minVersion !== null ? 'empty-intersection' : 'version-alias-order' };
      skip = true;
    } else {
      sel.minVersion = alias.minVersion;
    }
  }
  if (skip) {
    if (w.trace) record(w, element(w, node, node), 'none', [], why!);
    return;
  }
  const op = node.op === null ? 'add' : OPS[node.op]!;
  const hits = own ? selectorMatchSet(t, own, sel.includeDeprecated) : boringsslMatchSet(t, sel);
  applyElement(w, w.list, op, hits, inGroup, () => element(w, node, node), nameOf(w), collectedSet(t, w.tls13), why);
}

function unknownMessage(
  t: BoringsslTarget,
  text: string,
  inCompound: boolean,
  strict: boolean,
  tls13: boolean,
  suggest: boolean,
): string {
  const product = productName(t);
  const outcome = strict ? 'strict mode rejects the string' : `${product} ignores the rule`;
  // A suite name the list being read cannot name (AWS-LC: TLS 1.3 names apart from TLS 1.2 ones).
  const i = t.suiteByName.get(text);
  if (i !== undefined && !inCompound) return `\`${text}\` is a suite of the other list (TLS 1.3 or not); ${outcome}`;
  if (inCompound) {
    return `\`${text}\` names a cipher suite, but a suite name cannot be combined with \`+\` in ${product} (it is looked up as an alias and not found); ${outcome}`;
  }
  if (text === 'DEFAULT') {
    return `\`DEFAULT\` only expands at the very start of the string; here it is an unknown word and ${outcome}`;
  }
  const close = suggest ? wordSuggestion(t, () => [...t.aliases.keys(), ...t.suiteByName.keys()], text) : null;
  return `\`${text}\` is not a cipher suite or alias in ${product}; ${outcome}${close ? `; did you mean \`${close}\`?` : ''}`;
}

/** The library the table is of, as its recorded release names it: BoringSSL, or AWS-LC. */
function productName(t: BoringsslTarget): string {
  return t.data.release.split(' ')[0]!;
}

function versionSkipWarning(w: Walk, node: BoringsslTerm, had: string, text: string, other: string | null): void {
  const rule = w.input.slice(node.start, node.end);
  if (other !== null) {
    warn(
      w,
      'empty-intersection',
      `\`${rule}\` can match no suite: it asks for suites new in ${had} and new in ${other} at once, so ${productName(w.t)} ignores it`,
      node,
      { term: rule },
    );
  } else {
    warn(
      w,
      'version-alias-order',
      `\`${rule}\` is ignored: in ${productName(w.t)} a protocol alias must come after the other words of a \`+\` rule (\`${text}\` follows one); write the protocol alias last`,
      node,
      { term: rule, word: text },
    );
  }
}

/**
 * `[a|b]`: the suites each item adds are flagged as in a group with the next; `]` clears the flag
 * of the last suite of the list. Operators are not allowed inside, and once a group was read
 * they are not allowed outside either (see term()).
 */
function group(w: Walk, node: BoringsslGroup): void {
  w.hasGroup = true;
  // With a trace, the items are recorded apart, then as the `items` of the group's one element.
  const outer = w.trace;
  const items: TermTrace[] = [];
  if (outer) w.trace = items;
  groupItems(w, node);
  w.trace = outer;
  if (!outer) return;
  const added = items.flatMap((e) => (e.effect === 'added' ? e.suites : []));
  const failed = w.error !== null;
  outer.push({
    ...bare(w.input, node),
    words: items.flatMap((e) => e.words),
    effect: failed ? 'error' : added.length > 0 ? 'added' : 'none',
    suites: failed ? [] : added,
    ...(failed
      ? {
          reason:
            items.find((e) => e.effect === 'error')?.reason ??
            (node.unexpected ? 'unexpected-operator-in-group' : 'invalid-command'),
        }
      : added.length === 0
        ? { reason: 'group-adds-nothing' as const }
        : {}),
    items,
  });
}

/** The items of a group in order, then its end: `]`, or what stops the scanner inside it. */
function groupItems(w: Walk, node: BoringsslGroup): void {
  for (const item of node.items) {
    if (item.type === 'term') term(w, item, true);
    if (w.error) return;
  }
  if (node.unexpected) {
    fail(
      w,
      'unexpected-operator-in-group',
      `${describeChar(w.input, node.unexpected.start)} cannot appear inside an equal-preference group: only names separated by \`|\` (no operators, no spaces or other separators), then \`]\``,
      node.unexpected,
    );
    return;
  }
  if (node.close === null) {
    fail(w, 'invalid-command', 'the equal-preference group opened here is never closed with `]`', node.open);
    return;
  }
  // The list's tail, enabled or not (test: 'a group member already enabled is not added again').
  endGroup(w.list);
}

/** `@STRENGTH`: a stable sort of the enabled suites by strength; any other `@` word fails. */
function special(w: Walk, node: BoringsslSpecial): void {
  const at = { start: node.start, end: node.start + 1 };
  const span = { start: node.start, end: node.name.end };
  if (w.hasGroup) {
    fail(
      w,
      'mixed-special-operator-with-groups',
      '`@` cannot be used once an equal-preference group `[...]` has appeared',
      at,
    );
    return record(w, element(w, span, node), 'error', [], { reason: 'mixed-special-operator-with-groups' });
  }
  const name = node.name.text;
  if (name === '') {
    fail(
      w,
      'invalid-command',
      `\`@\` must be followed by \`STRENGTH\`, not ${describeChar(w.input, node.start + 1)}`,
      at,
    );
    return record(w, element(w, span, node), 'error', [], { reason: 'invalid-command' });
  }
  if (!w.t.data.specials.includes(name)) {
    fail(
      w,
      'invalid-command',
      `\`@${name}\` is not a special command; ${productName(w.t)} knows only ${w.t.data.specials.map((s) => `\`@${s}\``).join(', ')}` +
        (name.startsWith('SECLEVEL') ? ' (it has no security levels)' : ''),
      span,
    );
    return record(w, element(w, span, node), 'error', [], { reason: 'invalid-command' });
  }
  const touched: number[] | undefined = w.trace ? [] : undefined;
  strengthSort(strengths(w.t), w.list, touched);
  if (touched) {
    const sorted = touched.length > 0;
    record(
      w,
      element(w, span, node),
      sorted ? 'sorted' : 'none',
      touched.map(nameOf(w)),
      sorted ? {} : { reason: 'nothing-to-act-on' },
    );
  }
  // The rest up to the separator is thrown away (test: 'even an operator after @STRENGTH is thrown away').
  if (node.skipped) {
    const text = w.input.slice(node.skipped.start, node.skipped.end);
    warn(
      w,
      'ignored-after-special',
      `${productName(w.t)} discards \`${text}\` after \`@${name}\` up to the next separator; put a separator before it`,
      node.skipped,
      { text },
    );
    record(w, bare(w.input, node.skipped), 'none', [], { reason: 'discarded-after-special' });
  }
}
