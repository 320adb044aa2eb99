/**
 * Suite names numbered once for all of lint's bitsets: each name gets the next number the first
 * time it is met, on any target (the same name on two targets is the same number; the sets made
 * from it belong to one call or one target's cache, so they never mix). The names are those of
 * the tables' suites, so the numbering stays small.
 */
const ids = new Map<string, number>();

/** The number of a suite name, given it on first use. */
export function suiteId(name: string): number {
  let id = ids.get(name);
  if (id === undefined) ids.set(name, (id = ids.size));
  return id;
}

/** The number of a suite name already numbered; undefined for one never met. */
export function knownSuiteId(name: string): number | undefined {
  return ids.get(name);
}

/** How many names are numbered: every number is below it. */
export function suiteIdCount(): number {
  return ids.size;
}
