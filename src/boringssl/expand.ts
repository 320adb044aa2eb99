import type { NoEffectReason, TermEffect, TermTrace } from '../eval/trace.js';
import { diagnostic, report } from '../diagnostics/sink.js';
import type { DiagnosticCode } from '../diagnostics/registry.js';
import type { Diagnostic, Span } from '../types.js';
import { applyRule, copyOrder, enabled, newOrder, selects, strengthSort, type CipherOrder } from './cipher-order.js';
import {
  parseBoringssl,
  type BoringsslElement,
  type BoringsslGroup,
  type BoringsslSpecial,
  type BoringsslTerm,
} from './parse.js';
import { ALL_BITS, boringsslTarget, selectorOf, type BoringsslTarget, type RuleOp, type Selector } from './table.js';
import type {
  BoringsslCipher,
  BoringsslError,
  BoringsslErrorCode,
  BoringsslOptions,
  BoringsslResult,
} from './types.js';

/**
 * Evaluates `input` as BoringSSL's SSL_CTX_set_cipher_list (or, with `strict`,
 * SSL_CTX_set_strict_cipher_list) does on a fresh context, and returns what the context then
 * holds: accepted or not and why, the ordered suites with their equal-preference group flags.
 * TLS 1.3 suites are never part of the list (BoringSSL configures them separately).
 *
 * Never throws for any string. Throws a TypeError when `input` is not a string or an option has
 * the wrong type.
 */
export function expandBoringssl(input: string, options: BoringsslOptions = {}): BoringsslResult {
  if (typeof input !== 'string') throw new TypeError(`expandBoringssl: input must be a string, got ${typeof input}`);
  if (options === null || typeof options !== 'object')
    throw new TypeError('expandBoringssl: options must be an object');
  const { strict = false, aesHardware, trace = false } = options;
  if (typeof strict !== 'boolean') throw new TypeError('expandBoringssl: options.strict must be a boolean');
  if (typeof trace !== 'boolean') throw new TypeError('expandBoringssl: options.trace must be a boolean');
  if (aesHardware !== undefined && typeof aesHardware !== 'boolean') {
    throw new TypeError('expandBoringssl: options.aesHardware must be a boolean');
  }
  const t = boringsslTarget();
  const diagnostics: Diagnostic[] = [];

  // ssl_create_cipher_list(): the fixed default order, then `DEFAULT` (the default rule string,
  // read by its own scanner), then the rest of the string, applied while it is read so that the
  // first error ends reading and nothing of a long string is kept.
  const list = copyOrder(defaultOrder(t, aesHardware ?? t.data.recordedAesHardware));
  const walk = newWalk(t, input, strict, list, diagnostics);
  walk.trace = trace ? [] : null;
  const ast = parseBoringssl(input, strict, {
    defaultPrefix: (node) => {
      const text = t.data.defaultRuleString;
      const inner = newWalk(t, text, strict, list, null);
      processRules(inner, parseBoringssl(text, strict).elements);
      walk.error = inner.error;
      // The default rule string is folded into one element (it only adds: no `!` of its own).
      const span = { start: node.start, end: node.end };
      walk.trace?.push({
        span,
        text: 'DEFAULT',
        operator: null,
        words: [{ text: 'DEFAULT', span: { ...span }, kind: 'alias' }],
        effect: inner.error ? 'error' : 'added',
        suites: inner.error ? [] : enabled(list).map((i) => t.suites[i]!.data.name),
        ...(inner.error ? { reason: 'invalid-command' as const } : {}),
        detail: text,
      });
    },
    element: (e) => {
      if (walk.error === null) processElement(walk, e);
      return walk.error === null;
    },
  });
  if (ast.truncated) {
    report(
      { diagnostics },
      diagnostic(
        'nul-truncates',
        'the string contains a NUL character; BoringSSL reads only what comes before it',
        ast.truncated,
      ),
    );
  }
  const traced = walk.trace ? { trace: walk.trace } : {};
  if (walk.error) return { ...failed(walk.error, diagnostics), ...traced };

  const ciphers: BoringsslCipher[] = [];
  for (const i of enabled(list)) {
    const s = t.suites[i]!;
    ciphers.push(list.inGroup[i] ? s.cipherInGroup : s.cipher);
  }
  if (ciphers.length === 0) {
    // "Configuring an empty cipher list is an error but still updates the output."
    return {
      ...failed(
        { code: 'no-cipher-match', message: 'no cipher match: the string leaves no cipher suite enabled' },
        diagnostics,
      ),
      ...traced,
    };
  }
  return { ok: true, error: null, ciphers, seclevel: null, diagnostics, ...traced };
}

