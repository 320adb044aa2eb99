import data from '../../data/security.json' with { type: 'json' };
import { isDiagnosticCode, severityOf, type DiagnosticCode } from '../diagnostics/registry.js';
import type { Cipher, Diagnostic, Severity } from '../core/types.js';
import { isTls13Suite } from '../core/tls13.js';
import { suiteId } from './suite-ids.js';

/**
 * How a suite stands, best first (definitions in data/security.json, `ratings`): `recommended`
 * matches no rule; `secure` matches only info rules; `weak` matches a SHOULD NOT rule; `insecure`
 * matches a MUST NOT rule.
 */
export type SuiteRating = 'recommended' | 'secure' | 'weak' | 'insecure';

/** The worst rating a suite gets when a rule matches it. */
export type RuleRating = Exclude<SuiteRating, 'recommended'>;

/** Where a rule comes from: a document, the part of it, and what it says, paraphrased. */
export interface SecuritySource {
  /** Short name, e.g. `RFC 7465`; the first source's is the diagnostic's `args.source`. */
  title: string;
  /** The document's full title. */
  document?: string;
  section?: string;
  url?: string;
  says: string;
  /**
   * ISO date on which the section and `says` were checked against the primary document (what was
   * read is listed in data/security.json, `$verified`).
   */
  verified?: string;
}

/** The Cipher fields a rule can test, as `openssl ciphers -v` prints them. */
export type MatchField = 'kx' | 'au' | 'enc' | 'mac' | 'protocol' | 'bits' | 'algBits';

/** Tests on one field; all present keys must hold. */
export interface FieldTest {
  in?: readonly string[];
  notIn?: readonly string[];
  startsWith?: readonly string[];
  atLeast?: number;
  below?: number;
}

/** One alternative of a rule's match: every listed field passes its test. */
export type MatchAlternative = Readonly<Partial<Record<MatchField, FieldTest>>>;

export interface SecurityRule {
  /** Kebab-case code of the registry (src/diagnostics/registry.ts), page docs/diagnostics/<code>.md. */
  code: DiagnosticCode;
  title: string;
  severity: Exclude<Severity, 'error'>;
  rating: RuleRating;
  /** A suite matches when it satisfies any alternative. */
  match: readonly MatchAlternative[];
  /** Template: `{count}`, `{list}` and `{singular|plural}` choices on the count. */
  message: string;
  /** How to change the cipher string, in general words. */
  fix: string;
  /** Words whose `!` may remove the suites the rule flags; each release knows some of them. */
  exclude: readonly string[];
  /** What the advice adds after the exclusions (`or list only ECDHE suites`). */
  fixNote?: string;
  sources: readonly SecuritySource[];
}

/** What assessSuite finds: the rating, and the codes of the rules that match, in rule order. */
export interface SuiteAssessment {
  /** The suite's rating. */
  rating: SuiteRating;
  /** The codes of the security rules it matches, in rule order. */
  findings: string[];
}

/** The security ratings of a list: every suite's, and the list's as a whole. */
export interface SecurityReport {
  /** One entry per suite, in list order. */
  suites: Array<
    Readonly<{
      /** The suite's OpenSSL name. */
      name: string;
      /** Its rating. */
      rating: SuiteRating;
      /** The codes of the security rules it matches, in rule order. */
      findings: readonly string[];
    }>
  >;
  /** The list as a whole. */
  summary: {
    /**
     * The worst rating in the list: OpenSSL offers every listed suite, and a peer that supports
     * only that one (an old client, or an attacker's) gets it. `null` for an empty list.
     */
    rating: SuiteRating | null;
    /**
     * What a peer supporting everything gets: the worst rating within the first preference (the
     * first suite; on BoringSSL, the first equal-preference group). `null` for an empty list.
     */
    first: SuiteRating | null;
    /** How many suites have each rating; the counts add up to the number of suites. */
    counts: Record<SuiteRating, number>;
  };
  /** One per rule that matches at least one suite, in rule order (warnings first). */
  diagnostics: Diagnostic[];
}

const RANK: Record<SuiteRating, number> = { recommended: 0, secure: 1, weak: 2, insecure: 3 };
const STRING_FIELDS = new Set<MatchField>(['kx', 'au', 'enc', 'mac', 'protocol']);
const NUMBER_FIELDS = new Set<MatchField>(['bits', 'algBits']);
const STRING_TESTS = new Set(['in', 'notIn', 'startsWith']);
const NUMBER_TESTS = new Set(['atLeast', 'below']);
const MESSAGE_LIST_LIMIT = 5;

/** The rules of data/security.json, checked once: known fields and tests, severity consistent with rating. */
export const securityRules: readonly SecurityRule[] = (data as unknown as { rules: SecurityRule[] }).rules.map(
  checkRule,
);

/** The rating scale of data/security.json, one definition per rating. */
export const ratingDefinitions: Readonly<Record<SuiteRating, string>> = (
  data as unknown as { ratings: Record<SuiteRating, string> }
).ratings;

