import { renderProblem } from '../format/diagnostic-text.js';
import { lint } from '../lint/lint.js';
import type { Severity } from '../core/types.js';
import { UsageError, parseCommandArgs } from './args.js';
import { readFailOn, readIgnoredCode } from './finding-options.js';
import type { Command, Io } from './command.js';
import { CONTEXT_OPTIONS, contextHelp, contextOptions, loadAllLibraries, readLibrary, targetHelp } from './options.js';
import { BatchOutput, longLineMessage } from './batch-output.js';
import { readLines, type LongLine } from './read-lines.js';
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
  // Every release's table: lint says which other releases know a word this one does not.
  await loadAllLibraries();
  const one = (input: string, line?: number): { text: string; fails: boolean } => {
    const r = lint(input, options);
    const fails = r.diagnostics.some((d) => failsOn(d.severity));
    if (values.json) {
      return {
        text: JSON.stringify({ input, target, ok: r.ok, diagnostics: r.diagnostics, security: r.security }) + '\n',
        fails,
      };
    }
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
    return { text, fails };
  };
  if (values.batch) {
    if (positionals.length > 0) throw new UsageError('--batch reads the strings from standard input');
    let fails = false;
    let first = true;
    let number = 0;
    const out = new BatchOutput(io.stdout);
    for await (const line of readLines(io.stdin)) {
      number++;
      const r = typeof line === 'string' ? one(line, number) : tooLong(line, number, values.json === true);
      await out.write((values.json || first ? '' : '\n') + r.text);
      first = false;
      fails ||= r.fails;
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
