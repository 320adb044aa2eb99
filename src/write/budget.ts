// A proof with a budget: how many evaluations a writer may spend before it stops trying.
import { proves, type ProofOptions, type TargetList } from './proof.js';

export class BudgetedProof {
  /** Evaluations spent (one per target per candidate). */
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
    if (this.spent + this.reference.length > this.budget) {
      this.exhausted = true;
      return false;
    }
    this.spent += this.reference.length;
    return proves(candidate, this.reference, this.options);
  }

  /** Counts evaluations made outside `holds`. */
  charge(n: number): void {
    this.spent += n;
  }
}
