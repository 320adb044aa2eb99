import { closest } from '../core/closest.js';
import { UsageError } from './args.js';
import { EXIT_OK, EXIT_USAGE, type Command, type Io } from './command.js';
import { checkCommand } from './check-command.js';
import { convertCommand } from './convert-command.js';
import { diffCommand } from './diff-command.js';
import { expandCommand } from './expand-command.js';
import { explainCommand } from './explain-command.js';
import { fixCommand } from './fix-command.js';
import { topHelp } from './help.js';
import { lintCommand } from './lint-command.js';
import { minimizeCommand } from './minimize-command.js';
import { negotiateCommand } from './negotiate-command.js';
import { scanCommand } from './scan-command.js';
import { suggestCommand } from './suggest-command.js';
import { targetsCommand } from './targets-command.js';

export { EXIT_OK, EXIT_REJECTED, EXIT_USAGE, type Io } from './command.js';

/** The subcommands, in the order the help lists them. A Map: a command name typed by a user is only looked up. */
const COMMANDS: ReadonlyMap<string, Command> = new Map(
  [
    expandCommand,
    lintCommand,
    explainCommand,
    diffCommand,
    scanCommand,
    checkCommand,
    suggestCommand,
    minimizeCommand,
    fixCommand,
    negotiateCommand,
    convertCommand,
    targetsCommand,
  ].map((c) => [c.name, c]),
);

/** Runs `cipherx <argv>` and resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.stderr.write(topHelp([...COMMANDS.values()]));
      return EXIT_USAGE;
    }
    if (name === '-h' || name === '--help') {
      io.stdout.write(topHelp([...COMMANDS.values()]));
      return EXIT_OK;
    }
    if (name === '--version') {
      io.stdout.write(`cipherx ${io.version}\n`);
      return EXIT_OK;
    }
    if (name === 'help') {
      // `cipherx help help` is the help itself.
      const asked = rest[0] === 'help' ? undefined : rest[0];
      const topic = asked === undefined ? undefined : COMMANDS.get(asked);
      if (asked !== undefined && !topic)
        throw new UsageError(`no help on ${JSON.stringify(asked)}${didYouMean(asked)}: ${commandList()}`);
      io.stdout.write(topic ? topic.help() : topHelp([...COMMANDS.values()]));
      return EXIT_OK;
    }
    const command = COMMANDS.get(name);
    if (!command)
      throw new UsageError(`unknown command ${JSON.stringify(name)}${didYouMean(name)}; try \`cipherx --help\``);
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`cipherx: ${(e as Error).message}\n`);
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
