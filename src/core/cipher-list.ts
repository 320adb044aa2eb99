/**
 * The working list of ssl_create_cipher_list(): every collected suite in its current position,
 * each active (will be output) or not. OpenSSL keeps a doubly linked list; here it is an array
 * of suite indices plus bitsets over suite indices (bit i of word i >> 5):
 *   active   the suite will be output
 *   alive    the suite is still in the list (a `!` kill clears it for good)
 *   inGroup  BoringSSL: the suite is in an equal-preference group with the next (`in_group`)
 * A killed suite may linger in `order` until the next walk drops it; every reader skips it.
 * Every operation is a stable partition, which is what OpenSSL's walk-and-move loops amount
 * to (proven by the differential and corpus tests). BoringSSL's CIPHER_ORDER list is the same
 * list with the in-group flag, and ssl_cipher_apply_rule the same function.
 */
export interface CipherList {
  /** Suite indices in list order; only the first `length` entries are in the list. */
  order: Int32Array;
  length: number;
  active: Uint32Array;
  alive: Uint32Array;
  inGroup: Uint32Array;
}

export type RuleOp = 'add' | 'ord' | 'del' | 'bump' | 'kill';

const has = (set: Uint32Array, i: number) => ((set[i >>> 5]! >>> (i & 31)) & 1) !== 0;

/** The number of set bits of a 32-bit word. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A copy that operations on the original cannot change. */
export function cloneList(list: CipherList): CipherList {
  return {
    order: list.order.slice(0, list.length),
    length: list.length,
    active: list.active.slice(),
    alive: list.alive.slice(),
    inGroup: list.inGroup.slice(),
  };
}

/** Makes `dst` a copy of `src` without allocating (both lists of the same target). */
export function copyList(dst: CipherList, src: CipherList): CipherList {
  dst.order.set(src.order.subarray(0, src.length));
  dst.length = src.length;
  dst.active.set(src.active);
  dst.alive.set(src.alive);
  dst.inGroup.set(src.inGroup);
  return dst;
}

/** A list of `size` possible suites holding `indices` in that order, all inactive. */
export function newList(size: number, indices: Iterable<number>): CipherList {
  const words = (size + 31) >>> 5;
  const list: CipherList = {
    order: new Int32Array(size),
    length: 0,
    active: new Uint32Array(words),
    alive: new Uint32Array(words),
    inGroup: new Uint32Array(words),
  };
  for (const i of indices) {
    list.order[list.length++] = i;
    list.alive[i >>> 5]! |= 1 << (i & 31);
  }
  return list;
}

let movedScratch = new Int32Array(0);
let relScratch = new Uint32Array(0);

/**
 * ssl_cipher_apply_rule() for the suites in `hits` (a bitset over suite indices, see
 * match-set.ts). Returns how many suites it changed; when `touched` is given, their indices are
 * appended to it in list order.
 *   add:  inactive matches move to the end, active; in a group when `inGroup` (BoringSSL)
 *   ord:  active matches move to the end, out of any group   (forward walk, append at tail)
 *   del:  active matches move to the front, inactive, out of any group (reverse walk, insert at head)
 *   bump: active matches move to the front                     (reverse walk, insert at head)
 *   kill: matches leave the list for good
 * OpenSSL's reverse walk that inserts each match at the head keeps the matches' relative
 * order, so every case is a stable partition of the array.
 */
export function applyRule(
  list: CipherList,
  op: RuleOp,
  hits: Uint32Array,
  touched?: number[],
  inGroup = false,
): number {
  const { active, alive } = list;
  const words = active.length;
  // The matches this op acts on: add takes inactive ones, kill any, the others active ones.
  if (relScratch.length < words) relScratch = new Uint32Array(words);
  const rel = relScratch;
  let any = 0;
  let count = 0;
  let one = -1;
  for (let w = 0; w < words; w++) {
    const r =
      op === 'add' ? hits[w]! & alive[w]! & ~active[w]! : op === 'kill' ? hits[w]! & alive[w]! : hits[w]! & active[w]!;
    rel[w] = r;
    any |= r;
    if (r !== 0) {
      count += popcount(r);
      one = (w << 5) | (31 - Math.clz32(r & -r));
    }
  }
  if (any === 0) return 0;
  // One suite (an explicit name): moved in place, without walking the list.
  if (count === 1 && op !== 'kill') {
    moveOne(list, op, one, inGroup);
    if (touched) touched.push(one);
    return 1;
  }
  if (op === 'kill') {
    // No walk: the killed suites stay in `order` until the next walk drops them.
    if (touched) for (let k = 0; k < list.length; k++) if (has(rel, list.order[k]!)) touched.push(list.order[k]!);
    let m = 0;
    for (let w = 0; w < words; w++) {
      alive[w]! &= ~rel[w]!;
      active[w]! &= ~rel[w]!;
      m += popcount(rel[w]!);
    }
    return m;
  }
  const order = list.order;
  const n = list.length;
  if (movedScratch.length < n) movedScratch = new Int32Array(n);
  const moved = movedScratch;
  let kept = 0;
  let m = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (!has(alive, i)) continue; // killed earlier: dropped from the list now
    if (has(rel, i)) moved[m++] = i;
    else order[kept++] = i;
  }
  list.length = kept + m;
  if (touched) for (let k = 0; k < m; k++) touched.push(moved[k]!);
  // Plain loops: a typed-array view per call costs more than the copy of a list this short.
  if (op === 'add' || op === 'ord') {
    for (let k = 0; k < m; k++) order[kept + k] = moved[k]!;
  } else {
    for (let k = kept - 1; k >= 0; k--) order[m + k] = order[k]!;
    for (let k = 0; k < m; k++) order[k] = moved[k]!;
  }
  const group = list.inGroup;
  if (op === 'add') {
    for (let w = 0; w < words; w++) {
      active[w]! |= rel[w]!;
      group[w] = inGroup ? group[w]! | rel[w]! : group[w]! & ~rel[w]!;
    }
  } else if (op === 'del') {
    for (let w = 0; w < words; w++) {
      active[w]! &= ~rel[w]!;
      group[w]! &= ~rel[w]!;
    }
  } else if (op === 'ord') {
    for (let w = 0; w < words; w++) group[w]! &= ~rel[w]!;
  }
  return m;
}