function failed(error: BoringsslError, diagnostics: Diagnostic[]): BoringsslResult {
  return { ok: false, error, ciphers: [], seclevel: null, diagnostics };
}

// ---------------------------------------------------------------- the fixed default order

const defaultOrders = new Map<boolean, CipherOrder>();

/**
 * The list ssl_create_cipher_list() builds before reading the string: every non-TLS 1.3 suite in
 * kCiphers order, ordered by the fixed rules of data/ (ECDHE-ECDSA and ECDHE first, AEADs first,
 * no forward secrecy last) and then all disabled again, order kept. Computed once per branch.
 */
function defaultOrder(t: BoringsslTarget, aesHardware: boolean): CipherOrder {
  let o = defaultOrders.get(aesHardware);
  if (!o) {
    o = newOrder(t, t.collected);
    for (const rule of t.data.defaultOrder) {
      if (rule.when === 'aesHardware' && !aesHardware) continue;
      if (rule.when === 'noAesHardware' && aesHardware) continue;
      applyRule(t, o, selectorOf(t.data, rule), rule.op, false);
    }
    defaultOrders.set(aesHardware, o);
  }
  return o;
}

// ---------------------------------------------------------------- ssl_cipher_process_rulestr

/** The scanner's state over one string. */
interface Walk {
  t: BoringsslTarget;
  input: string;
  strict: boolean;
  list: CipherOrder;
  /** A `[` was read: from then on only operator-less selectors are allowed. */
  hasGroup: boolean;
  error: BoringsslError | null;
  /** Null while the default rule string runs (its spans are not the caller's). */
  diagnostics: Diagnostic[] | null;
  /**
   * When tracing: where the elements are recorded (see src/eval/trace.ts); while a group is read,
   * its items. Null otherwise.
   */
  trace: TermTrace[] | null;
  /** When tracing: the trace index of the `!` element that removed each suite, by suite index. */
  killedBy: Map<number, number>;
}

function newWalk(
  t: BoringsslTarget,
  input: string,
  strict: boolean,
  list: CipherOrder,
  diagnostics: Diagnostic[] | null,
): Walk {
  return { t, input, strict, list, hasGroup: false, error: null, diagnostics, trace: null, killedBy: new Map() };
}

const OPS: Record<string, RuleOp> = { '-': 'del', '+': 'ord', '!': 'kill' };

/** Applies the elements in order; the first error stops reading, as it stops BoringSSL's scanner. */
function processRules(w: Walk, elements: readonly BoringsslElement[]): void {
  for (const e of elements) {
    processElement(w, e);
    if (w.error) return;
  }
}

/** One step of ssl_cipher_process_rulestr's main loop. */
function processElement(w: Walk, e: BoringsslElement): void {
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
        `\`${w.input.slice(e.start, e.end)}\` cannot start a rule; ${separatorsText(w.strict)}`,
        e,
      );
      return record(w, e, null, 'error', [], { reason: 'invalid-command' });
  }
}

// ---------------------------------------------------------------- the trace

const EFFECT: Record<RuleOp, TermEffect> = { add: 'added', ord: 'moved', del: 'deleted', kill: 'killed' };

/** Records one element when tracing (a no-op otherwise). */
function record(
  w: Walk,
  span: Span,
  node: BoringsslTerm | BoringsslSpecial | null,
  effect: TermEffect,
  suites: readonly number[],
  extra: Partial<TermTrace> = {},
): void {
  if (!w.trace) return;
  w.trace.push({
    span: { start: span.start, end: span.end },
    text: w.input.slice(span.start, span.end),
    operator: node === null ? null : node.type === 'special' ? '@' : node.op,
    words: node === null ? [] : wordsOf(w.t, node),
    effect,
    suites: suites.map((i) => w.t.suites[i]!.data.name),
    ...extra,
  });
}

/** Each word of an element and what BoringSSL knows it as (only a lone word can name a suite). */
function wordsOf(t: BoringsslTarget, node: BoringsslTerm | BoringsslSpecial): TermTrace['words'] {
  if (node.type === 'special') {
    const { name } = node;
    return name.text === '' ? [] : [{ text: name.text, span: { start: name.start, end: name.end }, kind: 'command' }];
  }
  return node.words
    .filter((word) => word.text !== '')
    .map((word) => ({
      text: word.text,
      span: { start: word.start, end: word.end },
      kind:
        node.words.length === 1 && t.suiteByName.has(word.text)
          ? 'suite'
          : t.aliases.has(word.text)
            ? 'alias'
            : 'unknown',
    }));
}

