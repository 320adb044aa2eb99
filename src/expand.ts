import { expandBoringssl } from './boringssl/expand.js';
import { baseLists } from './eval/base-lists.js';
import { appendActive, copyList } from './eval/cipher-list.js';
import { evaluateCiphersuites, type CiphersuitesResult } from './eval/ciphersuites.js';
import { report, runSegment, runSegments, type EvalContext } from './eval/evaluate.js';
import type { TermTrace } from './eval/trace.js';
import { SUITE_B_RULES } from './eval/suite-b.js';
import { parseCipherString } from './parse.js';
import { boringsslSupportedView } from './supported/boringssl.js';
import { readSupportedOptions, supportedView } from './supported/supported.js';
import { DEFAULT_TARGET, TARGET_NAMES, getTarget } from './table/registry.js';
import type { Cipher, Diagnostic, ExpandOptions, ExpandResult } from './types.js';

const copyDiagnostics = (ds: readonly Diagnostic[]): Diagnostic[] =>
  ds.map((d) => ({ ...d, span: d.span && { ...d.span }, args: { ...d.args } }));

const NO_CIPHERSUITES: CiphersuitesResult = Object.freeze({ ciphers: [], nonTls13: 0, error: null, diagnostics: [] });

/**
 * Evaluates `input` as `SSL_CTX_set_cipher_list` of the target release does on a fresh context
 * (after `SSL_CTX_set_ciphersuites(options.ciphersuites)`), and returns what the context then
 * holds: accepted or not and why, the ordered suites (TLS 1.3 first), the security level.
 *
 * Never throws for any string. Throws a TypeError when `input` is not a string or an option
 * has the wrong type or an unknown target name.
 */
export function expand(input: string, options: ExpandOptions = {}): ExpandResult {
  if (typeof input !== 'string') throw new TypeError(`expand: input must be a string, got ${typeof input}`);
  if (options === null || typeof options !== 'object') throw new TypeError('expand: options must be an object');
  const targetName = options.target ?? DEFAULT_TARGET;
  if (targetName === 'boringssl') return expandForBoringssl(input, options);
  if (options.supported === undefined || options.supported === false) return expandOpenssl(input, options);
  const { options: sup, seclevel } = readSupportedOptions(options.supported, 'expand');
  if (seclevel !== undefined && options.seclevel !== undefined && seclevel !== options.seclevel) {
    throw new TypeError('expand: options.seclevel and options.supported.seclevel disagree; give one');
  }
  const mode = { suiteB: null as string | null };
  const result = expandOpenssl(input, { ...options, seclevel: seclevel ?? options.seclevel }, mode);
  const t = getTarget(targetName)!;
  const view = supportedView(t, result.ciphers, result.seclevel, { ...sup, suiteB: mode.suiteB });
  return { ...result, supported: view };
}

