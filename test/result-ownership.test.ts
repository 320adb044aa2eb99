// A result belongs to its caller: changing one never changes what a later call returns, even where
// the evaluator shares work between calls (a ciphersuites list is parsed once; suites and their
// ratings are frozen table objects).
import { describe, expect, it } from 'vitest';
import { assessList, expand, lint, type Diagnostic } from '../src/index.js';
import { libraries } from '../src/library/registry.js';

/** Moves every span a result holds somewhere else. */
function spoil(ds: readonly Diagnostic[]): void {
  for (const d of ds) {
    if (d.span) {
      d.span.start = 99;
      d.span.end = 99;
    }
    d.args.spoilt = 1;
  }
}

describe('changing a result changes no later call', () => {
  // A rejected ciphersuites list: its error and its diagnostics come from a parse kept between calls.
  const cases = libraries()
    .filter((lib) => lib.capabilities.tls13Configurable)
    .map((lib) => lib.name)
    .flatMap((target) => [
      { target, ciphersuites: 'FOO' },
      { target, ciphersuites: 'TLS_AES_128_GCM_SHA256:FOO' },
    ]);
  it.each(cases)('$target, ciphersuites $ciphersuites', (options) => {
    const expected = JSON.stringify(lint('HIGH:BAR', options));
    const expandExpected = JSON.stringify(expand('HIGH:BAR', options));
    const l = lint('HIGH:BAR', options);
    spoil(l.diagnostics);
    if (l.result.error?.span) l.result.error.span.start = 77;
    spoil(l.result.diagnostics);
    const e = expand('HIGH:BAR', options);
    spoil(e.diagnostics);
    if (e.error?.span) e.error.span.end = 55;
    expect(JSON.stringify(lint('HIGH:BAR', options))).toBe(expected);
    expect(JSON.stringify(expand('HIGH:BAR', options))).toBe(expandExpected);
  });

  it("a report's suites are shared and frozen: changing one throws instead of changing the next report", () => {
    const report = assessList(expand('HIGH').ciphers);
    const first = report.suites[0]!;
    expect(Object.isFrozen(first) && Object.isFrozen(first.findings)).toBe(true);
    expect(() => ((first as { rating: string }).rating = 'insecure')).toThrow(TypeError);
    expect(() => (first.findings as string[]).push('x')).toThrow(TypeError);
    expect(assessList(expand('HIGH').ciphers).suites[0]).toEqual(first);
  });
});