/** Why a rule that was applied changed nothing (only computed when tracing). */
function whyNothing(w: Walk, sel: Selector, op: RuleOp): Partial<TermTrace> {
  const { t, list } = w;
  const inList = new Uint8Array(t.suites.length);
  for (const i of list.order) inList[i] = 1;
  let first = -1;
  let live = false;
  for (const i of t.collected) {
    if (!selects(t, sel, i)) continue;
    if (first === -1) first = i;
    if (inList[i]) live = true;
  }
  let reason: NoEffectReason;
  if (first === -1) reason = 'matches-nothing';
  else if (!live) reason = 'shadowed-by-kill';
  else reason = op === 'add' ? 'already-active' : 'nothing-to-act-on';
  const by = reason === 'shadowed-by-kill' ? w.killedBy.get(first) : undefined;
  return by === undefined ? { reason } : { reason, shadowedBy: by };
}

function separatorsText(strict: boolean): string {
  return strict
    ? 'in strict mode only `:` separates rules'
    : 'rules are separated by `:`, space, `;` or `,`, and start with a name, `!`, `-`, `+`, `@` or `[`';
}

function fail(w: Walk, code: BoringsslErrorCode, message: string, span: Span): void {
  w.error ??= { code, message, span: { start: span.start, end: span.end } };
}

