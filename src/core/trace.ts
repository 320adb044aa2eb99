import type { Span } from './types.js';

/** What one element of the string did to the list. */
export type TermEffect =
  | 'added' // inactive suites became active, at the end
  | 'moved' // `+X`: active suites moved to the end
  | 'deleted' // `-X`: active suites left the list (a later element may add them again)
  | 'killed' // `!X`: suites left the list for good
  | 'sorted' // `@STRENGTH`
  | 'seclevel' // `@SECLEVEL=n`
  | 'none' // nothing; `reason` says why
  | 'error'; // the call fails here

/** Why an element did nothing. */
export type NoEffectReason =
  /** Not a suite or alias of this target (the diagnostic codes say more: see `detail`). */
  | 'unknown-word'
  /** Its words exclude each other (`HIGH+FIPS`). */
  | 'empty-intersection'
  /** No suite of this build matches it (`3DES` on 3.0: the alias exists, no suite does). */
  | 'matches-nothing'
  /** `X` with every match already in the list. */
  | 'already-active'
  /** `+X` or `-X` with none of the matches in the list (`+X` never adds). */
  | 'nothing-to-act-on'
  /** Every match was removed for good by an earlier `!` (see `shadowedBy`). */
  | 'shadowed-by-kill'
  /** Text after an `@` command up to the next separator, which OpenSSL discards. */
  | 'discarded-after-special'
  /** Everything after a Suite B prefix, which replaces the whole string. */
  | 'discarded-by-suite-b'
  /** The call fails here (invalid command). */
  | 'invalid-command'
  /** BoringSSL strict mode: a word that is not a suite or alias fails the call here. */
  | 'strict-unknown-word'
  /** BoringSSL: an operator or `@` after an equal-preference group; the call fails here. */
  | 'mixed-special-operator-with-groups'
  /** BoringSSL: something other than names and `|` inside `[...]`; the call fails here. */
  | 'unexpected-operator-in-group'
  /** BoringSSL: a protocol alias before another word of a `+` compound makes the rule do nothing. */
  | 'version-alias-order'
  /** BoringSSL: a TLS 1.3 suite name, which its cipher list never holds. */
  | 'tls13-suite'
  /** BoringSSL: an equal-preference group none of whose items added a suite (see `items`). */
  | 'group-adds-nothing';

/** The record of one element: where it is, what it resolved to, what it did. */
export interface TermTrace {
  /** Where the element is in the input. */
  span: Span;
  /** The element's text as written. */
  text: string;
  /** Its operator (`@` for a command such as `@STRENGTH`); null for an element without one. */
  operator: '!' | '-' | '+' | '@' | null;
  /** Each word and what the target knows it as. */
  words: Array<{
    /** The word as written. */
    text: string;
    /** Where it is in the input. */
    span: Span;
    /** What the target knows it as. */
    kind: 'suite' | 'alias' | 'command' | 'unknown' | 'unavailable-alias';
  }>;
  /** What it did. */
  effect: TermEffect;
  /** The suites it changed, in the order OpenSSL handled them (OpenSSL names). */
  suites: string[];
  /** When it did nothing: why. */
  reason?: NoEffectReason;
  /**
   * For `unknown-word`: the diagnostic code that explains it (`default-not-first`, `unavailable-alias`,
   * ...; BoringSSL: `unknown-word`, `default-not-first` or `suite-in-compound`).
   */
  detail?: string;
  /** For `shadowed-by-kill`: the index in the trace of the element (`!X`, or DEFAULT's own `!`) that removed the suites. */
  shadowedBy?: number;
  /** For `killed`: how many of the removed suites were in the list then (the rest only can't come back). */
  activeBefore?: number;
  /**
   * For `killed`: the suites of `suites` that were in the list and left it, in list order; the
   * others were not in the list and are only banned: no later element can add them.
   */
  fromList?: string[];
  /** For `DEFAULT`: the suites its own `!` rules removed for good. */
  removed?: string[];
  /** For `seclevel`: the level set. */
  seclevel?: number;
  /**
   * BoringSSL, for an equal-preference group `[A|B]`: what each item did, in order. The group's
   * own `suites` are the ones its items added, together.
   */
  items?: TermTrace[];
}
