// The search behind `suggest`: which sequence of elements gives each target its wanted list.
//
// A string of adding elements (`X`), moves (`+X`), `@STRENGTH` and bans (`!X`) has a simple
// effect on the suites it keeps: an adding element appends the suites it matches that are not in
// the list and not banned, in the order the word alone gives them; `+X` moves the listed suites it
// matches to the end, keeping their order; `@STRENGTH` sorts the list by strength bits, stably;
// `!X` bans for good. A ban commutes with everything else, so bans go first. The search keeps the
// list of wanted positions per target, so a state is "these wanted suites, in this order".
//
// For each set of bans worth trying (none, or the fewest words that ban what an otherwise useful
// word brings in beyond the wanted suites), a beam search by number of elements: every state of
// the beam is extended by every adding element that brings in only wanted suites, every move that
// changes an order, and `@STRENGTH`; states are ranked by how much of each wanted list is already
// in place (its longest prefix present in order), then by how much is in, then by length. The
// search stops at the first depth with an answer. It is bounded, so it finds the shortest string
// it can reach, not a proven shortest; the caller proves every answer with the real evaluator.
import type { Word, WordMatch } from './vocabulary.js';

/** One element after the bans. */
export type Step =
  | { op: 'add'; word: Word }
  | { op: 'move'; word: Word }
  | {
      op: 'strength';
    };

/** A candidate string: bans, then steps. */
export interface Plan {
  kills: Word[];
  steps: Step[];
  /** The string. */
  text: string;
  /** How many elements it has. */
  elements: number;
}

/** What the search needs of a target: how many suites it wants, and their strength bits by position. */
export interface PlanTarget {
  size: number;
  bits: readonly number[];
}

/** How far the search goes. */
export interface SearchLimits {
  /** States kept per depth. */
  beam: number;
  /** Ban sets tried besides none. */
  banSets: number;
  /** Answers with more elements than this are not looked for. */
  maxElements: number;
}

export const DEFAULT_LIMITS: SearchLimits = { beam: 48, banSets: 6, maxElements: 8 };

interface State {
  lists: number[][];
  steps: Step[];
  chars: number;
}

/** Candidate plans, fewest elements then fewest characters first (at most a few). */
export function searchPlans(targets: readonly PlanTarget[], words: readonly Word[], limits: SearchLimits): Plan[] {
  const found: Plan[] = [];
  let bound = limits.maxElements;
  for (const kills of banSets(words, limits.banSets)) {
    if (kills.length >= bound) continue;
    const plans = beamSearch(targets, words, kills, bound - kills.length, limits.beam);
    for (const p of plans) {
      found.push(p);
      bound = Math.min(bound, p.elements);
    }
  }
  return found.sort((a, b) => a.elements - b.elements || a.text.length - b.text.length).slice(0, 8);
}

/** The ban sets worth trying: none first, then the fewest bans (one or two) that make a useful word clean. */
function banSets(words: readonly Word[], limit: number): Word[][] {
  const bans = words.filter((w) => w.match.every((m) => m.hit.length === 0));
  const dirty = words
    .filter((w) => w.match.some((m) => m.hit.length > 0) && w.match.some((m) => m.extra.size > 0))
    .map((w) => ({ w, value: w.match.reduce((s, m) => s + m.hit.length, 0) }))
    .sort((a, b) => b.value - a.value);
  const out: Word[][] = [[]];
  const seen = new Set<string>();
  for (const { w } of dirty) {
    if (out.length > limit) break;
    const cover = coverOf(w.match, bans);
    if (cover === null || cover.length > 2) continue;
    const key = cover
      .map((c) => c.text)
      .sort()
      .join(':');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(cover);
  }
  return out;
}

/** Greedily, the bans that together cover every extra suite of `match` on every target; null if none do. */
function coverOf(match: readonly WordMatch[], bans: readonly Word[]): Word[] | null {
  const left = match.map((m) => new Set(m.extra));
  const chosen: Word[] = [];
  const remaining = () => left.reduce((s, l) => s + l.size, 0);
  while (remaining() > 0 && chosen.length < 3) {
    let best: Word | null = null;
    let bestGain = 0;
    for (const b of bans) {
      const gain = b.match.reduce((s, m, i) => s + [...left[i]!].filter((n) => m.extra.has(n)).length, 0);
      if (gain > bestGain || (gain === bestGain && best && gain > 0 && b.text.length < best.text.length)) {
        best = b;
        bestGain = gain;
      }
    }
    if (!best) return null;
    chosen.push(best);
    best.match.forEach((m, i) => {
      for (const n of m.extra) left[i]!.delete(n);
    });
  }
  return remaining() === 0 ? chosen : null;
}

