import type { BoringsslTarget, Selector } from './table.js';

/**
 * BoringSSL's selection in ssl_cipher_apply_rule(), compiled to the bitsets over suite indices
 * that the shared list works with (src/family/openssl/match-set.ts, bit i of word i >> 5): one suite by
 * index; or every suite whose bit in each category is in the selector's mask (a category an
 * alias leaves out is all bits), whose minimum version equals the selector's when it has one,
 * and which is not explicit-only (NULL-SHA is selected by its name alone).
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
      !s.explicitOnly
    ) {
      out[i >>> 5]! |= 1 << (i & 31);
    }
  });
  return out;
}

const cached = new WeakMap<Selector, Uint32Array>();

/** The match set of a table's own selector (an alias, a rule of the default order), computed once. */
export function selectorMatchSet(t: BoringsslTarget, sel: Selector): Uint32Array {
  let set = cached.get(sel);
  if (!set) cached.set(sel, (set = boringsslMatchSet(t, sel)));
  return set;
}

const collectedSets = new WeakMap<BoringsslTarget, Uint32Array>();

/** The suites ssl_cipher_collect_ciphers() puts in the list (all but TLS 1.3), as a set. */
export function collectedSet(t: BoringsslTarget): Uint32Array {
  let set = collectedSets.get(t);
  if (!set) {
    set = new Uint32Array((t.suites.length + 31) >>> 5);
    for (const i of t.collected) set[i >>> 5]! |= 1 << (i & 31);
    collectedSets.set(t, set);
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
