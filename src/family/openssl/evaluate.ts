import { productOf } from './product.js';
import type { SegmentNode, TermNode } from './parse.js';
import type { Entry, Selector, Target } from './target.js';
import type { Diagnostic, ExpandError, Span } from '../../core/types.js';
import { applyRule, strengthSort, type CipherList, type RuleOp } from '../../core/cipher-list.js';
import { availableSet, entryMatchSet, matchSet } from './match-set.js';
import { applyElement, record, type ElementRecord, type Tracing } from '../../core/rule-trace.js';
import { charSpan, describeChar } from '../../core/characters.js';
import { unknownWord } from './word-diagnostics.js';
import { MAX_DIAGNOSTICS, diagnostic, report } from '../../diagnostics/sink.js';
import type { TermEffect, TermTrace } from '../../core/trace.js';

/** Where evaluation stands while the rules of a string are applied. */
export interface EvalContext extends Tracing {
  target: Target;
  list: CipherList;
  seclevel: number | null;
  /** The first error; OpenSSL keeps reading after a bad `@` command but the call fails. */
  error: ExpandError | null;
  diagnostics: Diagnostic[];
  /** When set, every element of the string is recorded here (see core/trace.ts). */
  trace: TermTrace[] | null;
  /** Where TLS 1.3 suites are list members: whether a rule of the string named TLS 1.3. */
  tls13Seen?: boolean;
}

const OPS: Record<string, RuleOp> = { '!': 'kill', '-': 'del', '+': 'ord' };

/** An element for the trace: its span and text, and each word and what the target knows it as. */
function element(ctx: EvalContext, input: string, span: Span, term: TermNode | null): ElementRecord {
  const t = ctx.target;
  const words: ElementRecord['words'] = [];
  const command = term?.op === '@';
  const all = term?.words ?? [];
  for (let k = 0; k < (command ? Math.min(1, all.length) : all.length); k++) {
    const w = all[k]!;
    if (w.text === '') continue;
    const e = command ? undefined : t.words.get(w.text);
    const kind = command
      ? 'command'
      : e
        ? e.suite >= 0
          ? 'suite'
          : 'alias'
        : t.unregisteredAliases.has(w.text)
          ? 'unavailable-alias'
          : 'unknown';
    words.push({ text: w.text, span: { start: w.start, end: w.end }, kind });
  }
  return {
    span: { start: span.start, end: span.end },
    text: input.slice(span.start, span.end),
    operator: term?.op ?? null,
    words,
  };
}

/** Records one element when tracing (a no-op otherwise). */
function trace(
  ctx: EvalContext,
  input: string,
  span: Span,
  term: TermNode | null,
  effect: TermEffect,
  suites: number[],
  extra: Partial<TermTrace> = {},
): void {
  if (!ctx.trace) return;
  const names = ctx.target.suites;
  record(
    ctx,
    element(ctx, input, span, term),
    effect,
    suites.map((i) => names[i]!.name),
    extra,
  );
}

function invalidCommand(ctx: EvalContext, span: Span, message: string): void {
  if (!ctx.error) ctx.error = { code: 'invalid-command', message, span };
}

/**
 * The compound of a term, resolved as ssl_cipher_process_rulestr() does: each word's non-zero
 * masks are ANDed into the pattern per category, an explicit suite sets the id to match, a
 * protocol alias sets the minimum version (which must then be equal). Returns the selector,
 * or why the term does nothing.
 */
type Resolution =
  | { kind: 'rule'; selector: Selector; hits: Uint32Array }
  | { kind: 'empty-word'; at: number }
  | { kind: 'unknown'; word: number }
  | { kind: 'conflict'; word: number };

export function resolveCompound(t: Target, term: TermNode, input: string): Resolution {
  const words = term.words;
  if (words.length === 1 && words[0]!.text !== '') {
    // A single word: its own masks are the rule, and its match set is computed once.
    const e = t.words.get(words[0]!.text);
    if (e === undefined) return { kind: 'unknown', word: 0 };
    return { kind: 'rule', selector: e, hits: entryMatchSet(t, e) };
  }
  // A compound that applies a rule is resolved once per target (its words have no `+`).
  let known = compounds.get(t);
  if (known === undefined) compounds.set(t, (known = new Map()));
  // The words as written, `+` between them: the text from the first to the last.
  const key = input.slice(words[0]!.start, words[words.length - 1]!.end);
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const r = resolveWords(t, words);
  if (r.kind === 'rule') {
    if (known.size >= MAX_COMPOUNDS) known.clear();
    known.set(key, r);
  }
  return r;
}

type Rule = Extract<Resolution, { kind: 'rule' }>;
const compounds = new WeakMap<Target, Map<string, Rule>>();
/** Bounds the compounds remembered per target, whatever strings come. */
const MAX_COMPOUNDS = 1024;

