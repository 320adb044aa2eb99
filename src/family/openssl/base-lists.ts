import { parseCipherString } from './parse.js';
import type { Target } from './target.js';
import { selectorOf } from './compile.js';
import { applyRule, cloneList, newList, strengthSort, type CipherList } from '../../core/cipher-list.js';
import { runSegments, type EvalContext } from './evaluate.js';
import { matchSet } from './match-set.js';

/** The two lists every call starts from, computed once per target. */
export interface BaseLists {
  /** After the ordering prologue: every available suite in place, all inactive. */
  start: CipherList;
  /** After the target's DEFAULT rule string has been applied to `start` (computed on first use). */
  afterDefault: () => CipherList;
  /** The list one call works on (expand is synchronous, so one per target suffices). */
  work: CipherList;
  /** What a leading DEFAULT did, for the trace (computed on first use; shared: copy before handing out). */
  defaultEffect: () => DefaultEffect;
}

/** What the target's DEFAULT rule string does to `start`. */
export interface DefaultEffect {
  /** The names of the suites it makes active, in list order. */
  added: readonly string[];
  /** The indices of the suites its own `!` rules removed for good, ascending. */
  killed: readonly number[];
  /** Their names, in the same order. */
  removed: readonly string[];
}

const cache = new WeakMap<Target, BaseLists>();

/** The target's prologue (ssl_create_cipher_list's fixed apply_rule sequence), run on the initial list. */
function prologueList(t: Target): CipherList {
  const list = initialList(t);
  for (const rule of t.data.prologue) {
    if (rule.op === 'strength') strengthSort(t.bits, list);
    else applyRule(list, rule.op, matchSet(t, selectorOf(t.data, rule)));
  }
  return list;
}

export function baseLists(t: Target): BaseLists {
  let b = cache.get(t);
  if (!b) {
    const start = prologueList(t);
    let afterDefault: CipherList | null = null;
    let effect: DefaultEffect | null = null;
    const after = () => (afterDefault ??= defaultList(t, start));
    b = {
      start,
      afterDefault: after,
      work: cloneList(start),
      defaultEffect: () => (effect ??= defaultEffect(t, after())),
    };
    cache.set(t, b);
  }
  return b;
}

/** The list after the target's DEFAULT rule string (ALL:!COMPLEMENTOFDEFAULT:!eNULL on 1.1.0+). */
function defaultList(t: Target, start: CipherList): CipherList {
  const ctx: EvalContext = {
    target: t,
    list: cloneList(start),
    seclevel: null,
    error: null,
    diagnostics: [],
    trace: null,
  };
  const text = t.data.defaultCipherList;
  runSegments(ctx, parseCipherString(text, t.data).segments, text);
  if (ctx.error) throw new Error(`${t.name}: DEFAULT rule string fails: ${ctx.error.message}`);
  return ctx.list;
}

function defaultEffect(t: Target, list: CipherList): DefaultEffect {
  const added: string[] = [];
  for (let k = 0; k < list.length; k++) {
    const i = list.order[k]!;
    if (((list.active[i >>> 5]! >>> (i & 31)) & 1) !== 0) added.push(t.suites[i]!.name);
  }
  const killed: number[] = [];
  for (let i = 0; i < t.suites.length; i++) {
    if (t.available[i] && ((list.alive[i >>> 5]! >>> (i & 31)) & 1) === 0) killed.push(i);
  }
  return { added, killed, removed: killed.map((i) => t.suites[i]!.name) };
}

/**
 * ssl_cipher_collect_ciphers(): the available suites, all inactive, in the order the release
 * collects them (1.1.0+: by id descending; 1.0.2: the order its table lists them in data/).
 */
export function initialList(t: Target): CipherList {
  const order = t.data.collectOrder;
  const indices =
    order === 'id-descending'
      ? t.suites.map((_, i) => t.suites.length - 1 - i).filter((i) => t.available[i])
      : order.map((id) => t.suites.findIndex((s) => s.id === id));
  return newList(t.suites.length, indices);
}
