import type { TermTrace } from '../core/trace.js';
import { resolveCompound } from '../family/openssl/evaluate.js';
import type { Target } from '../family/openssl/target.js';
import type { TermNode } from '../family/openssl/parse.js';

/**
 * The `!X` elements that removed only suites not in the list and certainly change nothing, so
 * lint need not evaluate the string again without them (an OpenSSL target, its whole string
 * traced).
 *
 * Whether a suite ends up in the list depends on nothing but the rules that match it: only an
 * add (`X`) makes a suite active, and no rule looks at other suites. A `!X` that removed suites
 * while none of them was active leaves the string's outcome as it is without the `!X` exactly
 * when no later add matches one of them: they would then stay out of the list, and the other
 * suites keep their order. The elements later adds are read from the trace and resolved as the
 * evaluator does, every word of them, so the answer "changes nothing" is never a guess; where
 * it cannot be given, lint evaluates the string again.
 *
 * Not for targets whose TLS 1.3 suites are list members (LibreSSL): there a suite that stays
 * out of the list can still be output.
 */
export function killsWithoutEffect(t: Target, trace: readonly TermTrace[], input: string): Set<TermTrace> {
  const out = new Set<TermTrace>();
  if (t.data.tls13?.inCipherList === true) return out;
  const words = (t.suites.length + 31) >>> 5;
  const laterAdds = new Uint32Array(words);
  const index = suiteIndex(t);
  for (let k = trace.length - 1; k >= 0; k--) {
    const e = trace[k]!;
    if (e.operator === '!' && e.effect === 'killed' && e.activeBefore === 0) {
      let meets = false;
      for (const name of e.suites) {
        const i = index.get(name);
        if (i === undefined || ((laterAdds[i >>> 5]! >>> (i & 31)) & 1) !== 0) meets = true;
      }
      if (!meets) out.add(e);
    }
    if (e.operator === null && e.words.length > 0) {
      const hits = addHits(t, e, input);
      if (hits === null) return out; // cannot tell what it adds: earlier kills are re-evaluated
      if (hits !== undefined) for (let w = 0; w < words; w++) laterAdds[w]! |= hits[w]!;
    }
  }
  return out;
}

/** The suites an add element matches; undefined when it applies no rule, null when that cannot be told. */
function addHits(t: Target, e: TermTrace, input: string): Uint32Array | null | undefined {
  const term: TermNode = {
    start: e.span.start,
    end: e.span.end,
    op: null,
    words: e.words.map((w) => ({ text: w.text, start: w.span.start, end: w.span.end })),
  };
  // The key of a compound is its text from the first word to the last: the words must be all of it.
  for (let w = 1; w < term.words.length; w++) if (term.words[w]!.start !== term.words[w - 1]!.end + 1) return null;
  const r = resolveCompound(t, term, input);
  // An unknown word or words that exclude each other: the evaluator applies no rule.
  return r.kind === 'rule' ? r.hits : r.kind === 'empty-word' ? null : undefined;
}

const indexes = new WeakMap<Target, Map<string, number>>();

function suiteIndex(t: Target): Map<string, number> {
  let m = indexes.get(t);
  if (!m) {
    m = new Map(t.suites.map((s, i) => [s.name, i]));
    indexes.set(t, m);
  }
  return m;
}