function resolveWords(t: Target, words: TermNode['words']): Resolution {
  const p: Selector = { cipherId: 0, mkey: 0, auth: 0, enc: 0, mac: 0, ssl: 0, minTls: 0, strength: 0 };
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (word.text === '') return { kind: 'empty-word', at: word.start };
    const e: Entry | undefined = t.words.get(word.text);
    if (e === undefined) return { kind: 'unknown', word: w };
    if (
      !andMask(p, 'mkey', e.mkey) ||
      !andMask(p, 'auth', e.auth) ||
      !andMask(p, 'enc', e.enc) ||
      !andMask(p, 'mac', e.mac)
    ) {
      return { kind: 'conflict', word: w };
    }
    for (const g of t.strengthGroups) {
      const part = e.strength & g.mask;
      if (part === 0) continue;
      if ((p.strength & g.mask) !== 0) {
        p.strength = (p.strength & (part | ~g.mask)) >>> 0;
        if ((p.strength & g.mask) === 0) return { kind: 'conflict', word: w };
      } else if (g.assignClearsOthers) {
        // 1.1.0+ assigns here rather than ORing, so a NOT_DEFAULT bit set by an earlier word is
        // dropped (test: "COMPLEMENTOFDEFAULT+HIGH is HIGH").
        p.strength = part;
      } else {
        p.strength = (p.strength | part) >>> 0;
      }
    }
    if (e.explicit) {
      // An explicit suite: its protocol version does not join the pattern.
      p.cipherId = e.cipherId;
    } else {
      if (e.minTls !== 0) {
        if (p.minTls !== 0 && p.minTls !== e.minTls) return { kind: 'conflict', word: w };
        p.minTls = e.minTls;
      }
      if (!andMask(p, 'ssl', e.ssl)) return { kind: 'conflict', word: w };
    }
  }
  return { kind: 'rule', selector: p, hits: matchSet(t, p) };
}

/**
 * LibreSSL's tls13_seen: a rule names TLS 1.3 when one of the words it read is an explicit TLS
 * 1.3 suite (set as the word is read, so before a later word of the compound fails) or when
 * the rule it applies has exactly the TLS 1.3 protocol bit as its pattern.
 */
function namesTls13(t: Target, term: TermNode, r: Resolution): boolean {
  const bit = t.tls13SslBit;
  if (r.kind === 'rule' && r.selector.ssl === bit) return true;
  const read = r.kind === 'rule' ? term.words.length : r.kind === 'empty-word' ? 0 : r.word;
  for (let w = 0; w < read; w++) {
    const e = t.words.get(term.words[w]!.text);
    if (e?.explicit && e.ssl === bit) return true;
  }
  return false;
}

/** ANDs one category of a word into the pattern (a zero mask means "any"); false when nothing is left. */
function andMask(p: Selector, cat: 'mkey' | 'auth' | 'enc' | 'mac' | 'ssl', mask: number): boolean {
  if (mask === 0) return true;
  p[cat] = p[cat] !== 0 ? (p[cat] & mask) >>> 0 : mask;
  return p[cat] !== 0;
}

/**
 * ssl_cipher_process_rulestr() over parsed segments. Stops at the first scanning error (an
 * invalid command ends the call at once from 1.1.1 on); a bad `@` command is recorded and
 * reading goes on, as in OpenSSL, so a later `@SECLEVEL=n` still takes effect.
 */
export function runSegments(ctx: EvalContext, segments: SegmentNode[], input: string): void {
  for (const seg of segments) {
    if (!runSegment(ctx, seg, input)) return;
  }
}

