// A proof with a budget: how many evaluations a writer may spend before it stops trying.
import { proves, type ProofOptions, type TargetList } from './proof.js';

/**
 * The characters one evaluation counts for: evaluating a string costs time in its length, so a
 * candidate longer than this counts as that many evaluations per started block of this size.
 * Without it the budget bounds the number of evaluations but not the time (each is linear in the
 * string, and minimize's passes try about one candidate per element: quadratic in the length).
 */
export const CHARACTERS_PER_EVALUATION = 400;

/** What evaluating a candidate (or one of that length) on one target counts for: 1, or more for a long one. */
export function costOf(candidate: string | number): number {
  const length = typeof candidate === 'string' ? candidate.length : candidate;
  return Math.max(1, Math.ceil(length / CHARACTERS_PER_EVALUATION));
}

export class BudgetedProof {
  /** Evaluations spent (one per target per candidate, more for long candidates: `costOf`). */
  spent = 0;
  /** Whether a candidate went untested because the budget was spent. */
  exhausted = false;

  constructor(
    readonly reference: readonly TargetList[],
    readonly options: ProofOptions,
    readonly budget: number,
  ) {}

  /** Whether `candidate` leaves every reference list as it is; false, untested, once the budget is spent. */
  holds(candidate: string): boolean {
    const cost = this.reference.length * costOf(candidate);
    if (this.spent + cost > this.budget) {
      this.exhausted = true;
      return false;
    }
    this.spent += cost;
    return proves(candidate, this.reference, this.options);
  }

  /** Counts evaluations made outside `holds`. */
  charge(n: number): void {
    this.spent += n;
  }
}
