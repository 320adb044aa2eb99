import { renderMinimize } from '../format/rewrite-text.js';
import { minimize } from '../write/minimize.js';
import { parseCommandArgs } from './args.js';
import { EXIT_OK, EXIT_REJECTED, type Command, type Io } from './command.js';
import { targetHelp } from './options.js';
import { REWRITE_OPTIONS, oneString, readRewriteOptions } from './rewrite-options.js';

export const MINIMIZE_HELP = (): string => `Usage: cipherx minimize [--target NAME]... [options] [--] <cipher-string>

Writes the shortest string cipherx can prove gives exactly the same list on every target
given: elements that change nothing are removed (one dead on a target but live on another
stays), words, compounds and runs of ! exclusions are shortened where a shorter text does
the same. Every step is checked by evaluating the string on each target: the same outcome,
suites, order, BoringSSL groups and security level.

The string goes to standard output alone, so that it composes:
  conf="$(cipherx minimize --target openssl-1.1.1 --target openssl-3.0 "$old")"
the proof (each target's list) and a line per change go to standard error.

Example:
  $ cipherx minimize --target openssl-1.1.1 --target openssl-3.0 \\
        'AES128-SHA:FOO:AES256-SHA:AES128-SHA:!RC4:-aNULL'
  AES128-SHA:AES256-SHA
  (on standard error: each element removed, and the list on each target)

Options:
${targetHelp('; repeat it for several targets (default: openssl-3.0 alone)')}\
  --ciphersuites LIST  the TLS 1.3 list on the targets that have one apart ('' for none)
  --seclevel N         the security level before the string, on the targets that have levels
  --json               everything as one JSON object on standard output
  --                   ends the options
  -h, --help           this text

Exit status: 0 written, 1 a target rejects the string (it has no list to keep: printed
unchanged), 2 usage error.
`;

/** \`cipherx minimize\`: the shortest string with the same lists, proven. */
export const minimizeCommand: Command = {
  name: 'minimize',
  usage: 'minimize [--target NAME ...] [--] <cipher-string>',
  summary: 'a shorter string with the same list on every target',
  help: MINIMIZE_HELP,
  run,
};

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('minimize', args, REWRITE_OPTIONS);
  if (values.help) {
    io.stdout.write(MINIMIZE_HELP());
    return EXIT_OK;
  }
  const { targets, proof } = await readRewriteOptions(values, io.stderr);
  const input = oneString('minimize', positionals);
  const r = minimize(input, { targets, ...proof });
  if (values.json) io.stdout.write(JSON.stringify(r) + '\n');
  else {
    io.stdout.write(r.string + '\n');
    io.stderr.write(renderMinimize(r));
  }
  return r.ok ? EXIT_OK : EXIT_REJECTED;
}