/** One segment; returns false when the scan must stop (invalid command). */
export function runSegment(ctx: EvalContext, seg: SegmentNode, input: string): boolean {
  const t = ctx.target;
  const terms = seg.terms;
  if (terms.length === 0) {
    invalidCommand(
      ctx,
      charSpan(input, seg.junk!.start),
      `${describeChar(input, seg.junk!.start)} cannot start a term`,
    );
    if (ctx.trace) trace(ctx, input, seg, null, 'error', [], { reason: 'invalid-command' });
    return false;
  }
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k]!;
    const first = term.words[0]!;
    if (first.text === '') {
      const what = describeChar(input, first.start);
      invalidCommand(
        ctx,
        charSpan(input, first.start),
        `operator \`${term.op}\` must be followed by a name, not ${what}`,
      );
      if (ctx.trace) trace(ctx, input, term, term, 'error', [], { reason: 'invalid-command' });
      return false;
    }
    if (term.op === '@') {
      special(ctx, term, input);
      const ignoredFrom = term.words.length > 1 ? term.words[0]!.end : term.end;
      if (seg.end > ignoredFrom) {
        const rest = input.slice(ignoredFrom, seg.end);
        if (ctx.trace)
          trace(ctx, input, { start: ignoredFrom, end: seg.end }, null, 'none', [], {
            reason: 'discarded-after-special',
          });
        report(
          ctx,
          diagnostic(
            'ignored-after-special',
            `${productOf(t)} discards \`${rest}\` after \`@${first.text}\` up to the next separator`,
            { start: ignoredFrom, end: seg.end },
            { text: rest },
          ),
        );
      }
      return true; // the rest of the segment is discarded
    }
    const r = resolveCompound(t, term, input);
    if (t.tls13SslBit !== 0 && !ctx.tls13Seen) ctx.tls13Seen = namesTls13(t, term, r);
    if (r.kind === 'empty-word') {
      const what = describeChar(input, r.at);
      invalidCommand(ctx, charSpan(input, r.at), `\`+\` must be followed by a name, not ${what}`);
      if (ctx.trace) trace(ctx, input, term, term, 'error', [], { reason: 'invalid-command' });
      return false;
    }
    if (r.kind === 'unknown') {
      const d = unknownWord(t, term.words[r.word]!, seg, input, ctx.diagnostics.length < MAX_DIAGNOSTICS);
      report(ctx, d);
      // OpenSSL skips the rest of the segment too: the record spans it.
      if (ctx.trace)
        trace(ctx, input, { start: term.start, end: seg.end }, term, 'none', [], {
          reason: 'unknown-word',
          detail: d.code,
        });
      return true;
    }
    if (r.kind === 'conflict') {
      const text = input.slice(term.start, term.end);
      report(
        ctx,
        diagnostic(
          'empty-intersection',
          `\`${text}\` can match no suite: its words exclude each other, so ${productOf(t)} ignores it`,
          term,
          { term: text },
        ),
      );
      if (ctx.trace)
        trace(ctx, input, { start: term.start, end: seg.end }, term, 'none', [], { reason: 'empty-intersection' });
      return true;
    }
    const op = term.op === null ? 'add' : OPS[term.op]!;
    if (!ctx.trace) applyRule(ctx.list, op, r.hits);
    else {
      const names = (i: number) => t.suites[i]!.name;
      applyElement(ctx, ctx.list, op, r.hits, false, () => element(ctx, input, term, term), names, availableSet(t));
    }
  }
  if (seg.junk) {
    const last = terms[terms.length - 1]!;
    const word = last.words[last.words.length - 1]!.text;
    invalidCommand(
      ctx,
      charSpan(input, seg.junk.start),
      `${describeChar(input, seg.junk.start)} cannot follow \`${word}\`: after a known word ${productOf(t)} expects a separator (: , ; space) or an operator`,
    );
    if (ctx.trace) trace(ctx, input, seg.junk, null, 'error', [], { reason: 'invalid-command' });
    return false;
  }
  return true;
}

/** `@STRENGTH` and `@SECLEVEL=n`; anything else after `@` makes the call fail. */
function special(ctx: EvalContext, term: TermNode, input: string): void {
  const word = term.words[0]!;
  const span = { start: term.start, end: word.end };
  const t = ctx.target;
  // 4.0+ reads `@strength` and `@SecLevel=0` as well.
  const name = t.data.caseInsensitiveWords ? word.text.toUpperCase() : word.text;
  if (name === 'STRENGTH' && t.data.specials.includes('STRENGTH')) {
    const touched = ctx.trace ? [] : undefined;
    strengthSort(t.bits, ctx.list, touched);
    if (ctx.trace)
      trace(
        ctx,
        input,
        span,
        term,
        touched!.length ? 'sorted' : 'none',
        touched!,
        touched!.length ? {} : { reason: 'nothing-to-act-on' },
      );
    return;
  }
  if (t.data.specials.includes('SECLEVEL') && name.length === 10 && name.startsWith('SECLEVEL=')) {
    const level = name.charCodeAt(9) - 48;
    if (level >= 0 && level <= 5) {
      ctx.seclevel = level;
      if (ctx.trace) trace(ctx, input, span, term, 'seclevel', [], { seclevel: level });
      return;
    }
  }
  invalidCommand(
    ctx,
    span,
    name.startsWith('SECLEVEL') && t.data.specials.includes('SECLEVEL')
      ? `\`@${name}\`: the security level must be one digit from 0 to 5 (\`@SECLEVEL=2\`)`
      : `\`@${name}\` is not a special command; ${t.name} knows ${t.data.specials.map((s) => (s === 'SECLEVEL' ? '`@SECLEVEL=n`' : '`@' + s + '`')).join(' and ')}`,
  );
  if (ctx.trace) trace(ctx, input, span, term, 'error', [], { reason: 'invalid-command' });
}
