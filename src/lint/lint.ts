import type { TermTrace } from '../eval/trace.js';
import { expand } from '../expand.js';
import { libraries, requireLibrary, type Library } from '../library/registry.js';
import { isLoaded, opensslTable } from '../library/tables.js';
import { diagnostic } from '../diagnostics/sink.js';
import { pskTwins } from './psk-twin.js';
import { assessList, type SecurityReport } from './security.js';
import type { Cipher, Diagnostic, ExpandOptions, ExpandResult, Severity, Span } from '../types.js';

/** What lint() finds: the evaluation it judged, and every finding, in the order of the input. */
export interface LintResult {
  /** Whether OpenSSL accepts the string. */
  ok: boolean;
  /** The evaluation that was judged, with its trace. */
  result: ExpandResult & {
    /** What every element of the string did. */
    trace: TermTrace[];
  };
  /** Every finding but those of `options.ignore`, by position in the input (those without a span last). */
  diagnostics: Diagnostic[];
  /** Ratings of the resulting suites and of the list (null when the string is rejected). */
  security: SecurityReport | null;
}

/** The options of `lint`: those of `expand`, and codes to leave out. */
export interface LintOptions extends ExpandOptions {
  /** Codes to leave out. */
  ignore?: readonly string[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** How many elements lint may test by evaluating the string without them. */
const REEVALUATIONS = 64;

/**
 * Lints a cipher string for a target: everything OpenSSL accepts silently but does differently
 * from what the text says, built on the evaluator's own trace (never a second parser).
 * Severity follows OpenSSL: `error` only where it rejects the string, `warning` where it accepts
 * but does something other than the text says, `info` for style.
 */
export function lint(input: string, options: LintOptions = {}): LintResult {
  const { ignore = [], ...expandOptions } = options;
  const lib = requireLibrary(expandOptions.target, 'lint');
  const result = expand(input, { ...expandOptions, trace: true }) as ExpandResult & { trace: TermTrace[] };
  const out: Diagnostic[] = [];

  if (result.error) {
    const { code, message, span } = result.error;
    out.push(
      diagnostic(code, message, span ?? null, {}, code === 'invalid-ciphersuites' ? { source: 'ciphersuites' } : {}),
    );
  }
  for (const d of result.diagnostics) {
    // Other releases of the same family: each family's words are its own.
    out.push(d.code === 'unknown-word' ? otherReleases(d, lib) : d);
  }
  // Whether the string without one element gives the same outcome: the test of a `!X` that
  // removed nothing yet, which matters exactly when a later element would have added its suites.
  // Each test evaluates the string again, so only the first REEVALUATIONS such elements are
  // tested (lint stays linear in the length of the string); the others are counted and said.
  let budget = REEVALUATIONS;
  const untested: Span[] = [];
  const sameWithout = (span: Span): boolean => {
    if (budget-- <= 0) {
      untested.push(span);
      return false;
    }
    const r = expand(input.slice(0, span.start) + input.slice(span.end), expandOptions);
    return (
      r.ok === result.ok &&
      r.seclevel === result.seclevel &&
      r.ciphers.length === result.ciphers.length &&
      r.ciphers.every((c, i) => c.name === result.ciphers[i]!.name)
    );
  };
  out.push(...fromTrace(result.trace, input, sameWithout));
  if (untested.length > 0) {
    out.push(
      diagnostic(
        'dead-term-check-limited',
        `${untested.length} more \`!\` ${untested.length === 1 ? 'element' : 'elements'} that removed nothing when read ${untested.length === 1 ? 'was' : 'were'} not tested for effect (lint tests the first ${REEVALUATIONS}); ${untested.length === 1 ? 'it' : 'they'} may do nothing`,
        untested[0]!,
        { count: untested.length, limit: REEVALUATIONS },
      ),
    );
  }
  let security: SecurityReport | null = null;
  if (result.ok) {
    out.push(...overshoot(result, input, lib.family === 'boringssl'));
    if (lib.family === 'openssl') out.push(...pskTwins(result.trace, result.ciphers, opensslTable(lib)));
    security = assessList(result.ciphers);
    out.push(...security.diagnostics);
  }

  const kept = out.filter((d) => !ignore.includes(d.code));
  kept.sort(
    (a, b) =>
      (a.span ? 0 : 1) - (b.span ? 0 : 1) ||
      (a.span?.start ?? 0) - (b.span?.start ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return { ok: result.ok, result, diagnostics: kept, security };
}

/** An unknown word that another release knows (EXPORT, DES, CBC, IANA names...) says so. */
function otherReleases(d: Diagnostic, lib: Library): Diagnostic {
  if (lib.family !== 'openssl') return d;
  const target = lib.name;
  const word = String(d.args.word);
  const knownIn = libraries()
    .filter((l) => l.family === 'openssl' && l !== lib && isLoaded(l) && opensslTable(l).words.has(word))
    .map((l) => l.name);
  if (knownIn.length === 0) return d;
  return diagnostic(
    'not-in-this-release',
    `\`${word}\` exists in ${knownIn.join(', ')} but not in ${target}; here OpenSSL ignores it`,
    d.span,
    { ...d.args, knownIn: knownIn.join(',') },
  );
}

/** Terms that do nothing, or nothing like what they say, from the evaluator's trace. */
function fromTrace(trace: readonly TermTrace[], input: string, sameWithout: (span: Span) => boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, TermTrace>();
  const check = (e: TermTrace): void => {
    const span = e.span;
    const first = seen.get(e.text);
    if (!first) seen.set(e.text, e);
    if (e.effect === 'killed' && e.activeBefore === 0 && sameWithout(e.span)) {
      out.push(dead(e, 'it removes only suites that are not in the list, and no later element adds them'));
    }
    if (e.effect !== 'none') return;
    switch (e.reason) {
      case 'matches-nothing':
        out.push(dead(e, 'no suite of this build matches it'));
        break;
      case 'shadowed-by-kill': {
        const by = e.shadowedBy === undefined ? undefined : trace[e.shadowedBy]!;
        const d = dead(e, `every suite it matches was removed for good before${by ? ` by \`${by.text}\`` : ''}`);
        if (by) d.related = [{ span: by.span, message: `\`${by.text}\` removed them for good` }];
        out.push(d);
        break;
      }
      case 'nothing-to-act-on':
        if (e.operator === '+') {
          out.push(
            diagnostic(
              'plus-does-not-add',
              `\`${e.text}\` only moves suites already in the list to the end; none of them is there, so it does nothing. To add them, drop the \`+\``,
              span,
              { term: e.text },
              {
                fix: {
                  description: 'add the suites instead of moving them',
                  replacement: { span, text: e.text.slice(1) },
                },
              },
            ),
          );
        } else {
          out.push(dead(e, 'none of the suites it matches is in the list at that point'));
        }
        break;
      case 'already-active':
        out.push(
          first && first !== e
            ? diagnostic(
                'duplicate-term',
                `\`${e.text}\` repeats an earlier element and adds nothing`,
                span,
                { term: e.text },
                {
                  related: [{ span: first.span, message: 'first here' }],
                  fix: { description: 'remove the repeated element' },
                },
              )
            : diagnostic(
                'redundant-term',
                `\`${e.text}\` adds nothing: every suite it matches is already in the list`,
                span,
                { term: e.text },
              ),
        );
        break;
      case 'group-adds-nothing':
        // A group with items: each item that does nothing says why (below), or the evaluator does.
        if (e.items!.length === 0) out.push(dead(e, 'the equal-preference group is empty'));
        break;
      default:
        break; // unknown words, empty intersections, discarded text: the evaluator's own diagnostics
    }
  };
  for (const e of trace) {
    check(e);
    // BoringSSL: the items of an equal-preference group are checked one by one, like elements.
    for (const item of e.items ?? []) check(item);
  }
  out.push(...strengthReorders(trace, input));
  return out;
}

function dead(e: TermTrace, why: string): Diagnostic {
  return diagnostic('dead-term', `\`${e.text}\` does nothing: ${why}`, e.span, {
    term: e.text,
    reason: e.reason ?? '',
  });
}

/** `@STRENGTH` after suites named one by one reorders them against the order written. */
function strengthReorders(trace: readonly TermTrace[], input: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const named: Array<{ name: string; span: Span }> = [];
  for (const e of trace) {
    if (e.effect === 'added' && e.words.length === 1 && e.words[0]!.kind === 'suite') {
      named.push({ name: e.suites[0]!, span: e.span });
    }
    if (e.effect === 'sorted' && named.length >= 2) {
      const before = named.map((n) => n.name);
      const moved = before.filter((n) => e.suites.includes(n));
      if (moved.length > 0) {
        out.push(
          diagnostic(
            'strength-reorders',
            `\`${e.text}\` re-sorts the suites named one by one before it (${moved.join(', ')}), undoing the order written`,
            e.span,
            { suites: moved.join(',') },
            {
              related: named
                .filter((n) => moved.includes(n.name))
                .map((n) => ({ span: n.span, message: `${input.slice(n.span.start, n.span.end)} placed here` })),
              fix: { description: 'remove @STRENGTH, or list the suites in the order you want and drop it' },
            },
          ),
        );
      }
    }
  }
  return out;
}

/** Suite families a broad alias brings in that a server with a certificate cannot or should not use. */
const FAMILIES: Array<{ name: string; test: (c: Cipher) => boolean; exclude: string; boringssl?: string }> = [
  // BoringSSL prints ECDHE-PSK as Kx=ECDH Au=PSK, and its `PSK` is plain PSK only: `aPSK` covers both.
  { name: 'PSK', test: (c) => c.kx.includes('PSK') || c.au === 'PSK', exclude: '!PSK', boringssl: '!aPSK' },
  { name: 'SRP', test: (c) => c.kx.startsWith('SRP'), exclude: '!SRP' },
  { name: 'anonymous', test: (c) => c.au === 'None', exclude: '!aNULL' },
  { name: 'NULL-encryption', test: (c) => c.enc === 'None', exclude: '!eNULL' },
  { name: 'CCM8', test: (c) => c.enc.startsWith('AESCCM8'), exclude: '!AESCCM8' },
  { name: 'GOST', test: (c) => c.kx.includes('GOST') || c.au.includes('GOST'), exclude: '!kGOST' },
];

/**
 * Broad aliases (`AES128`, `HIGH`, `ALL`...) that bring suites of families the user probably did
 * not mean and that stay in the final list: PSK and SRP need a pre-shared key or SRP set up,
 * anonymous and NULL suites give no authentication or no encryption, CCM8 has a short tag.
 */
function overshoot(result: ExpandResult & { trace: TermTrace[] }, input: string, boring: boolean): Diagnostic[] {
  const final = new Map(result.ciphers.map((c) => [c.name, c]));
  const out: Diagnostic[] = [];
  // An equal-preference group is judged item by item: each item is an element of its own.
  for (const e of result.trace.flatMap((x) => x.items ?? [x])) {
    if (e.effect !== 'added' || e.words.length === 0 || e.words.some((w) => w.kind !== 'alias')) continue;
    const families = FAMILIES.map((f) => ({
      f,
      suites: e.suites.filter((n) => final.has(n) && f.test(final.get(n)!)),
    })).filter((x) => x.suites.length > 0);
    if (families.length === 0) continue;
    const count = new Set(families.flatMap((x) => x.suites)).size;
    const excludes = families.map((x) => `:${(boring && x.f.boringssl) || x.f.exclude}`).join('');
    const what = families.map((x) => `${x.suites.length} ${x.f.name}`).join(', ');
    out.push(
      diagnostic(
        'overshoot',
        `\`${e.text}\` brings in suites that stay in the final list and a certificate server cannot or should not use: ${what}`,
        e.span,
        {
          term: e.text,
          count,
          families: families.map((x) => x.f.name).join(','),
          suites: families.flatMap((x) => x.suites).join(','),
        },
        {
          fix: {
            description: `Append \`${excludes}\` to exclude them.`,
            replacement: { span: { start: input.length, end: input.length }, text: excludes },
          },
        },
      ),
    );
  }
  return out;
}
