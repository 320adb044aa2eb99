import type { BoringsslTarget, RuleOp, Selector } from './table.js';

/**
 * BoringSSL's CIPHER_ORDER list as arrays: `order` holds the suite indices still in the list
 * (killed ones are gone), enabled or not, in list order; `active` and `inGroup` are per suite.
 * The linked-list moves of ssl_cipher_apply_rule become stable array moves: matched suites keep
 * their relative order, which is what the forward (add, ord) and backward (del) walks give.
 */
export interface CipherOrder {
  order: number[];
  active: Uint8Array;
  inGroup: Uint8Array;
}

export function newOrder(t: BoringsslTarget, collected: readonly number[]): CipherOrder {
  return {
    order: collected.slice(),
    active: new Uint8Array(t.suites.length),
    inGroup: new Uint8Array(t.suites.length),
  };
}

export function copyOrder(o: CipherOrder): CipherOrder {
  return { order: o.order.slice(), active: o.active.slice(), inGroup: o.inGroup.slice() };
}

/** Whether the selector picks suite `i` (the selection part of ssl_cipher_apply_rule). */
export function selects(t: BoringsslTarget, sel: Selector, i: number): boolean {
  if (sel.suite >= 0) return sel.suite === i;
  const s = t.suites[i]!;
  return (
    (sel.mkey & s.mkey) !== 0 &&
    (sel.auth & s.auth) !== 0 &&
    (sel.enc & s.enc) !== 0 &&
    (sel.mac & s.mac) !== 0 &&
    (sel.minVersion === null || sel.minVersion === s.data.minVersion) &&
    // NULL-SHA only by name (test: 'NULL-SHA is never selected by an alias').
    !s.explicitOnly
  );
}

/**
 * ssl_cipher_apply_rule() for one rule:
 * - add: enable the matched disabled suites, moving them to the end (in a group: flag them);
 * - ord: move the matched enabled suites to the end;
 * - del: disable the matched enabled suites, moving them to the front, so the most recently
 *   deleted come first if added again;
 * - kill: take the matched suites out of the list for good.
 * Returns the number of suites the rule changed; when `touched` is given, those suites are appended
 * to it in list order.
 */
export function applyRule(
  t: BoringsslTarget,
  o: CipherOrder,
  sel: Selector,
  op: RuleOp,
  inGroup: boolean,
  touched?: number[],
): number {
  const { order, active } = o;
  const kept: number[] = [];
  const moved: number[] = [];
  for (const i of order) {
    const hit = selects(t, sel, i) && (op === 'kill' || (op === 'add' ? active[i] === 0 : active[i] === 1));
    (hit ? moved : kept).push(i);
  }
  if (moved.length === 0) return 0;
  if (touched) for (const i of moved) touched.push(i);
  for (const i of moved) {
    if (op === 'add') {
      active[i] = 1;
      o.inGroup[i] = inGroup ? 1 : 0;
    } else if (op === 'ord') {
      o.inGroup[i] = 0;
    } else {
      active[i] = 0;
      if (op === 'del') o.inGroup[i] = 0;
    }
  }
  o.order = op === 'del' ? moved.concat(kept) : op === 'kill' ? kept : kept.concat(moved);
  return moved.length;
}

/**
 * ssl_cipher_strength_sort(): for each strength present among the enabled suites, from the
 * highest down, move the enabled suites of that strength to the end. The enabled suites end up
 * sorted by strength, stably; the disabled ones keep their places before them. When `touched` is
 * given, the enabled suites whose place in the list changed are appended to it, in their new order.
 */
export function strengthSort(t: BoringsslTarget, o: CipherOrder, touched?: number[]): void {
  const before = touched ? o.order.slice() : null;
  const strengths = new Set<number>();
  for (const i of o.order) if (o.active[i]) strengths.add(t.suites[i]!.data.bits);
  for (const bits of [...strengths].sort((a, b) => b - a)) {
    const kept: number[] = [];
    const moved: number[] = [];
    for (const i of o.order) (o.active[i] && t.suites[i]!.data.bits === bits ? moved : kept).push(i);
    for (const i of moved) o.inGroup[i] = 0;
    o.order = kept.concat(moved);
  }
  if (before) {
    for (let k = 0; k < o.order.length; k++) {
      const i = o.order[k]!;
      if (o.active[i] && before[k] !== i) touched!.push(i);
    }
  }
}

/** The enabled suites in order: the list ssl_create_cipher_list hands to the context. */
export function enabled(o: CipherOrder): number[] {
  return o.order.filter((i) => o.active[i] === 1);
}
