import { describeTargets } from '../targets.js';
import { UsageError, parseCommandArgs } from './args.js';
import type { Command, Io } from './command.js';
import { EXIT_OK } from './command.js';
import { TARGETS_HELP } from './help.js';
import { loadAllLibraries } from './options.js';

/** `cipherx targets`: the libraries cipherx knows, with their exact releases and provenance. */
export const targetsCommand: Command = {
  name: 'targets',
  usage: 'targets [--json]',
  summary: 'the release lines cipherx knows',
  help: () => TARGETS_HELP,
  run,
};

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('targets', args, {
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(TARGETS_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0)
    throw new UsageError(
      `targets takes no operand, not ${JSON.stringify(positionals[0])} (see cipherx targets --help)`,
    );
  await loadAllLibraries();
  const rows = describeTargets();
  io.stdout.write(
    values.json
      ? JSON.stringify(rows) + '\n'
      : rows
          .map((r) => {
            const version = r.versionText.startsWith(r.release)
              ? r.versionText
              : r.release.startsWith(r.versionText)
                ? r.release
                : `${r.release} (${r.versionText})`;
            return `${r.name.padEnd(14)} ${version}\n${' '.repeat(15)}${r.origin}\n`;
          })
          .join(''),
  );
  return EXIT_OK;
}
