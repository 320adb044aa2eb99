import { UsageError, parseCommandArgs } from './args.js';
import type { Writable, Readable } from 'node:stream';
import { explain, explainSuite } from '../explain/explain.js';
import { renderProblem } from '../format/diagnostic-text.js';
import { renderExplanation, renderSuiteAnswer } from '../format/explain-text.js';
import { lint } from '../lint/lint.js';
import { TARGET_NAMES, getTarget } from '../table/registry.js';
import type { Severity, TargetName } from '../types.js';
import { loadTarget } from './load-target.js';
import { readLines } from './read-lines.js';

export const LINT_HELP = `Usage: cipherx lint [options] [--] <cipher-string>

Finds what the target release accepts silently but does differently from what the
string says: unknown words (with "did you mean"), words of other releases, elements
that do nothing (and why), repeated elements, DEFAULT not first, @STRENGTH undoing an
order written by hand, +X used as if it added, broad aliases that bring in PSK, SRP,
anonymous, NULL or CCM8 suites, and security findings on the resulting list.
Severity follows OpenSSL: error only where it rejects the string.

Options:
  --target NAME        openssl-1.0.2, openssl-1.1.1, openssl-3.0 (default), openssl-3.5,
                       openssl-3.6, boringssl (the items of an equal-preference group
                       [A|B] are checked one by one)
  --ciphersuites LIST  the TLS 1.3 list (as openssl ciphers -ciphersuites)
  --strict             boringssl: reject unknown words (SSL_CTX_set_strict_cipher_list)
  --json               the findings as JSON (one object; with --batch one per line)
  --fail-on LEVEL      exit 1 when a finding is at least this severe: error (default),
                       warning or info
  --ignore CODE        leave out findings with this code (repeatable)
  --batch              one string per line of standard input
  --                   ends the options

Every code has a page in docs/diagnostics/<code>.md.
Exit status: 0 nothing at or above --fail-on, 1 something is, 2 usage error.
`;

export const EXPLAIN_HELP = `Usage: cipherx explain [options] [--] <cipher-string> [suite]

Without a suite: what every element of the string did (added, moved, deleted, removed
for good, sorted, or nothing and why), then for every suite of the result the element
that added it and the last one that moved it (the same as cipherx expand --explain).
With a suite (OpenSSL or IANA name): why that suite is there, or why it is not.
For boringssl an equal-preference group [A|B] is one element, which adds the suites of
its items together; each item is listed under it with what it did.

Options:
  --target NAME        openssl-1.0.2, openssl-1.1.1, openssl-3.0 (default), openssl-3.5,
                       openssl-3.6, boringssl
  --ciphersuites LIST  the TLS 1.3 list (as openssl ciphers -ciphersuites)
  --strict             boringssl: reject unknown words (SSL_CTX_set_strict_cipher_list)
  --json               the trace and the answer as JSON
  --                   ends the options
`;

interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

const LEVELS: Record<string, number> = { error: 0, warning: 1, info: 2 };

function targetOf(value: string | undefined): TargetName {
  const target = value ?? 'openssl-3.0';
  const known: readonly string[] = TARGET_NAMES;
  if (!known.includes(target)) {
    throw new UsageError(`this command knows ${known.join(', ')}; not ${JSON.stringify(target)}`);
  }
  return target as TargetName;
}

/** `--ciphersuites` for a target with a TLS 1.3 list (its table loaded); `''` means none anywhere. */
function ciphersuitesOf(value: string | undefined, target: TargetName): { ciphersuites?: string } {
  if (value === undefined) return {};
  if (value !== '' && (target === 'boringssl' || getTarget(target)!.data.tls13 === null)) {
    throw new UsageError(`${target} has no configurable TLS 1.3 list: --ciphersuites does not apply`);
  }
  return { ciphersuites: value };
}

/** `--strict` is BoringSSL's strict mode: an option of that target only. */
function strictOf(value: boolean | undefined, target: TargetName): { strict?: true } {
  if (!value) return {};
  if (target !== 'boringssl') throw new UsageError('--strict applies to --target boringssl only');
  return { strict: true };
}

