import type { Selector, Target } from '../table/target.js';

/**
 * The working list of ssl_create_cipher_list(): every collected suite in its current position,
 * each active (will be output) or not. OpenSSL keeps a doubly linked list; here it is an array
 * of suite indices plus an active flag per suite. Every operation is a stable partition, which
 * is what OpenSSL's walk-and-move loops amount to (proven by the differential tests).
 */
export interface CipherList {
  /** Suite indices in list order; only the first `length` entries are in the list. */
  order: Int32Array;
  length: number;
  /** Indexed by suite index: 1 when active. Killed suites are no longer in `order`. */
  active: Uint8Array;
}

export type RuleOp = 'add' | 'ord' | 'del' | 'bump' | 'kill';

/** A copy that operations on the original cannot change. */
export function cloneList(list: CipherList): CipherList {
  return { order: list.order.slice(), length: list.length, active: list.active.slice() };
}

/** ssl_cipher_collect_ciphers(): the available suites, all inactive, by id descending. */
export function initialList(t: Target): CipherList {
  const idx: number[] = [];
  for (let i = t.suites.length - 1; i >= 0; i--) if (t.available[i]) idx.push(i);
  return { order: Int32Array.from(idx), length: idx.length, active: new Uint8Array(t.suites.length) };
}

/** Does suite `i` match the selector? The mask tests of ssl_cipher_apply_rule(). */
export function matches(t: Target, sel: Selector, i: number): boolean {
  if (sel.cipherId !== 0 && sel.cipherId !== t.ids[i]) return false;
  if (sel.mkey !== 0 && (sel.mkey & t.mkey[i]!) === 0) return false;
  if (sel.auth !== 0 && (sel.auth & t.auth[i]!) === 0) return false;
  if (sel.enc !== 0 && (sel.enc & t.enc[i]!) === 0) return false;
  if (sel.mac !== 0 && (sel.mac & t.mac[i]!) === 0) return false;
  if (sel.minTls !== 0 && sel.minTls !== t.minTls[i]) return false;
  const strong = sel.strength & t.strongMask;
  if (strong !== 0 && (strong & t.strength[i]!) === 0) return false;
  const dflt = sel.strength & t.defaultMask;
  if (dflt !== 0 && (dflt & t.strength[i]!) === 0) return false;
  return true;
}

const scratch = { moved: new Int32Array(0) };
function movedBuffer(n: number): Int32Array {
  if (scratch.moved.length < n) scratch.moved = new Int32Array(n);
  return scratch.moved;
}

/**
 * ssl_cipher_apply_rule() for one selector. Returns how many suites it changed; when `touched`
 * is given, their indices are appended to it in the order OpenSSL handles them.
 *   add:  inactive matches move to the end, active          (forward walk, append at tail)
 *   ord:  active matches move to the end                      (forward walk, append at tail)
 *   del:  active matches move to the front, inactive         (reverse walk, insert at head)
 *   bump: active matches move to the front                     (reverse walk, insert at head)
 *   kill: matches leave the list for good
 */
export function applyRule(
  t: Target,
  list: CipherList,
  op: RuleOp,
  sel: Selector,
  touched?: number[],
): number {
  return partition(list, op, (i) => matches(t, sel, i), touched);
}

/** The same list operation with a precomputed predicate (used by `@STRENGTH`). */
export function partition(
  list: CipherList,
  op: RuleOp,
  pred: (i: number) => boolean,
  touched?: number[],
): number {
  const { order, active } = list;
  const n = list.length;
  const moved = movedBuffer(n);
  let kept = 0;
  let m = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    let hit = false;
    if (op === 'add') hit = active[i] === 0 && pred(i);
    else if (op === 'kill') hit = pred(i);
    else hit = active[i] === 1 && pred(i);
    if (hit) moved[m++] = i;
    else order[kept++] = i;
  }
  if (m === 0) return 0;
  if (touched) for (let k = 0; k < m; k++) touched.push(moved[k]!);
  switch (op) {
    case 'add':
      for (let k = 0; k < m; k++) {
        active[moved[k]!] = 1;
        order[kept + k] = moved[k]!;
      }
      break;
    case 'ord':
      order.set(moved.subarray(0, m), kept);
      break;
    case 'del':
    case 'bump':
      order.copyWithin(m, 0, kept);
      order.set(moved.subarray(0, m), 0);
      if (op === 'del') for (let k = 0; k < m; k++) active[moved[k]!] = 0;
      break;
    case 'kill':
      for (let k = 0; k < m; k++) active[moved[k]!] = 0;
      list.length = kept;
      break;
  }
  return m;
}

/**
 * ssl_cipher_strength_sort() (`@STRENGTH`): for each strength from the highest active one down
 * to 0, move the active suites of that strength to the end. The net effect is a stable sort of
 * the active suites by strength, descending, after the inactive ones. Returns how many active
 * suites changed position.
 */
export function strengthSort(t: Target, list: CipherList, touched?: number[]): number {
  const { order, active } = list;
  const n = list.length;
  const before = order.slice(0, n);
  const actives: number[] = [];
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (active[i] === 1) actives.push(i);
    else order[kept++] = i;
  }
  // Array.prototype.sort is stable: ties keep their current relative order.
  actives.sort((a, b) => t.bits[b]! - t.bits[a]!);
  let changed = 0;
  for (let k = 0; k < actives.length; k++) {
    order[kept + k] = actives[k]!;
    if (before[kept + k] !== actives[k]) changed++;
  }
  if (touched) for (const i of actives) touched.push(i);
  return changed;
}

/** The active suites in list order (what SSL_CTX_get_ciphers returns for TLS 1.2 and below). */
export function activeSuites(list: CipherList): number[] {
  const out: number[] = [];
  for (let k = 0; k < list.length; k++) {
    const i = list.order[k]!;
    if (list.active[i] === 1) out.push(i);
  }
  return out;
}