/** `mode.suiteB` receives the Suite B prefix the string starts with, if any. */
function expandOpenssl(input: string, options: ExpandOptions, mode?: { suiteB: string | null }): ExpandResult {
  const targetName = options.target ?? DEFAULT_TARGET;
  if (options.strict !== undefined)
    throw new TypeError(`expand: options.strict applies to boringssl only, not ${targetName}`);
  const t = getTarget(targetName);
  if (!t) {
    throw new TypeError(`expand: unknown target ${JSON.stringify(targetName)}; known: ${TARGET_NAMES.join(', ')}`);
  }
  const tls13 = t.data.tls13;
  if (options.ciphersuites !== undefined && typeof options.ciphersuites !== 'string') {
    throw new TypeError('expand: options.ciphersuites must be a string');
  }
  if (!tls13 && options.ciphersuites) {
    throw new TypeError(`expand: ${t.name} has no TLS 1.3, so it takes no ciphersuites option`);
  }
  const csText = options.ciphersuites ?? tls13?.defaultCiphersuites ?? '';

  if (options.seclevel !== undefined) {
    if (typeof options.seclevel !== 'number') throw new TypeError('expand: options.seclevel must be a number');
    if (t.data.defaultSeclevel === null) throw new TypeError(`expand: ${t.name} has no security levels`);
    if (!(Number.isInteger(options.seclevel) && options.seclevel >= 0 && options.seclevel <= 5)) {
      throw new TypeError('expand: options.seclevel must be an integer from 0 to 5');
    }
  }
  const seclevel = options.seclevel ?? t.data.defaultSeclevel;
  const cs = tls13 ? evaluateCiphersuites(t, csText) : NO_CIPHERSUITES;
  // The parse of a ciphersuites list is shared between calls: hand out copies.
  if (cs.error) {
    return {
      ok: false,
      error: { ...cs.error },
      ciphers: [],
      seclevel,
      diagnostics: copyDiagnostics(cs.diagnostics),
      // No element of the string was read: the trace asked for is empty.
      ...(options.trace ? { trace: [] } : {}),
    };
  }

  // A C caller's string ends at the first NUL.
  const nul = input.indexOf('\0');
  const text = nul === -1 ? input : input.slice(0, nul);
  const diagnostics = copyDiagnostics(cs.diagnostics);
  if (nul !== -1) {
    diagnostics.push({
      code: 'nul-truncates',
      severity: 'warning',
      message: 'the string contains a NUL character; OpenSSL reads only what comes before it',
      span: { start: nul, end: input.length },
      args: {},
    });
  }

  const base = baseLists(t);
  const list = copyList(base.work, base.start);
  const trace: TermTrace[] | null = options.trace ? [] : null;
  const ctx: EvalContext = { target: t, list, seclevel, error: null, diagnostics, trace };
  // Segments are applied while the string is read, as OpenSSL does, so nothing of a long
  // string is kept and the first invalid command ends reading.
  const ast = parseCipherString(text, t.data.extraNameChars, {
    defaultPrefix: (node) => {
      copyList(list, base.afterDefault());
      const added: Cipher[] = [];
      if (trace) {
        appendActive(list, t.suites, added);
        // DEFAULT's own `!COMPLEMENTOFDEFAULT:!eNULL` removed suites for good: record by whom.
        ctx.killedBy = new Map();
        for (let i = 0; i < t.suites.length; i++) {
          if (t.available[i] && ((list.alive[i >>> 5]! >>> (i & 31)) & 1) === 0) ctx.killedBy.set(i, trace.length);
        }
      }
      const removed = [...(ctx.killedBy?.keys() ?? [])].map((i) => t.suites[i]!.name);
      trace?.push({
        span: { start: node.start, end: node.end },
        text: 'DEFAULT',
        operator: null,
        words: [{ text: 'DEFAULT', span: { start: node.start, end: node.end }, kind: 'alias' }],
        effect: 'added',
        suites: added.map((c) => c.name),
        removed,
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
      report(ctx, {
        code: 'suite-b-replaces',
        severity: 'warning',
        message: `\`${ast.suiteB.name}\` at the start replaces the whole string with \`${rules}\`: OpenSSL ignores everything after it`,
        span: discarded,
        args: { prefix: ast.suiteB.name, rules },
      });
    }
    // The replacement runs on its own text: its trace is folded into one element for the prefix.
    ctx.trace = trace ? [] : null;
    runSegments(ctx, parseCipherString(rules, t.data.extraNameChars).segments, rules);
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

  const traced = trace ? { trace } : {};
  if (ctx.error) return { ok: false, error: ctx.error, ciphers: [], seclevel: ctx.seclevel, diagnostics, ...traced };
  const ciphers: Cipher[] = cs.ciphers.slice();
  const body = appendActive(ctx.list, t.suites, ciphers);
  if (body + cs.nonTls13 === 0) {
    return {
      ok: false,
      error: { code: 'no-cipher-match', message: 'no cipher match: the string selects no TLS 1.2-or-below suite' },
      ciphers: [],
      seclevel: ctx.seclevel,
      diagnostics,
      ...traced,
    };
  }
  return { ok: true, error: null, ciphers, seclevel: ctx.seclevel, diagnostics, ...traced };
}

/** BoringSSL is its own dialect (src/boringssl/): no TLS 1.3 list to configure, no security levels. */
function expandForBoringssl(input: string, options: ExpandOptions): ExpandResult {
  if (options.ciphersuites) throw new TypeError('expand: boringssl has no configurable TLS 1.3 list (ciphersuites)');
  if (options.seclevel !== undefined) throw new TypeError('expand: boringssl has no security levels');
  if (options.strict !== undefined && typeof options.strict !== 'boolean') {
    throw new TypeError('expand: options.strict must be a boolean');
  }
  // `ok` and `error` go together (ok: true, error: null; or ok: false and the error).
  const result = expandBoringssl(input, {
    strict: options.strict ?? false,
    trace: Boolean(options.trace),
  }) as ExpandResult;
  if (options.supported === undefined || options.supported === false) return result;
  const { options: sup, seclevel } = readSupportedOptions(options.supported, 'expand');
  return { ...result, supported: boringsslSupportedView(result.ciphers, { ...sup, seclevel }) };
}
