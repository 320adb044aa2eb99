import { explain, explainSuite } from '../explain/explain.js';
import { renderExplanation, renderSuiteAnswer } from '../format/explain-text.js';
import { UsageError, parseCommandArgs } from './args.js';
import type { Command, Io } from './command.js';
import { CONTEXT_OPTIONS, contextHelp, contextOptions, readLibrary, targetHelp } from './options.js';

export const EXPLAIN_HELP = (): string => `Usage: cipherx explain [options] [--] <cipher-string> [suite]

Without a suite: what every element of the string did (added, moved, deleted, removed
for good, sorted, or nothing and why), then for every suite of the result the element
that added it and the last one that moved it (the same as cipherx expand --explain).
With a suite (OpenSSL or IANA name): why that suite is there, or why it is not.
For boringssl an equal-preference group [A|B] is one element, which adds the suites of
its items together; each item is listed under it with what it did.

Options:
${targetHelp()}${contextHelp(['ciphersuites', 'seclevel', 'strict'])}  --json               the trace and the answer as JSON
  --                   ends the options
  -h, --help           this text

Exit status:
  0   the target accepts the string (with a suite: whatever the answer, a name the
      target does not have included)
  1   it rejects it (the explanation says where it stops)
  2   usage error
`;

/** `cipherx explain <string> [suite]`: what every element did; why a suite is (not) there. */
export const explainCommand: Command = {
  name: 'explain',
  usage: 'explain [options] [--] <string> [suite]',
  summary: 'what every element did; why a suite is (not) there',
  help: () => EXPLAIN_HELP(),
  run,
};

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('explain', args, {
    ...CONTEXT_OPTIONS,
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(EXPLAIN_HELP());
    return 0;
  }
  const options = contextOptions(await readLibrary(values.target, io.stderr), values);
  if (positionals.length === 1) {
    const x = explain(positionals[0]!, options);
    io.stdout.write(
      values.json ? JSON.stringify({ trace: x.result.trace, origins: x.origins }) + '\n' : renderExplanation(x),
    );
    return x.result.ok ? 0 : 1;
  }
  if (positionals.length === 2) {
    if (positionals[1]!.trim() === '') throw new UsageError('the suite name is empty (see cipherx explain --help)');
    const { explanation, answer } = explainSuite(positionals[0]!, positionals[1]!, options);
    io.stdout.write(
      values.json
        ? JSON.stringify({ answer, trace: explanation.result.trace }) + '\n'
        : renderSuiteAnswer(answer, explanation),
    );
    return explanation.result.ok ? 0 : 1;
  }
  throw new UsageError('explain takes a cipher string and optionally a suite name (see cipherx explain --help)');
}
