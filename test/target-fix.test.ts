import { describe, expect, it } from 'vitest';
import { describeTargets, expand, lint, targets } from '../src/index.js';

// The fixes of security findings are written for the target: applying one removes exactly the
// suites the finding flags from the cipher list, with words the target knows. Proven by
// evaluating the string with the fix applied.

const STRINGS = ['ALL:COMPLEMENTOFALL', 'HIGH:MEDIUM', 'DEFAULT', 'ALL'];

describe.each(targets)('%s', (target) => {
  it.each(STRINGS)('each fix of %s removes what it flags and nothing else', (input) => {
    const r = lint(input, { target, maxDiagnostics: Infinity });
    if (!r.ok) return;
    // Where the TLS 1.3 list is configured apart, the cipher string never reaches its suites.
    const apart = describeTargets().find((t) => t.name === target)!.capabilities.tls13Configurable;
    const before = r.result.ciphers.filter(
      (c) =>
        !apart ||
        !(c.protocol === 'TLSv1.3' || (c.protocol === null && c.stdname !== null && !c.stdname.includes('_WITH_'))),
    );
    let checked = 0;
    for (const d of r.diagnostics) {
      const edit = d.fix?.replacement;
      if (!edit || typeof d.args.suites !== 'string' || d.code === 'overshoot') continue;
      const fixed = input.slice(0, edit.span.start) + edit.text + input.slice(edit.span.end);
      const after = expand(fixed, { target });
      const flagged = new Set(d.args.suites.split(','));
      const want = before.filter((c) => !flagged.has(c.name)).map((c) => c.name);
      const got = after.ciphers.filter((c) => before.some((b) => b.name === c.name)).map((c) => c.name);
      expect(got, `${d.code}: ${edit.text}`).toEqual(want);
      // No word of the fix is unknown to the target.
      expect(
        after.diagnostics.filter((x) => x.span && x.span.start >= input.length).map((x) => x.code),
        d.code,
      ).toEqual([]);
      checked++;
    }
    // ALL keeps suites without forward secrecy on every release: at least that fix is checked.
    if (input === 'ALL') expect(checked).toBeGreaterThan(0);
  });
});

describe('a fix names only the words of its release', () => {
  // Each row: target, rule, the fix text it must give for ALL:COMPLEMENTOFALL.
  it.each([
    ['openssl-1.0.2', 'no-forward-secrecy', 'Append `:!kRSA:!kPSK:!kDH:!kECDH` or list only ECDHE suites.'],
    ['openssl-1.1.1', 'no-forward-secrecy', 'Append `:!kRSA:!kPSK:!kRSAPSK` or list only ECDHE suites.'],
    ['openssl-3.0', 'cbc-mode', 'Append `:!CBC` or list ECDHE+AESGCM and ECDHE+CHACHA20 suites only.'],
    ['boringssl', 'no-forward-secrecy', 'Append `:!kRSA:!kPSK` or list only ECDHE suites.'],
    // LibreSSL has no `kDHE` (its `kEDH` takes the ADH suites too); its `DHE` alias lists exactly
    // the authenticated DHE suites (table-libressl-4.3.2.json, aliases.DHE).
    ['libressl-4.3', 'finite-field-dhe', 'Append `:!DHE` and rely on ECDHE suites.'],
    ['libressl-3.3', 'finite-field-dhe', 'Append `:!DHE` and rely on ECDHE suites.'],
  ] as const)('%s %s', (target, code, text) => {
    const d = lint('ALL:COMPLEMENTOFALL', { target, maxDiagnostics: Infinity }).diagnostics.find(
      (x) => x.code === code,
    )!;
    expect(d.fix!.description).toBe(text);
  });
});
