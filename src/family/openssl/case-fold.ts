// Case-insensitive name lookup for releases whose data says so (TargetData.caseInsensitiveWords,
// OpenSSL 4.0+). Only ASCII letters fold, as in OpenSSL's C-locale comparison: a name character
// is always ASCII, and no other character may turn into one (`K`, U+212A, is not `k`).

/** `text` with ASCII capitals made small; other characters unchanged. */
export function foldAscii(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32)) : text;
}

/** Whether two names are the same word on a release that matches `caseInsensitive`ly or not. */
export function sameName(a: string, b: string, caseInsensitive: boolean | undefined): boolean {
  return caseInsensitive ? foldAscii(a) === foldAscii(b) : a === b;
}

/**
 * A Map whose `get` and `has` find a key whatever its case. Keys keep the spelling they were
 * set with (iteration lists the real names); among keys that differ only in case the one set
 * first wins, as a scan of OpenSSL's list in order finds the first that compares equal.
 */
export class CaseFoldedMap<V> extends Map<string, V> {
  private readonly folded: Map<string, string>;
  /** Whether two keys differ only in case (then an exact hit may not be the first match). */
  private ambiguous: boolean;

  constructor(entries?: Iterable<readonly [string, V]>) {
    super();
    this.folded = new Map();
    this.ambiguous = false;
    if (entries) for (const [k, v] of entries) this.set(k, v);
  }

  override set(key: string, value: V): this {
    super.set(key, value);
    const f = foldAscii(key);
    const first = this.folded.get(f);
    if (first === undefined) this.folded.set(f, key);
    else if (first !== key) this.ambiguous = true;
    return this;
  }

  override get(key: string): V | undefined {
    // The common case, a name spelled as the table spells it, without folding.
    if (!this.ambiguous) {
      const exact = super.get(key);
      if (exact !== undefined) return exact;
    }
    const real = this.folded.get(foldAscii(key));
    return real === undefined ? undefined : super.get(real);
  }

  override has(key: string): boolean {
    return (!this.ambiguous && super.has(key)) || this.folded.has(foldAscii(key));
  }

  override delete(key: string): boolean {
    const real = this.folded.get(foldAscii(key));
    if (real === undefined) return false;
    this.folded.delete(foldAscii(key));
    return super.delete(real);
  }

  override clear(): void {
    this.folded.clear();
    super.clear();
  }

  /** The name as the table spells it, for a word in any case; undefined when unknown. */
  spelling(key: string): string | undefined {
    return this.folded.get(foldAscii(key));
  }
}

/** A Set whose `has` ignores ASCII case. */
export class CaseFoldedSet extends Set<string> {
  private readonly folded: Set<string>;

  constructor(values?: Iterable<string>) {
    super();
    this.folded = new Set();
    if (values) for (const v of values) this.add(v);
  }

  override add(value: string): this {
    super.add(value);
    this.folded.add(foldAscii(value));
    return this;
  }

  override has(value: string): boolean {
    return this.folded.has(foldAscii(value));
  }
}

/** Whether `words` has `word` spelled exactly so (not only as a case variant). */
export function knowsExactly(words: Map<string, unknown>, word: string): boolean {
  return words instanceof CaseFoldedMap ? words.spelling(word) === word : words.has(word);
}