/** `cipherx lint`. */
export async function lintCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('lint', args, {
    target: { type: 'string' },
    ciphersuites: { type: 'string' },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
    'fail-on': { type: 'string' },
    ignore: { type: 'string', multiple: true },
    batch: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(LINT_HELP);
    return 0;
  }
  const target = targetOf(values.target);
  const failOn = values['fail-on'] ?? 'error';
  if (!(failOn in LEVELS)) throw new UsageError('--fail-on takes error, warning or info');
  // Every release's table: lint says which other releases know a word this one does not.
  await Promise.all(TARGET_NAMES.map(loadTarget));
  const options = {
    target,
    ignore: values.ignore ?? [],
    ...ciphersuitesOf(values.ciphersuites, target),
    ...strictOf(values.strict, target),
  };
  const one = (input: string): { text: string; fails: boolean } => {
    const r = lint(input, options);
    const fails = r.diagnostics.some((d) => LEVELS[d.severity]! <= LEVELS[failOn]!);
    if (values.json) {
      return {
        text: JSON.stringify({ input, target, ok: r.ok, diagnostics: r.diagnostics, security: r.security }) + '\n',
        fails,
      };
    }
    let text = '';
    for (const d of r.diagnostics) {
      const source = d.source === 'ciphersuites' ? (values.ciphersuites ?? '') : input;
      text += renderProblem(d, source, d.source === 'ciphersuites' ? '--ciphersuites' : '<argv>');
    }
    const listed = r.diagnostics.filter((d) => d.code !== 'too-many-diagnostics');
    const count = (s: Severity) => listed.filter((d) => d.severity === s).length;
    const more = r.diagnostics.length - listed.length > 0 ? `; ${r.diagnostics.at(-1)!.args.more} more not listed` : '';
    const rating = r.security?.summary.rating
      ? `; worst suite offered: ${r.security.summary.rating}, first preference: ${r.security.summary.first}`
      : '';
    text += `${target}: ${r.ok ? `accepted, ${r.result.ciphers.length} suites` : `rejected (${r.result.error!.code})`}${rating}; ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes${more}\n`;
    return { text, fails };
  };
  if (values.batch) {
    if (positionals.length > 0) throw new UsageError('--batch reads the strings from standard input');
    let fails = false;
    let first = true;
    for await (const line of readLines(io.stdin)) {
      const r = one(line);
      io.stdout.write((values.json || first ? '' : '\n') + r.text);
      first = false;
      fails ||= r.fails;
    }
    return fails ? 1 : 0;
  }
  if (positionals.length !== 1) throw new UsageError('lint takes one cipher string (see cipherx lint --help)');
  const r = one(positionals[0]!);
  io.stdout.write(r.text);
  return r.fails ? 1 : 0;
}

/** `cipherx explain <string> [suite]`. */
export async function explainCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('explain', args, {
    target: { type: 'string' },
    ciphersuites: { type: 'string' },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(EXPLAIN_HELP);
    return 0;
  }
  const target = targetOf(values.target);
  await loadTarget(target);
  const options = {
    target,
    ...ciphersuitesOf(values.ciphersuites, target),
    ...strictOf(values.strict, target),
  };
  if (positionals.length === 1) {
    const x = explain(positionals[0]!, options);
    io.stdout.write(
      values.json ? JSON.stringify({ trace: x.result.trace, origins: x.origins }) + '\n' : renderExplanation(x),
    );
    return x.result.ok ? 0 : 1;
  }
  if (positionals.length === 2) {
    const { explanation, answer } = explainSuite(positionals[0]!, positionals[1]!, options);
    io.stdout.write(
      values.json
        ? JSON.stringify({ answer, trace: explanation.result.trace }) + '\n'
        : renderSuiteAnswer(answer, explanation),
    );
    return 0;
  }
  throw new UsageError('explain takes a cipher string and optionally a suite name (see cipherx explain --help)');
}