/** applyRule() for the one suite `i` the op acts on (alive, so in the list): the same move, without the walk. */
function moveOne(list: CipherList, op: RuleOp, i: number, inGroup: boolean): void {
  const { order, length: n } = list;
  let k = 0;
  while (order[k] !== i) k++;
  const w = i >>> 5;
  const bit = 1 << (i & 31);
  if (op === 'add' || op === 'ord') {
    order.copyWithin(k, k + 1, n);
    order[n - 1] = i;
  } else {
    order.copyWithin(1, 0, k);
    order[0] = i;
  }
  if (op === 'add') {
    list.active[w]! |= bit;
    list.inGroup[w] = inGroup ? list.inGroup[w]! | bit : list.inGroup[w]! & ~bit;
  } else if (op === 'del') {
    list.active[w]! &= ~bit;
    list.inGroup[w]! &= ~bit;
  } else if (op === 'ord') {
    list.inGroup[w]! &= ~bit;
  }
}

/**
 * ssl_cipher_strength_sort() (`@STRENGTH`): for each strength from the highest active one down
 * to 0, move the active suites of that strength to the end (an `ord` rule each, which takes them
 * out of any group). The net effect is a stable sort of the active suites by strength (`bits`,
 * by suite index), descending, after the inactive ones. Returns how many active suites changed
 * position; `touched` gets those suites.
 */
export function strengthSort(bits: ArrayLike<number>, list: CipherList, touched?: number[]): number {
  const { order, active, alive, inGroup } = list;
  for (let w = 0; w < inGroup.length; w++) inGroup[w]! &= ~active[w]!;
  const n = list.length;
  if (beforeScratch.length < n) {
    beforeScratch = new Int32Array(n);
    activeScratch = new Int32Array(n);
    keyScratch = new Int32Array(n);
  }
  const before = beforeScratch;
  const actives = activeScratch;
  let kept = 0;
  let count = 0;
  let a = 0;
  let fits = n <= 0x10000;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (!has(alive, i)) continue;
    before[count++] = i;
    if (!has(active, i)) order[kept++] = i;
    else {
      const b = bits[i]!;
      if (!(b >= 0 && b < 0x8000)) fits = false;
      actives[a++] = i;
    }
  }
  // A stable sort by strength, descending: each key is the strength (inverted) above the
  // position, so a plain numeric sort of the keys is stable and calls no comparator.
  const keys = keyScratch.subarray(0, a);
  if (fits) {
    for (let j = 0; j < a; j++) keys[j] = ((0x7fff - bits[actives[j]!]!) << 16) | j;
    keys.sort();
  } else {
    for (let j = 0; j < a; j++) keys[j] = j;
    keys.sort((x, y) => bits[actives[y]!]! - bits[actives[x]!]! || x - y);
  }
  let changed = 0;
  for (let j = 0; j < a; j++) {
    const i = actives[fits ? keys[j]! & 0xffff : keys[j]!]!;
    order[kept + j] = i;
    if (before[kept + j] !== i) {
      changed++;
      if (touched) touched.push(i);
    }
  }
  list.length = kept + a;
  return changed;
}

let beforeScratch = new Int32Array(0);
let activeScratch = new Int32Array(0);
let keyScratch = new Int32Array(0);

/**
 * Appends the active suites in list order (what SSL_CTX_get_ciphers returns for TLS 1.2 and
 * below) to `out`, mapped through `suites`; returns how many.
 */
export function appendActive<T>(list: CipherList, suites: readonly T[], out: T[]): number {
  let n = 0;
  for (let k = 0; k < list.length; k++) {
    const i = list.order[k]!;
    if (has(list.active, i) && has(list.alive, i)) {
      out.push(suites[i]!);
      n++;
    }
  }
  return n;
}

/**
 * {@link appendActive}, also appending the suites still in the list that `keep` names, active
 * or not (LibreSSL's inactive TLS 1.3 suites). Returns the number of active suites appended.
 */
export function appendActiveOrKept<T>(
  list: CipherList,
  suites: readonly T[],
  out: T[],
  keep: (i: number) => boolean,
): number {
  let n = 0;
  for (let k = 0; k < list.length; k++) {
    const i = list.order[k]!;
    if (!has(list.alive, i)) continue;
    const active = has(list.active, i);
    if (active || keep(i)) out.push(suites[i]!);
    if (active) n++;
  }
  return n;
}

/**
 * Calls `fn` for each active suite in list order with its in-group flag (what
 * SSL_CTX_get_ciphers and SSL_CTX_cipher_in_group give).
 */
export function forEachActive(list: CipherList, fn: (i: number, inGroup: boolean) => void): void {
  for (let k = 0; k < list.length; k++) {
    const i = list.order[k]!;
    if (has(list.active, i) && has(list.alive, i)) fn(i, has(list.inGroup, i));
  }
}

/** BoringSSL's `]`: the last suite still in the list, active or not, ends its group. */
export function endGroup(list: CipherList): void {
  for (let k = list.length - 1; k >= 0; k--) {
    const i = list.order[k]!;
    if (!has(list.alive, i)) continue;
    list.inGroup[i >>> 5]! &= ~(1 << (i & 31));
    return;
  }
}
