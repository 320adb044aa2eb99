import { defaultCiphersuites, expandBoringssl, expandBoringsslCiphersuites } from './family/boringssl/expand.js';
import { baseLists } from './family/openssl/base-lists.js';
import { appendActive, appendActiveOrKept, copyList } from './core/cipher-list.js';
import { evaluateCiphersuites, type CiphersuitesResult } from './family/openssl/ciphersuites.js';
import { runSegment, runSegments, type EvalContext } from './family/openssl/evaluate.js';
import { diagnostic, report } from './diagnostics/sink.js';
import { traceLimited } from './core/rule-trace.js';
import { cString } from './core/c-string.js';
import { outcome } from './core/outcome.js';
import type { TermTrace } from './core/trace.js';
import { SUITE_B_RULES } from './family/openssl/suite-b.js';
import { parseCipherString } from './family/openssl/parse.js';
import { boringsslSupportedView } from './supported/boringssl.js';
import { checkExpandOptions, type CheckedOptions } from './library/options.js';
import { boringsslTable, opensslTable } from './library/tables.js';
import { supportedView } from './supported/supported.js';
import type { Target } from './family/openssl/target.js';
import type { Cipher, Diagnostic } from './core/types.js';
import type { ExpandOptions, ExpandResult } from './types.js';

const copyDiagnostics = (ds: readonly Diagnostic[]): Diagnostic[] =>
  ds.map((d) => ({ ...d, span: d.span && { ...d.span }, args: { ...d.args } }));

const NO_CIPHERSUITES: CiphersuitesResult = Object.freeze({ ciphers: [], nonTls13: 0, error: null, diagnostics: [] });

/**
 * Evaluates `input` as `SSL_CTX_set_cipher_list` of the target release does on a fresh context
 * (after `SSL_CTX_set_ciphersuites(options.ciphersuites)`), and returns what the context then
 * holds: accepted or not and why, the ordered suites (TLS 1.3 first), the security level.
 *
 * Never throws for any string. Throws a TypeError when `input` is not a string or an option
 * has the wrong type, names an unknown target, or is one the target does not have.
 */
export function expand(input: string, options: ExpandOptions = {}): ExpandResult {
  if (typeof input !== 'string') throw new TypeError(`expand: input must be a string, got ${typeof input}`);
  const o = checkExpandOptions(options, 'expand');
  return o.lib.family === 'boringssl' ? expandForBoringssl(input, o) : expandForOpenssl(input, o);
}

/** The OpenSSL family, with the `-s` view when asked for. */
function expandForOpenssl(input: string, o: CheckedOptions): ExpandResult {
  const t = opensslTable(o.lib);
  if (o.supported === null) return expandOpenssl(t, input, o);
  const mode = { suiteB: null as string | null };
  const result = expandOpenssl(t, input, o, mode);
  const view = supportedView(t, result.ciphers, result.seclevel, { ...o.supported, suiteB: mode.suiteB });
  return { ...result, supported: view };
}