function checkRule(rule: SecurityRule): SecurityRule {
  const fail = (why: string): never => {
    throw new Error(`data/security.json: rule ${rule.code}: ${why}`);
  };
  if (!isDiagnosticCode(rule.code)) fail('code is not in the registry (src/diagnostics/registry.ts)');
  if (severityOf(rule.code) !== rule.severity) fail('severity is not the one the registry gives the code');
  if (!(rule.rating in RANK) || rule.rating === ('recommended' as string)) fail(`bad rating ${rule.rating}`);
  if (rule.severity !== (rule.rating === 'secure' ? 'info' : 'warning')) fail('severity does not follow rating');
  if (rule.match.length === 0) fail('empty match');
  for (const alternative of rule.match) {
    for (const [field, test] of Object.entries(alternative) as Array<[MatchField, FieldTest]>) {
      const numeric = NUMBER_FIELDS.has(field);
      if (!numeric && !STRING_FIELDS.has(field)) fail(`unknown field ${field}`);
      for (const key of Object.keys(test)) {
        if (!(numeric ? NUMBER_TESTS : STRING_TESTS).has(key)) fail(`test ${key} does not apply to ${field}`);
      }
    }
  }
  if (rule.sources.length === 0) fail('no source');
  for (const source of rule.sources) {
    if (source.verified !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(source.verified)) {
      fail(`source ${source.title}: verified is not a date`);
    }
  }
  return rule;
}

function passes(test: FieldTest, value: string | number): boolean {
  if (typeof value === 'number') {
    return (test.atLeast === undefined || value >= test.atLeast) && (test.below === undefined || value < test.below);
  }
  return (
    (test.in === undefined || test.in.includes(value)) &&
    (test.notIn === undefined || !test.notIn.includes(value)) &&
    (test.startsWith === undefined || test.startsWith.some((p) => value.startsWith(p)))
  );
}

/** One field test of an alternative, its field and test read once. */
interface FieldCheck {
  field: MatchField;
  test: FieldTest;
}

/** Each rule of securityRules with its alternatives as lists of field tests, in rule order. */
const MATCHERS = securityRules.map((rule) => ({
  rule,
  alternatives: rule.match.map((alternative) =>
    (Object.entries(alternative) as Array<[MatchField, FieldTest]>).map(([field, test]): FieldCheck => ({
      field,
      test,
    })),
  ),
}));

