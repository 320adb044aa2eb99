import { closest } from '../core/closest.js';
import { FileError, UsageError } from './args.js';
import { EXIT_OK, EXIT_USAGE, type Command, type Io } from './command.js';
import { topHelp } from './top-help.js';

export { EXIT_OK, EXIT_REJECTED, EXIT_USAGE, type Io } from './command.js';

/** A subcommand as the top-level help lists it, and how to load the rest of it. */
interface CommandEntry extends Pick<Command, 'name' | 'usage' | 'summary'> {
  /** Imports the command's module (and what only it uses); resolves to its Command. */
  load(): Promise<Command>;
}

/**
 * The subcommands, in the order the help lists them. A command's module is imported only when
 * that command runs (or prints its help): `cipherx expand` never loads lint's, scan's or
 * negotiate's code, and `cipherx --help` none at all (start-up time: README, Speed). So each
 * entry repeats its Command's name, usage and summary, which the top-level help shows;
 * test/cli-commands.test.ts checks that they agree. A new command is one more entry:
 *   { name, usage, summary, load: async () => (await import('./x-command.js')).xCommand },
 * A Map: a command name typed by a user is only looked up.
 */
const COMMANDS: ReadonlyMap<string, CommandEntry> = new Map(
  (
    [
      {
        name: 'expand',
        usage: 'expand [options] [--] [<cipher-string>]',
        summary: 'what the string expands to',
        load: async () => (await import('./expand-command.js')).expandCommand,
      },
      {
        name: 'lint',
        usage: 'lint [options] [--] <cipher-string>',
        summary: 'what it does silently, and how safe the result is',
        load: async () => (await import('./lint-command.js')).lintCommand,
      },
      {
        name: 'explain',
        usage: 'explain [options] [--] <string> [suite]',
        summary: 'what every element did; why a suite is (not) there',
        load: async () => (await import('./explain-command.js')).explainCommand,
      },
      {
        name: 'diff',
        usage: 'diff [options] [--] <string> [string]',
        summary: 'two strings, or one string on two releases',
        load: async () => (await import('./diff-command.js')).diffCommand,
      },
      {
        name: 'scan',
        usage: 'scan [options] <path>...',
        summary: 'the TLS settings of configuration files, evaluated',
        load: async () => (await import('./scan-command.js')).scanCommand,
      },
      {
        name: 'check',
        usage: 'check --policy NAME [--target NAME ...] [--] <cipher-string>',
        summary: 'whether the list meets a named policy (Mozilla, BSI) on each target',
        load: async () => (await import('./check-command.js')).checkCommand,
      },
      {
        name: 'suggest',
        usage: 'suggest (--policy NAME | --suites LIST) [--target NAME ...]',
        summary: 'the shortest string giving a policy or a list on every target, proven',
        load: async () => (await import('./suggest-command.js')).suggestCommand,
      },
      {
        name: 'minimize',
        usage: 'minimize [--target NAME ...] [--] <cipher-string>',
        summary: 'a shorter string with the same list on every target',
        load: async () => (await import('./minimize-command.js')).minimizeCommand,
      },
      {
        name: 'fix',
        usage: 'fix [--target NAME ...] [--] <cipher-string>',
        summary: "the string with lint's fixes applied, each change said",
        load: async () => (await import('./fix-command.js')).fixCommand,
      },
      {
        name: 'negotiate',
        usage: 'negotiate (--peer ID | --peer-file FILE | --all-peers) [options] [--] <string>',
        summary: 'which protocol and suite a known peer ends up with',
        load: async () => (await import('./negotiate-command.js')).negotiateCommand,
      },
      {
        name: 'convert',
        usage: 'convert [--target NAME] [--json] <name>...',
        summary: 'IANA names to OpenSSL names and back',
        load: async () => (await import('./convert-command.js')).convertCommand,
      },
      {
        name: 'targets',
        usage: 'targets [--json]',
        summary: 'the release lines cipherx knows',
        load: async () => (await import('./targets-command.js')).targetsCommand,
      },
    ] satisfies CommandEntry[]
  ).map((c) => [c.name, c]),
);

/** The table of commands, for the test that compares each entry with its module's Command. */
export const COMMAND_ENTRIES: ReadonlyArray<CommandEntry> = [...COMMANDS.values()];

/** Runs `cipherx <argv>` and resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.stderr.write(topHelp([...COMMANDS.values()]));
      return EXIT_USAGE;
    }
    if (name === '-h' || name === '--help' || name === '-help') {
      io.stdout.write(topHelp([...COMMANDS.values()]));
      return EXIT_OK;
    }
    if (name === '--version') {
      io.stdout.write(`cipherx ${io.version}\n`);
      return EXIT_OK;
    }
    if (name === 'help') {
      // `cipherx help help` (or `help --help`) is the help itself.
      const asked = rest[0] !== undefined && ['help', '--help', '-help', '-h'].includes(rest[0]) ? undefined : rest[0];
      const topic = asked === undefined ? undefined : COMMANDS.get(asked);
      if (asked !== undefined && !topic)
        throw new UsageError(`no help on ${JSON.stringify(asked)}${didYouMean(asked)}: ${commandList()}`);
      io.stdout.write(topic ? (await topic.load()).help() : topHelp([...COMMANDS.values()]));
      return EXIT_OK;
    }
    const command = COMMANDS.get(name);
    if (!command)
      throw new UsageError(`unknown command ${JSON.stringify(name)}${didYouMean(name)}; try \`cipherx --help\``);
    return await (await command.load()).run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // Every mistake in calling a command points at that command's help (not a file it cannot read).
      const name = argv[0]!;
      const message = (e as Error).message;
      const see =
        COMMANDS.has(name) && !(e instanceof FileError) && !message.includes('--help')
          ? ` (see cipherx ${name} --help)`
          : '';
      io.stderr.write(`cipherx: ${message}${see}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

function didYouMean(name: string): string {
  const meant = closest(name, COMMANDS.keys());
  return meant ? ` (did you mean \`${meant}\`?)` : '';
}

function commandList(): string {
  return `the commands are ${[...COMMANDS.keys()].join(', ')}`;
}
