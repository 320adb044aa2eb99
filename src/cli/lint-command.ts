import { renderProblem } from '../format/diagnostic-text.js';
import { lint, type LintResult } from '../lint/lint.js';
import { releaseLine, type Library } from '../library/registry.js';
import type { Severity } from '../core/types.js';
import { UsageError, parseCommandArgs } from './args.js';
import { readFailOn, readIgnoredCode } from './finding-options.js';
import type { Command, Io } from './command.js';
import { CONTEXT_OPTIONS, contextHelp, contextOptions, loadLibraries, readLibrary, targetHelp } from './options.js';
import { AnswerCache, NumberedText } from './batch-cache.js';
import { BatchOutput, longLineMessage } from './batch-output.js';
import { readLineBatches, type LongLine } from './read-lines.js';
import { cliSources } from './sources.js';
import { readPolicy } from './policy-option.js';

export const LINT_HELP = (): string => `Usage: cipherx lint [options] [--] <cipher-string>

Finds what the target release accepts silently but does differently from what the
string says: unknown words (with "did you mean"), words of other releases, elements
that do nothing (and why), repeated elements, DEFAULT not first, @STRENGTH undoing an
order written by hand, +X used as if it added, broad aliases that bring in PSK, SRP,
anonymous, NULL or CCM8 suites, and security findings on the resulting list, each with
a fix written for the target. The items of an equal-preference group [A|B] are checked
one by one.
Severity follows OpenSSL: error only where it rejects the string.

Options:
${targetHelp()}${contextHelp(['ciphersuites', 'seclevel', 'strict'])}  --json               the findings as JSON (one object; with --batch one per line)
  --fail-on LEVEL      exit 1 when a finding is at least this severe: error (default),
                       warning or info; never: only report
  --ignore CODE        leave out findings with this code (repeatable)
  --policy NAME        also check the list against a named policy: what it does not
                       allow, requires or orders otherwise are errors (policy-*), so
                       the run fails; the policies are listed in cipherx check --help
  --batch              one string per line of standard input (lines as for
                       cipherx expand --batch)
  --                   ends the options
  -h, --help           this text

Every code has a page in docs/diagnostics/<code>.md, in the repository and in the
installed package (node_modules/cipherx/docs/diagnostics/).
Exit status: 0 nothing at or above --fail-on, 1 something is, 2 usage error.
`;

