import { renderFix } from '../format/rewrite-text.js';
import { fix, type FixOptions } from '../write/fix.js';
import { UsageError, parseCommandArgs } from './args.js';
import { EXIT_OK, EXIT_REJECTED, type Command, type Io } from './command.js';
import { targetHelp } from './options.js';
import { REWRITE_OPTIONS, oneString, readRewriteOptions } from './rewrite-options.js';

export const FIX_HELP = (): string => `Usage: cipherx fix [--target NAME]... [options] [--] <cipher-string>

Applies what cipherx lint finds, on every target given at once, and says each change:
  - elements that are dead, unknown, repeated or redundant are removed, where that changes
    no target's list (one dead on a target but live on another is kept, and said);
  - DEFAULT written after exclusions only (\`!RC4:DEFAULT\`) moves to the front, the only
    place it expands;
  - the exclusions lint's security findings write are appended, each only where every
    target knows the word and it removes nothing but flagged suites.
Nothing else changes: each change shows what it did to each target's list.

The string goes to standard output alone; the changes and each target's list before and
after go to standard error.

Example:
  $ cipherx fix --target openssl-1.1.1 --target openssl-3.0 '!RC4:DEFAULT'
  DEFAULT:!PSK:!SRP
  (on standard error: DEFAULT moved, !RC4 removed as dead, each exclusion and what it removed)

Options:
${targetHelp('; repeat it for several targets (default: openssl-3.0 alone)')}\
  --ciphersuites LIST  the TLS 1.3 list on the targets that have one apart ('' for none)
  --seclevel N         the security level before the string, on the targets that have levels
  --security LEVEL     which security findings get their exclusions, by the rating of
                       the suites they flag: insecure (default: NULL, anonymous, export,
                       RC4, DES), weak (also no forward secrecy, CBC, 3DES, IDEA, MD5),
                       all (also SHA-1, DHE, CCM8 ... advice), none
  --json               everything as one JSON object on standard output
  --                   ends the options
  -h, --help           this text

Exit status: 0 written, 1 a target rejects the string (printed unchanged), 2 usage error.
`;

/** \`cipherx fix\`: lint's fixes applied, each change said. */
export const fixCommand: Command = {
  name: 'fix',
  usage: 'fix [--target NAME ...] [--] <cipher-string>',
  summary: "the string with lint's fixes applied, each change said",
  help: FIX_HELP,
  run,
};

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('fix', args, {
    ...REWRITE_OPTIONS,
    security: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(FIX_HELP());
    return EXIT_OK;
  }
  const security = values.security ?? 'insecure';
  if (!['insecure', 'weak', 'all', 'none'].includes(security)) {
    throw new UsageError(`--security takes insecure, weak, all or none, not ${JSON.stringify(security)}`);
  }
  const { targets, proof } = await readRewriteOptions(values, io.stderr);
  const input = oneString('fix', positionals);
  const r = fix(input, { targets, ...proof, security: security as FixOptions['security'] });
  if (values.json) io.stdout.write(JSON.stringify(r) + '\n');
  else {
    io.stdout.write(r.string + '\n');
    io.stderr.write(renderFix(r));
  }
  return r.ok ? EXIT_OK : EXIT_REJECTED;
}
