import type { BoringsslTarget, Selector } from './table.js';

/**
 * BoringSSL's selection in ssl_cipher_apply_rule(), compiled to the bitsets over suite indices
 * that the shared list works with (src/family/openssl/match-set.ts, bit i of word i >> 5): one suite by
 * index; or every suite whose bit in each category is in the selector's mask (a category an
 * alias leaves out is all bits), whose minimum version equals the selector's when it has one,
 * and which is not explicit-only (NULL-SHA is selected by its name alone), nor deprecated unless
 * the selector includes deprecated suites.
 */
export function boringsslMatchSet(t: BoringsslTarget, sel: Selector): Uint32Array {
  const out = new Uint32Array((t.suites.length + 31) >>> 5);
  if (sel.suite >= 0) {
    out[sel.suite >>> 5] = 1 << (sel.suite & 31);
    return out;
  }
  t.suites.forEach((s, i) => {
    if (
      (sel.mkey & s.mkey) !== 0 &&
      (sel.auth & s.auth) !== 0 &&
      (sel.enc & s.enc) !== 0 &&
      (sel.mac & s.mac) !== 0 &&
      (sel.minVersion === null || sel.minVersion === s.data.minVersion) &&
      // NULL-SHA only by name (test: 'NULL-SHA is never selected by an alias').
      !s.explicitOnly &&
      // A deprecated suite is added only by its name or an alias that includes it (3DES).
      (!s.deprecated || sel.includeDeprecated)
    ) {
      out[i >>> 5]! |= 1 << (i & 31);
    }
  });
  return out;
}

const cached = new WeakMap<Selector, Uint32Array>();
const cachedWithDeprecated = new WeakMap<Selector, Uint32Array>();

/**
 * The match set of a table's own selector (an alias, a rule of the default order), computed once;
 * with `withDeprecated`, as a rule other than adding selects (deprecated suites included).
 */
export function selectorMatchSet(t: BoringsslTarget, sel: Selector, withDeprecated = false): Uint32Array {
  const widen = withDeprecated && !sel.includeDeprecated;
  const cache = widen ? cachedWithDeprecated : cached;
  let set = cache.get(sel);
  if (!set) cache.set(sel, (set = boringsslMatchSet(t, widen ? { ...sel, includeDeprecated: true } : sel)));
  return set;
}

const collectedSets = new WeakMap<BoringsslTarget, Uint32Array>();
const collectedTls13Sets = new WeakMap<BoringsslTarget, Uint32Array>();

/**
 * The suites ssl_cipher_collect_ciphers() puts in the list, as a set: all but TLS 1.3 for the
 * cipher list; with `tls13`, the TLS 1.3 suites alone (SSL_CTX_set_ciphersuites).
 */
export function collectedSet(t: BoringsslTarget, tls13 = false): Uint32Array {
  const sets = tls13 ? collectedTls13Sets : collectedSets;
  let set = sets.get(t);
  if (!set) {
    set = new Uint32Array((t.suites.length + 31) >>> 5);
    for (const i of tls13 ? t.collectedTls13 : t.collected) set[i >>> 5]! |= 1 << (i & 31);
    sets.set(t, set);
  }
  return set;
}

const strengthArrays = new WeakMap<BoringsslTarget, Int32Array>();

/** Each suite's strength in bits (SSL_CIPHER_get_bits), by suite index: what `@STRENGTH` sorts on. */
export function strengths(t: BoringsslTarget): Int32Array {
  let bits = strengthArrays.get(t);
  if (!bits) strengthArrays.set(t, (bits = Int32Array.from(t.suites, (s) => s.data.bits)));
  return bits;
}