/** `cipherx lint`: what a string does silently, and how safe the result is. */
export const lintCommand: Command = {
  name: 'lint',
  usage: 'lint [options] [--] <cipher-string>',
  summary: 'what it does silently, and how safe the result is',
  help: () => LINT_HELP(),
  run,
};

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('lint', args, {
    ...CONTEXT_OPTIONS,
    json: { type: 'boolean' },
    'fail-on': { type: 'string' },
    ignore: { type: 'string', multiple: true },
    policy: { type: 'string' },
    batch: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(LINT_HELP());
    return 0;
  }
  const lib = await readLibrary(values.target, io.stderr);
  const target = lib.name;
  const failsOn = readFailOn(values['fail-on']);
  const ignore = (values.ignore ?? []).map(readIgnoredCode);
  const policy = values.policy === undefined ? {} : { policy: readPolicy(values.policy) };
  const options = { ...contextOptions(lib, values), ignore, ...policy };
  const lintOnce = tablesOnDemand(lib);
  const one = (input: string, line?: number): { text: string; fails: boolean } => {
    const r = lintOnce(input, options);
    const fails = r.diagnostics.some((d) => failsOn(d.severity));
    if (values.json) {
      return {
        text: JSON.stringify({ input, target, ok: r.ok, diagnostics: r.diagnostics, security: r.security }) + '\n',
        fails,
      };
    }
    return { text: render(r, input, line), fails };
  };
  const render = (r: LintResult, input: string, line?: number): string => {
    const sources = cliSources(input, values.ciphersuites, line);
    let text = '';
    for (const d of r.diagnostics) text += renderProblem(d, sources);
    const listed = r.diagnostics.filter((d) => d.code !== 'too-many-diagnostics');
    const count = (s: Severity) => listed.filter((d) => d.severity === s).length;
    const more = r.diagnostics.length - listed.length > 0 ? `; ${r.diagnostics.at(-1)!.args.more} more not listed` : '';
    const rating = r.security?.summary.rating
      ? `; worst suite offered: ${r.security.summary.rating}, first preference: ${r.security.summary.first}`
      : '';
    text += `${target}: ${r.ok ? `accepted, ${r.result.ciphers.length} suites` : `rejected (${r.result.error!.code})`}${rating}; ${counted(count('error'), 'error')}, ${counted(count('warning'), 'warning')}, ${counted(count('info'), 'note')}${more}\n`;
    return text;
  };
  if (values.batch) {
    if (positionals.length > 0) throw new UsageError('--batch reads the strings from standard input');
    // A line seen before is answered from memory (batch-cache.ts): its text with this line's number.
    const cache = new AnswerCache<{ text: NumberedText | Uint8Array; fails: boolean }>();
    const answer = (input: string): { value: { text: NumberedText | Uint8Array; fails: boolean }; size: number } => {
      if (values.json) {
        const r = one(input);
        const text = Buffer.from(r.text);
        return { value: { text, fails: r.fails }, size: text.length };
      }
      const r = lintOnce(input, options);
      const text = new NumberedText((line) => render(r, input, line));
      return { value: { text, fails: r.diagnostics.some((d) => failsOn(d.severity)) }, size: text.size };
    };
    let fails = false;
    let number = 0;
    const out = new BatchOutput(io.stdout);
    for await (const lines of readLineBatches(io.stdin)) {
      for (const line of lines) {
        number++;
        if (!values.json && number > 1) out.add('\n');
        if (typeof line === 'string') {
          const a = cache.get(line, () => answer(line));
          if (a.text instanceof NumberedText) a.text.writeTo(out, number, Buffer.from(String(number)));
          else out.add(a.text);
          fails ||= a.fails;
        } else {
          const r = tooLong(line, number, values.json === true);
          out.add(r.text);
          fails ||= r.fails;
        }
        if (out.full) await out.flush();
        if (out.closed) break;
      }
      // As expand --batch: a caller feeding one line at a time gets each answer.
      await out.flush();
      if (out.closed) break;
    }
    await out.flush();
    return fails ? 1 : 0;
  }
  if (positionals.length !== 1) throw new UsageError('lint takes one cipher string (see cipherx lint --help)');
  const r = one(positionals[0]!);
  io.stdout.write(r.text);
  return r.fails ? 1 : 0;
}

/**
 * lint() on `lib`, with the tables it consults loaded. Up front, those of the later releases of
 * `lib`'s product line: for a string whose words all exist here, lint asks only them (which
 * dropped an alias the string uses; which read a command in any case: 4.0 and later). Every
 * other OpenSSL-family table, the earlier releases included, only once a string has an unknown
 * word, which lint looks up in all of them (lint.ts otherReleases, release-words.ts
 * removedBefore). Loading them all at start cost `lint` more start-up time than linting one
 * string; once they are loaded, that string is linted again. test/lint-tables.test.ts proves the
 * output is the library's, which has every table.
 */
function tablesOnDemand(lib: Library): typeof lint {
  const openssl = (l: Library) => l.family === 'openssl';
  let allLoaded = lib.family !== 'openssl';
  if (!allLoaded) {
    const line = releaseLine(lib);
    loadLibraries((l) => line.indexOf(l) > line.indexOf(lib));
  }
  return (input, options) => {
    const r = lint(input, options);
    if (allLoaded || !r.result.diagnostics.some((d) => d.code === 'unknown-word')) return r;
    loadLibraries(openssl);
    allLoaded = true;
    return lint(input, options);
  };
}

/** A line --batch does not read: an error in its place, which always fails. */
function tooLong(line: LongLine, number: number, json: boolean): { text: string; fails: boolean } {
  const message = longLineMessage(line, number);
  const text = json
    ? JSON.stringify({ input: null, ok: false, diagnostics: [{ code: 'line-too-long', severity: 'error', message }] })
    : `error[line-too-long]: ${message}`;
  return { text: text + '\n', fails: true };
}

/** `1 error`, `2 errors`. */
function counted(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