function beamSearch(
  targets: readonly PlanTarget[],
  words: readonly Word[],
  kills: readonly Word[],
  maxDepth: number,
  width: number,
): Plan[] {
  const banned = targets.map((_, i) => {
    const s = new Set<string>();
    for (const k of kills) for (const n of k.match[i]!.extra) s.add(n);
    return s;
  });
  const adds = words.filter(
    (w) =>
      w.match.some((m) => m.hit.length > 0) && w.match.every((m, i) => [...m.extra].every((n) => banned[i]!.has(n))),
  );
  const moves = moveWords(targets, words);
  const killChars = kills.reduce((s, k) => s + k.text.length + 2, 0);
  let beam: State[] = [{ lists: targets.map(() => []), steps: [], chars: killChars - 1 }];
  for (let depth = 1; depth <= maxDepth; depth++) {
    const next = new Map<string, State>();
    const goals: State[] = [];
    const consider = (child: State | null) => {
      if (!child) return;
      if (isGoal(targets, child)) {
        goals.push(child);
        return;
      }
      const key = child.lists.map((l) => l.join(',')).join(';');
      const had = next.get(key);
      if (!had || child.chars < had.chars) next.set(key, child);
    };
    for (const s of beam) {
      for (const w of adds) consider(add(s, w));
      for (const w of moves) consider(move(s, w));
      consider(strength(s, targets));
    }
    if (goals.length > 0) {
      goals.sort((a, b) => a.chars - b.chars);
      return goals.slice(0, 4).map((g) => planOf(kills, g));
    }
    beam = [...next.values()]
      .map((s) => ({ s, score: score(targets, s) }))
      .sort((a, b) => b.score.placed - a.score.placed || b.score.present - a.score.present || a.s.chars - b.s.chars)
      .slice(0, width)
      .map((x) => x.s);
    if (beam.length === 0) break;
  }
  return [];
}

/** One move per distinct effect on the wanted suites; only those that split some wanted list. */
function moveWords(targets: readonly PlanTarget[], words: readonly Word[]): Word[] {
  const best = new Map<string, Word>();
  for (const w of words) {
    if (!w.match.some((m, i) => m.hit.length > 0 && m.hit.length < targets[i]!.size)) continue;
    const key = w.match.map((m) => [...m.hit].sort((a, b) => a - b).join(',')).join(';');
    const had = best.get(key);
    if (!had || (w.common && !had.common) || (w.common === had.common && w.text.length < had.text.length)) {
      best.set(key, w);
    }
  }
  return [...best.values()];
}

function add(s: State, w: Word): State | null {
  let grew = false;
  const lists = s.lists.map((list, i) => {
    const hit = w.match[i]!.hit;
    const fresh = hit.filter((p) => !list.includes(p));
    if (fresh.length === 0) return list;
    grew = true;
    return list.concat(fresh);
  });
  return grew ? { lists, steps: [...s.steps, { op: 'add', word: w }], chars: s.chars + 1 + w.text.length } : null;
}

function move(s: State, w: Word): State | null {
  let changed = false;
  const lists = s.lists.map((list, i) => {
    const hit = new Set(w.match[i]!.hit);
    const out = [...list.filter((p) => !hit.has(p)), ...list.filter((p) => hit.has(p))];
    if (out.some((p, j) => p !== list[j])) changed = true;
    return out;
  });
  return changed ? { lists, steps: [...s.steps, { op: 'move', word: w }], chars: s.chars + 2 + w.text.length } : null;
}

function strength(s: State, targets: readonly PlanTarget[]): State | null {
  if (s.steps.length > 0 && s.steps[s.steps.length - 1]!.op === 'strength') return null;
  let changed = false;
  const lists = s.lists.map((list, i) => {
    const bits = targets[i]!.bits;
    // Array.prototype.sort is stable: equal strengths keep their order, as OpenSSL's strength sort does.
    const out = [...list].sort((a, b) => bits[b]! - bits[a]!);
    if (out.some((p, j) => p !== list[j])) changed = true;
    return out;
  });
  return changed ? { lists, steps: [...s.steps, { op: 'strength' }], chars: s.chars + 10 } : null;
}

function isGoal(targets: readonly PlanTarget[], s: State): boolean {
  return s.lists.every((l, i) => l.length === targets[i]!.size && l.every((p, j) => p === j));
}

/** How much of each wanted list is in place (the longest prefix present in order) and present at all. */
function score(targets: readonly PlanTarget[], s: State): { placed: number; present: number } {
  let placed = 0;
  let present = 0;
  s.lists.forEach((l, i) => {
    const n = targets[i]!.size;
    let k = 0;
    for (const p of l) if (p === k) k++;
    placed += k / n;
    present += l.length / n;
  });
  return { placed, present };
}

function planOf(kills: readonly Word[], s: State): Plan {
  const parts = [
    ...kills.map((k) => `!${k.text}`),
    ...s.steps.map((st) => (st.op === 'add' ? st.word.text : st.op === 'move' ? `+${st.word.text}` : '@STRENGTH')),
  ];
  return { kills: [...kills], steps: s.steps, text: parts.join(':'), elements: parts.length };
}
