import { cString } from '../../core/c-string.js';
import { applyRule, cloneList, forEachActive, newList, type CipherList } from '../../core/cipher-list.js';
import { outcome } from '../../core/outcome.js';
import { traceLimited } from '../../core/rule-trace.js';
import { report } from '../../diagnostics/sink.js';
import type { Diagnostic } from '../../core/types.js';
import { boringsslMatchSet } from './match-set.js';
import { parseBoringssl } from './parse.js';
import { newWalk, processElement, processRules } from './rulestr.js';
import { selectorOf, type BoringsslTarget } from './table.js';
import type { BoringsslCipher, BoringsslOptions, BoringsslResult } from './types.js';

/**
 * Evaluates `input` as BoringSSL's SSL_CTX_set_cipher_list (or, with `strict`,
 * SSL_CTX_set_strict_cipher_list) does on a fresh context of the library whose compiled table
 * is `t`, and returns what the context then holds: accepted or not and why, the ordered suites
 * with their equal-preference group flags. TLS 1.3 suites are never part of the list (BoringSSL
 * configures them separately).
 *
 * Never throws for any string. Throws a TypeError when `input` is not a string or an option has
 * the wrong type.
 */
export function expandBoringssl(t: BoringsslTarget, input: string, options: BoringsslOptions = {}): BoringsslResult {
  if (typeof input !== 'string') throw new TypeError(`expandBoringssl: input must be a string, got ${typeof input}`);
  if (options === null || typeof options !== 'object')
    throw new TypeError('expandBoringssl: options must be an object');
  const { strict = false, aesHardware, trace = false } = options;
  if (typeof strict !== 'boolean') throw new TypeError('expandBoringssl: options.strict must be a boolean');
  if (typeof trace !== 'boolean') throw new TypeError('expandBoringssl: options.trace must be a boolean');
  if (aesHardware !== undefined && typeof aesHardware !== 'boolean') {
    throw new TypeError('expandBoringssl: options.aesHardware must be a boolean');
  }
  return evaluate(t, input, strict, trace, aesHardware ?? t.data.recordedAesHardware, false);
}

/**
 * Evaluates `input` as SSL_CTX_set_ciphersuites of a library whose TLS 1.3 list is configurable
 * (BoringsslData.tls13: AWS-LC) does: the same scanner and aliases, not strict, over the TLS 1.3
 * suites alone (only their names are suite names). For a library that has such a list.
 */
export function expandBoringsslCiphersuites(
  t: BoringsslTarget,
  input: string,
  options: { aesHardware?: boolean } = {},
): BoringsslResult {
  return evaluate(t, input, false, false, options.aesHardware ?? t.data.recordedAesHardware, true);
}

/** The default TLS 1.3 string of a fresh context (SSL_CTX_new), by AES hardware; null without one. */
export function defaultCiphersuites(t: BoringsslTarget, aesHardware = t.data.recordedAesHardware): string | null {
  const l = t.data.tls13;
  if (!l) return null;
  return aesHardware ? l.defaultCiphersuites : l.defaultCiphersuitesNoAesHardware;
}

function evaluate(
  t: BoringsslTarget,
  input: string,
  strict: boolean,
  trace: boolean,
  aesHardware: boolean,
  tls13: boolean,
): BoringsslResult {
  // A C caller's string ends at the first NUL.
  const { text, truncated } = cString(input, 'the string', 'BoringSSL');
  const diagnostics: Diagnostic[] = truncated ? [truncated] : [];

  // ssl_create_cipher_list(): the fixed default order, then the default rule string when the
  // string starts with a default prefix (read by its own scanner), then the rest of the string,
  // applied while it is read so that the first error ends reading and nothing of a long string
  // is kept.
  const list = cloneList(defaultOrder(t, aesHardware, tls13));
  const walk = newWalk(t, text, strict, list, diagnostics, tls13);
  walk.trace = trace ? [] : null;
  parseBoringssl(
    text,
    strict,
    {
      defaultPrefix: (node) => {
        const rules = t.data.defaultRuleString;
        const inner = newWalk(t, rules, strict, list, null, tls13);
        processRules(inner, parseBoringssl(rules, strict).elements);
        walk.error = inner.error;
        // The default rule string is folded into one element (it only adds: no `!` of its own).
        const span = { start: node.start, end: node.end };
        const added: string[] = [];
        if (!inner.error) forEachActive(list, (i) => added.push(t.suites[i]!.data.name));
        walk.trace?.push({
          span,
          text: node.text,
          operator: null,
          words: [{ text: node.text, span: { ...span }, kind: 'alias' }],
          effect: inner.error ? 'error' : 'added',
          suites: added,
          ...(inner.error ? { reason: 'invalid-command' as const } : {}),
          detail: rules,
        });
      },
      element: (e) => {
        if (walk.error === null) processElement(walk, e);
        return walk.error === null;
      },
    },
    t.data.defaultPrefixes,
  );

  if (walk.untraced) report({ diagnostics }, traceLimited(walk.untraced));
  const ciphers: BoringsslCipher[] = [];
  forEachActive(list, (i, inGroup) => ciphers.push(inGroup ? t.suites[i]!.cipherInGroup : t.suites[i]!.cipher));
  // "Configuring an empty cipher list is an error but still updates the output"; where the empty
  // string is accepted (emptyStringAccepted, not strict), it is not an error.
  const emptyOk = text === '' && !strict && (tls13 || t.data.emptyStringAccepted);
  const why = tls13
    ? 'the TLS 1.3 list selects no TLS 1.3 suite'
    : t.data.tls13?.noMatchEmptiesTls13
      ? 'the string leaves no cipher suite enabled; the whole list, TLS 1.3 suites included, is emptied'
      : 'the string leaves no cipher suite enabled';
  const end = outcome(walk.error, ciphers, emptyOk ? 1 : ciphers.length, why);
  const result: BoringsslResult = { ok: end.ok, error: end.error, ciphers: end.ciphers, seclevel: null, diagnostics };
  if (walk.trace) result.trace = walk.trace;
  return result;
}

/** Per compiled table: the default order, with and without AES hardware, of each list. */
const defaultOrders = new WeakMap<BoringsslTarget, Map<string, CipherList>>();

/**
 * The list ssl_create_cipher_list() builds before reading the string: every non-TLS 1.3 suite
 * (with `tls13`, every TLS 1.3 suite) in kCiphers order, ordered by the fixed rules of data/
 * (ECDHE-ECDSA and ECDHE first, AEADs first, no forward secrecy last; or a fixed order by name)
 * and then all disabled again, order kept. Computed once per table, branch and list.
 */
function defaultOrder(t: BoringsslTarget, aesHardware: boolean, tls13: boolean): CipherList {
  let orders = defaultOrders.get(t);
  if (!orders) defaultOrders.set(t, (orders = new Map()));
  const key = `${aesHardware}/${tls13}`;
  let list = orders.get(key);
  if (!list) {
    list = newList(t.suites.length, tls13 ? t.collectedTls13 : t.collected);
    for (const rule of t.data.defaultOrder) {
      if (rule.when === 'aesHardware' && !aesHardware) continue;
      if (rule.when === 'noAesHardware' && aesHardware) continue;
      if (rule.suites) {
        // A fixed order laid out by ids: each suite by name, in turn.
        for (const name of rule.suites) {
          const sel = { ...selectorOf(t.data, rule), suite: t.suiteByName.get(name)! };
          applyRule(list, rule.op, boringsslMatchSet(t, sel));
        }
      } else applyRule(list, rule.op, boringsslMatchSet(t, selectorOf(t.data, rule)));
    }
    orders.set(key, list);
  }
  return list;
}