/** Whether the suite satisfies one of the alternatives (plain loops: this runs for every suite of every list). */
function matches(alternatives: readonly FieldCheck[][], c: Cipher): boolean {
  for (const checks of alternatives) {
    let all = true;
    for (const { field, test } of checks) {
      if (!passes(test, c[field] ?? '')) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/**
 * Rates one suite: the codes of every rule of data/security.json it matches (in rule order), and
 * the worst of their ratings, or `recommended` when none matches.
 */
export function assessSuite(c: Cipher): SuiteAssessment {
  const a = factsOf(c).entry;
  return { rating: a.rating, findings: [...a.findings] };
}

/** What lint needs to know of a suite: the rules it matches (bit r: rule r of securityRules), its name's number, whether it is a TLS 1.3 suite. */
export function suiteFacts(c: Cipher): Readonly<Pick<SuiteFacts, 'rules' | 'id' | 'tls13'>> {
  const f = factsOf(c);
  // Numbered only here, for lint, whose lists are the tables' suites: a suite made by a caller
  // and only rated never takes a number (the numbering would grow with each such name).
  if (f.id < 0) f.id = suiteId(c.name);
  return f;
}

/** One suite of a `SecurityReport`: its name, rating and the codes of the rules it matches. */
export type RatedSuite = SecurityReport['suites'][number];

/** What the security rules make of one suite, worked out once per suite object. */
interface SuiteFacts {
  /** The entry of `SecurityReport.suites` for it, frozen: every report shares it. */
  entry: RatedSuite;
  /** Its rating's rank (RANK). */
  rank: number;
  /** The rules it matches, as bits over securityRules. */
  rules: number;
  /** `,` and its name: what a list of names appends for it. */
  commaName: string;
  /** Its name's number (suite-ids.ts); -1 until suiteFacts asks for it. */
  id: number;
  /** Whether it is a TLS 1.3 suite. */
  tls13: boolean;
}

/**
 * The facts of each frozen suite object already rated: the tables' suites are the same frozen
 * objects on every call (a suite a caller may still change is rated anew).
 */
const factsCache = new WeakMap<Cipher, SuiteFacts>();
const RATINGS: readonly SuiteRating[] = ['recommended', 'secure', 'weak', 'insecure'];
const RULES = securityRules.length;
if (RULES > 31) throw new Error('data/security.json: more rules than a rule bitmask holds');

function factsOf(c: Cipher): SuiteFacts {
  let f = factsCache.get(c);
  if (f) return f;
  let rank = 0;
  let rules = 0;
  const findings: string[] = [];
  for (let r = 0; r < MATCHERS.length; r++) {
    const { rule, alternatives } = MATCHERS[r]!;
    if (!matches(alternatives, c)) continue;
    findings.push(rule.code);
    rules |= 1 << r;
    rank = Math.max(rank, RANK[rule.rating]);
  }
  const entry = Object.freeze({ name: c.name, rating: RATINGS[rank]!, findings: Object.freeze(findings) });
  f = { entry, rank, rules, commaName: `,${c.name}`, id: -1, tls13: isTls13Suite(c) };
  if (Object.isFrozen(c)) factsCache.set(c, f);
  return f;
}
/**
 * A rule's message for `n` suites: the template's `{one|many}` choices made, its `{count}` and
 * `{list}` filled in. Each template is split once into its text and the two places.
 */
function fill(template: string, n: number, list: string): string {
  let made = templates.get(template);
  if (!made) {
    const choose = (one: boolean) =>
      pieces(template.replace(/\{([^{}|]*)\|([^{}|]*)\}/g, (_, a: string, b: string) => (one ? a : b)));
    templates.set(template, (made = [choose(true), choose(false)]));
  }
  let text = '';
  for (const p of made[n === 1 ? 0 : 1]) text += p === COUNT ? String(n) : p === LIST ? list : p;
  return text;
}
const templates = new Map<string, [Piece[], Piece[]]>();
const COUNT = 0;
const LIST = 1;
/** Text, or the place of the count (COUNT) or of the list (LIST). */
type Piece = string | typeof COUNT | typeof LIST;

/** A message split at the first `{count}` and the first `{list}`. */
function pieces(text: string): Piece[] {
  const places = (
    [
      [text.indexOf('{count}'), COUNT, '{count}'.length],
      [text.indexOf('{list}'), LIST, '{list}'.length],
    ] as const
  )
    .filter(([at]) => at >= 0)
    .sort((x, y) => x[0] - y[0]);
  const out: Piece[] = [];
  let from = 0;
  for (const [at, place, length] of places) {
    out.push(text.slice(from, at), place);
    from = at + length;
  }
  out.push(text.slice(from));
  return out;
}

/**
 * Assesses a resulting suite list (as expand() returns it, TLS 1.3 suites included): a rating
 * and the matching rule codes for every suite, a summary for the whole list, and one diagnostic
 * per rule that matches at least one suite, citing the rule's first source. The entries of
 * `suites` are frozen and shared between reports (as the suites of a list are).
 */
export function assessList(ciphers: readonly Cipher[]): SecurityReport {
  const byRank = [0, 0, 0, 0];
  // What each rule matched, by rule index: how many suites, their names (comma-separated, in
  // list order; built by appending, as joining an array costs more), and the first few for the message.
  const count: number[] = new Array<number>(RULES).fill(0);
  const listed: string[] = new Array<string>(RULES).fill('');
  const shown: string[] = new Array<string>(RULES).fill('');
  let worst = -1;
  let first = -1;
  let inFirstGroup = true;
  const suites: RatedSuite[] = new Array(ciphers.length);
  for (let k = 0; k < ciphers.length; k++) {
    const c = ciphers[k]!;
    const f = factsOf(c);
    suites[k] = f.entry;
    byRank[f.rank]!++;
    if (f.rank > worst) worst = f.rank;
    if (inFirstGroup) {
      if (f.rank > first) first = f.rank;
      inFirstGroup = c.inGroupWithNext === true;
    }
    for (let bits = f.rules; bits !== 0; bits &= bits - 1) {
      const r = 31 - Math.clz32(bits & -bits);
      const n = count[r]!;
      if (n === 0) {
        count[r] = 1;
        listed[r] = shown[r] = c.name;
      } else {
        count[r] = n + 1;
        listed[r] += f.commaName;
        if (n < MESSAGE_LIST_LIMIT) shown[r] += ', ' + c.name;
      }
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (let r = 0; r < securityRules.length; r++) {
    const n = count[r]!;
    if (n === 0) continue;
    const rule = securityRules[r]!;
    const list = n > MESSAGE_LIST_LIMIT ? `${shown[r]} and ${n - MESSAGE_LIST_LIMIT} more` : shown[r]!;
    diagnostics.push({
      code: rule.code,
      severity: rule.severity,
      message: fill(rule.message, n, list),
      span: null,
      args: { suites: listed[r]!, count: n, source: rule.sources[0]!.title, rating: rule.rating },
      fix: { description: rule.fix },
    });
  }
  const counts: Record<SuiteRating, number> = {
    recommended: byRank[0]!,
    secure: byRank[1]!,
    weak: byRank[2]!,
    insecure: byRank[3]!,
  };
  return {
    suites,
    summary: { rating: worst < 0 ? null : RATINGS[worst]!, first: first < 0 ? null : RATINGS[first]!, counts },
    diagnostics,
  };
}
