import type { TermTrace } from '../core/trace.js';

/** Where a suite of the final list comes from: the element that added it, the last that moved it. */
export interface SuiteOrigin {
  /** The suite's OpenSSL name. */
  name: string;
  /** Index in the trace of the element that (last) added it; -1 for TLS 1.3 suites (set apart). */
  addedBy: number;
  /** Index of the last element that moved it after that (`+X`, `@STRENGTH`), or -1. */
  lastMovedBy: number;
  /**
   * LibreSSL: a TLS 1.3 suite no element added, kept in the list because the string never names
   * TLS 1.3 and no TLS 1.3 list was configured apart.
   */
  tls13Kept?: true;
}

/** For every suite of the final list, which element added it and which last moved it. */
export function suiteOrigins(names: readonly string[], trace: readonly TermTrace[]): SuiteOrigin[] {
  const added = new Map<string, number>();
  const moved = new Map<string, number>();
  trace.forEach((e, i) => {
    if (e.effect === 'added') {
      for (const n of e.suites) {
        added.set(n, i);
        moved.delete(n);
      }
    } else if (e.effect === 'moved' || e.effect === 'sorted') {
      for (const n of e.suites) moved.set(n, i);
    }
  });
  return names.map((name) => ({ name, addedBy: added.get(name) ?? -1, lastMovedBy: moved.get(name) ?? -1 }));
}

/**
 * Why a suite is not in the final list, from the trace: the `!` that took it out of the list
 * (killed), the `!` that banned it while it was not in the list (banned), the `-` that deleted it
 * last, or that nothing added it.
 */
export type AbsenceCause =
  | { kind: 'killed'; by: number }
  | { kind: 'banned'; by: number }
  | { kind: 'deleted'; by: number }
  | { kind: 'never-added' };

export function absenceCause(name: string, trace: readonly TermTrace[]): AbsenceCause {
  let last: AbsenceCause = { kind: 'never-added' };
  trace.forEach((e, i) => {
    // DEFAULT's own `!` rules ban suites before anything else is read.
    if (e.removed?.includes(name)) last = { kind: 'banned', by: i };
    if (!e.suites.includes(name)) return;
    if (e.effect === 'killed') last = { kind: e.fromList?.includes(name) === false ? 'banned' : 'killed', by: i };
    else if (e.effect === 'deleted') last = { kind: 'deleted', by: i };
    else if (e.effect === 'added' && last.kind !== 'killed' && last.kind !== 'banned') last = { kind: 'never-added' };
  });
  return last;
}