/** `mode.suiteB` receives the Suite B prefix the string starts with, if any. */
function expandOpenssl(
  t: Target,
  input: string,
  options: CheckedOptions,
  mode?: { suiteB: string | null },
): ExpandResult {
  const tls13 = t.data.tls13;
  // LibreSSL: a fresh context has no TLS 1.3 list apart; its TLS 1.3 suites are in the string's list.
  const listMembers = tls13?.inCipherList === true;
  const configured = tls13 !== null && (!listMembers || options.ciphersuites !== undefined);
  const csText = options.ciphersuites ?? tls13?.defaultCiphersuites ?? '';
  const seclevel = options.seclevel ?? t.data.defaultSeclevel;
  const cs = configured ? evaluateCiphersuites(t, csText) : NO_CIPHERSUITES;
  // The parse of a ciphersuites list is shared between calls: hand out copies.
  if (cs.error) {
    return {
      ok: false,
      error: cs.error.span ? { ...cs.error, span: { ...cs.error.span } } : { ...cs.error },
      ciphers: [],
      seclevel,
      diagnostics: copyDiagnostics(cs.diagnostics),
      // No element of the string was read: the trace asked for is empty.
      ...(options.trace ? { trace: [] } : {}),
    };
  }

  // A C caller's string ends at the first NUL.
  const { text, truncated } = cString(input, 'the string', 'OpenSSL');
  const diagnostics = copyDiagnostics(cs.diagnostics);
  if (truncated) report({ diagnostics }, truncated);

  const base = baseLists(t);
  const list = copyList(base.work, base.start);
  const trace: TermTrace[] | null = options.trace ? [] : null;
  const ctx: EvalContext = { target: t, list, seclevel, error: null, diagnostics, trace };
  // Segments are applied while the string is read, as OpenSSL does, so nothing of a long
  // string is kept and the first invalid command ends reading.
  const ast = parseCipherString(text, t.data, {
    defaultPrefix: (node) => {
      copyList(list, base.afterDefault());
      if (!trace) return;
      // DEFAULT's own `!COMPLEMENTOFDEFAULT:!eNULL` removed suites for good: record by whom.
      const effect = base.defaultEffect();
      (ctx.pendingKills ??= []).push({ touched: effect.killed, at: trace.length });
      trace.push({
        span: { start: node.start, end: node.end },
        text: 'DEFAULT',
        operator: null,
        words: [{ text: 'DEFAULT', span: { start: node.start, end: node.end }, kind: 'alias' }],
        effect: 'added',
        suites: effect.added.slice(),
        removed: effect.removed.slice(),
        detail: t.data.defaultCipherList,
      });
    },
    segment: (seg) => runSegment(ctx, seg, text),
  });
  if (mode) mode.suiteB = ast.suiteB?.name ?? null;
  if (ast.suiteB) {
    const rules = SUITE_B_RULES[ast.suiteB.name]!;
    const { discarded } = ast.suiteB;
    if (discarded.end > discarded.start) {
      report(
        ctx,
        diagnostic(
          'suite-b-replaces',
          `\`${ast.suiteB.name}\` at the start replaces the whole string with \`${rules}\`: OpenSSL ignores everything after it`,
          discarded,
          { prefix: ast.suiteB.name, rules },
        ),
      );
    }
    // The replacement runs on its own text: its trace is folded into one element for the prefix.
    ctx.trace = trace ? [] : null;
    runSegments(ctx, parseCipherString(rules, t.data).segments, rules);
    if (trace) {
      const span = { start: ast.suiteB.start, end: ast.suiteB.end };
      trace.push({
        span,
        text: ast.suiteB.name,
        operator: null,
        words: [{ text: ast.suiteB.name, span, kind: 'alias' }],
        effect: 'added',
        suites: ctx.trace!.flatMap((e) => e.suites),
        detail: rules,
      });
      if (discarded.end > discarded.start) {
        trace.push({
          span: discarded,
          text: text.slice(discarded.start, discarded.end),
          operator: null,
          words: [],
          effect: 'none',
          suites: [],
          reason: 'discarded-by-suite-b',
        });
      }
    }
  }

  if (ctx.untraced) report(ctx, traceLimited(ctx.untraced));
  const ciphers: Cipher[] = cs.ciphers.slice();
  const body = ctx.error
    ? 0
    : listMembers && !configured && !ctx.tls13Seen
      ? appendActiveOrKept(ctx.list, t.suites, ciphers, (i) => t.ssl[i] === t.tls13SslBit)
      : appendActive(ctx.list, t.suites, ciphers);
  const end = listMembers
    ? outcome(ctx.error, ciphers, body, 'the string selects no suite, so the whole list is emptied')
    : outcome(ctx.error, ciphers, body + cs.nonTls13, 'the string selects no TLS 1.2-or-below suite');
  // Built field by field: a spread here costs more than the rest of a short string's evaluation.
  const result: ExpandResult = end.ok
    ? { ok: true, error: null, ciphers: end.ciphers, seclevel: ctx.seclevel, diagnostics }
    : { ok: false, error: end.error, ciphers: end.ciphers, seclevel: ctx.seclevel, diagnostics };
  if (trace) result.trace = trace;
  return result;
}

/**
 * BoringSSL is its own dialect (src/family/boringssl/): no security levels; a TLS 1.3 list to
 * configure only where the library has one (AWS-LC), which then comes first, as
 * update_cipher_list() puts it.
 */
function expandForBoringssl(input: string, o: CheckedOptions): ExpandResult {
  const t = boringsslTable(o.lib);
  // `ok` and `error` go together (ok: true, error: null; or ok: false and the error).
  let result = expandBoringssl(t, input, { strict: o.strict, trace: o.trace }) as ExpandResult;
  const csText = o.ciphersuites ?? defaultCiphersuites(t);
  if (csText !== null) {
    const cs = expandBoringsslCiphersuites(t, csText);
    const csDiagnostics = cs.diagnostics.map((d) => ({ ...d, source: 'ciphersuites' as const }));
    if (!cs.ok) {
      // The TLS 1.3 list is set first: its failure fails the call, as for OpenSSL.
      return {
        ok: false,
        error: {
          code: 'invalid-ciphersuites',
          message: `SSL_CTX_set_ciphersuites fails: ${cs.error!.message}`,
          span: { start: 0, end: csText.length },
        },
        ciphers: [],
        seclevel: null,
        diagnostics: csDiagnostics,
        ...(o.trace ? { trace: [] } : {}),
      };
    }
    result.diagnostics.unshift(...csDiagnostics);
    if (result.ok) result = { ...result, ciphers: [...cs.ciphers, ...result.ciphers] };
  }
  if (o.supported === null) return result;
  return { ...result, supported: boringsslSupportedView(o.lib, result.ciphers, o.supported) };
}
