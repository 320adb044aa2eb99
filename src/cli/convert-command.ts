import { convertNames } from '../convert.js';
import { UsageError, parseCommandArgs } from './args.js';
import { EXIT_OK, EXIT_REJECTED, type Command, type Io } from './command.js';
import { readLibrary, targetHelp } from './options.js';

const CONVERT_HELP = (): string => `Usage: cipherx convert [--target NAME] [--json] <name>...

Converts suite names between their IANA (RFC) names and OpenSSL's names, in both
directions, as \`openssl ciphers -convert\` does from IANA names: every suite the
release's build knows counts, available or not (TLS 1.3 suites and the signalling
values too). Each argument may be one name or a list separated by ':'; each gives one
output line, its names converted and joined by ':'. A name the release does not know
prints as (NONE), as openssl prints it, with a warning on standard error.

Examples:
  cipherx convert TLS_RSA_WITH_AES_128_CBC_SHA          AES128-SHA
  cipherx convert ECDHE-RSA-AES128-GCM-SHA256           TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
  cipherx convert "$(cipherx expand 'ECDHE+AESGCM')"    the whole list as IANA names

Options:
${targetHelp()}\
  --json               one JSON array: an object per name, {"input", "openssl", "iana"}
                       (null where the release has no suite of that name)
  -h, --help           this text

Exit status: 0 every name is known, 1 some is not, 2 usage error.
`;

/** `cipherx convert`: IANA names to OpenSSL names and back. */
export const convertCommand: Command = {
  name: 'convert',
  usage: 'convert [--target NAME] [--json] <name>...',
  summary: 'IANA names to OpenSSL names and back',
  help: CONVERT_HELP,
  run,
};

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('convert', args, {
    target: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(CONVERT_HELP());
    return EXIT_OK;
  }
  if (positionals.length === 0) {
    throw new UsageError('convert needs at least one suite name, e.g. cipherx convert TLS_RSA_WITH_AES_128_CBC_SHA');
  }
  const lib = await readLibrary(values.target, io.stderr);
  // An argument with no name at all ('' or ':') is one name that no suite has, as openssl -convert '' says (NONE).
  const lists = positionals.map((p) => {
    const names = p.split(':').filter((n) => n !== '');
    return names.length > 0 ? names : [''];
  });
  const results = lists.map((names) => convertNames(names, { target: lib.name }));
  let unknown = 0;
  for (const r of results.flat()) {
    if (r.openssl !== null) continue;
    unknown++;
    io.stderr.write(`cipherx: warning: ${lib.name} has no suite named ${JSON.stringify(r.input)}\n`);
  }
  if (values.json) io.stdout.write(JSON.stringify(results.flat()) + '\n');
  else {
    const other = (r: (typeof results)[number][number]) =>
      r.openssl === null ? '(NONE)' : r.input === r.iana ? r.openssl : r.iana!;
    io.stdout.write(results.map((list) => list.map(other).join(':') + '\n').join(''));
  }
  return unknown === 0 ? EXIT_OK : EXIT_REJECTED;
}
