// The public entry `cipherx/write`: strings written and proven (suggest, minimize, fix). Apart from
// the main entry, so that a page or a program that only evaluates and checks strings does not
// carry the search and the rewriting.
import '../index.js';

export {
  suggest,
  type ClosestString,
  type ListDifference,
  type SuggestOptions,
  type SuggestRequest,
  type Suggestion,
  type TargetAnswer,
  type TargetWant,
  type Tls13Setting,
} from './suggest.js';
export {
  minimize,
  type MinimizeAccepted,
  type MinimizeOptions,
  type MinimizeRejected,
  type MinimizeResult,
  type MinimizeResultFields,
} from './minimize.js';
export {
  fix,
  type FixAccepted,
  type FixChange,
  type FixLists,
  type FixOptions,
  type FixRejected,
  type FixResult,
  type FixResultFields,
  type FixSecurity,
} from './fix.js';
export type { ProofOptions, TargetList } from './proof.js';