/** The character at `offset` as a span (a surrogate pair whole; empty at the end of the string). */
function charAt(input: string, offset: number): Span {
  if (offset >= input.length) return { start: offset, end: offset };
  const c = input.charCodeAt(offset);
  const pair = c >= 0xd800 && c <= 0xdbff && (input.charCodeAt(offset + 1) & 0xfc00) === 0xdc00;
  return { start: offset, end: offset + (pair ? 2 : 1) };
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
    return record(w, node, node, 'error', [], { reason: 'mixed-special-operator-with-groups' });
  }
  const sel: Selector = { suite: -1, mkey: ALL_BITS, auth: ALL_BITS, enc: ALL_BITS, mac: ALL_BITS, minVersion: null };
  let skip = false;
  /** With a trace: why the rule is ignored (the first cause). */
  let why: Partial<TermTrace> | null = null;
  const words = node.words;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const text = word.text;
    if (text === '') {
      const at = charAt(w.input, word.start);
      fail(
        w,
        'invalid-command',
        k === 0
          ? `\`${node.op}\` must be followed by a cipher suite or alias name`
          : '`+` must be followed by an alias name',
        at.start === at.end ? { start: word.start - 1, end: word.start } : at,
      );
      return record(w, node, node, 'error', [], { reason: 'invalid-command' });
    }
    // Only a lone word can name a suite (test: 'a suite name inside a compound is an unknown alias').
    if (words.length === 1) {
      const suite = t.suiteByName.get(text);
      if (suite !== undefined) {
        sel.suite = suite;
        if (t.suites[suite]!.data.tls13) {
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
      const inCompound = words.length > 1 && t.suiteByName.has(text);
      if (w.strict) {
        fail(w, 'invalid-command', unknownMessage(t, text, inCompound, true), word);
        return record(w, node, node, 'error', [], { reason: 'strict-unknown-word' });
      }
      const reason = inCompound ? 'suite-in-compound' : text === 'DEFAULT' ? 'default-not-first' : 'unknown';
      const message = unknownMessage(t, text, inCompound, false);
      if (reason === 'default-not-first') warn(w, 'default-not-first', message, word, { word: text });
      else warn(w, 'unknown-word', message, word, { word: text, reason });
      why ??= { reason: 'unknown-word', detail: reason === 'unknown' ? 'unknown-word' : reason };
      continue;
    }
    sel.mkey = (sel.mkey & alias.mkey) >>> 0;
    sel.auth = (sel.auth & alias.auth) >>> 0;
    sel.enc = (sel.enc & alias.enc) >>> 0;
    sel.mac = (sel.mac & alias.mac) >>> 0;
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
  const op = node.op === null ? 'add' : OPS[node.op]!;
  if (!w.trace) {
    if (!skip) applyRule(t, w.list, sel, op, inGroup);
    return;
  }
  if (skip) return record(w, node, node, 'none', [], why!);
  let activeBefore = 0;
  if (op === 'kill') for (const i of w.list.order) if (w.list.active[i] && selects(t, sel, i)) activeBefore++;
  const touched: number[] = [];
  if (applyRule(t, w.list, sel, op, inGroup, touched) === 0) {
    return record(w, node, node, 'none', [], why ?? whyNothing(w, sel, op));
  }
  record(w, node, node, EFFECT[op], touched, op === 'kill' ? { activeBefore } : {});
  if (op === 'kill') for (const i of touched) w.killedBy.set(i, w.trace.length - 1);
}

function unknownMessage(t: BoringsslTarget, text: string, inCompound: boolean, strict: boolean): string {
  const outcome = strict ? 'strict mode rejects the string' : 'BoringSSL ignores the rule';
  if (inCompound) {
    return `\`${text}\` names a cipher suite, but a suite name cannot be combined with \`+\` in BoringSSL (it is looked up as an alias and not found); ${outcome}`;
  }
  if (text === 'DEFAULT') {
    return `\`DEFAULT\` only expands at the very start of the string; here it is an unknown word and ${outcome}`;
  }
  const close = suggestion(t, text);
  return `\`${text}\` is not a cipher suite or alias in BoringSSL; ${outcome}${close ? `; did you mean \`${close}\`?` : ''}`;
}

/** The one known word that differs from `text` only in letter case, if there is exactly one. */
function suggestion(t: BoringsslTarget, text: string): string | null {
  const upper = text.toUpperCase();
  const found = new Set<string>();
  for (const name of [...t.aliases.keys(), ...t.suiteByName.keys()]) if (name.toUpperCase() === upper) found.add(name);
  return found.size === 1 ? [...found][0]! : null;
}

function versionSkipWarning(w: Walk, node: BoringsslTerm, had: string, text: string, other: string | null): void {
  const rule = w.input.slice(node.start, node.end);
  if (other !== null) {
    warn(
      w,
      'empty-intersection',
      `\`${rule}\` can match no suite: it asks for suites new in ${had} and new in ${other} at once, so BoringSSL ignores it`,
      node,
      { term: rule },
    );
  } else {
    warn(
      w,
      'version-alias-order',
      `\`${rule}\` is ignored: in BoringSSL a protocol alias must come after the other words of a \`+\` rule (\`${text}\` follows one); write the protocol alias last`,
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
    span: { start: node.start, end: node.end },
    text: w.input.slice(node.start, node.end),
    operator: null,
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
    const text = w.input.slice(node.unexpected.start, node.unexpected.end);
    fail(
      w,
      'unexpected-operator-in-group',
      `\`${text}\` cannot appear inside an equal-preference group: only names separated by \`|\` (no operators, no spaces or other separators), then \`]\``,
      node.unexpected,
    );
    return;
  }
  if (node.close === null) {
    fail(w, 'invalid-command', 'the equal-preference group opened here is never closed with `]`', node.open);
    return;
  }
  const order = w.list.order;
  // The list's tail, enabled or not (test: 'a group member already enabled is not added again').
  if (order.length > 0) w.list.inGroup[order[order.length - 1]!] = 0;
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
    return record(w, span, node, 'error', [], { reason: 'mixed-special-operator-with-groups' });
  }
  const name = node.name.text;
  if (name === '') {
    fail(w, 'invalid-command', '`@` must be followed by `STRENGTH`', at);
    return record(w, span, node, 'error', [], { reason: 'invalid-command' });
  }
  if (!w.t.data.specials.includes(name)) {
    fail(
      w,
      'invalid-command',
      `\`@${name}\` is not a special command; BoringSSL knows only ${w.t.data.specials.map((s) => `\`@${s}\``).join(', ')}` +
        (name.startsWith('SECLEVEL') ? ' (it has no security levels)' : ''),
      span,
    );
    return record(w, span, node, 'error', [], { reason: 'invalid-command' });
  }
  const touched: number[] | undefined = w.trace ? [] : undefined;
  strengthSort(w.t, w.list, touched);
  if (touched) {
    record(
      w,
      span,
      node,
      touched.length ? 'sorted' : 'none',
      touched,
      touched.length ? {} : { reason: 'nothing-to-act-on' },
    );
  }
  // The rest up to the separator is thrown away (test: 'even an operator after @STRENGTH is thrown away').
  if (node.skipped) {
    const text = w.input.slice(node.skipped.start, node.skipped.end);
    warn(
      w,
      'ignored-after-special',
      `\`${text}\` after \`@${name}\` is thrown away up to the next separator; put a separator before it`,
      node.skipped,
      { text },
    );
    record(w, node.skipped, null, 'none', [], { reason: 'discarded-after-special' });
  }
}
