import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how a command was called: printed as `cipherx: <message>`, exit status 2. */
export class UsageError extends Error {}

/**
 * parseArgs for one command, with positionals allowed and its errors turned into usage
 * errors; an unknown option gets the reminder that a cipher string starting with `-` goes
 * after `--`.
 */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>> {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (e) {
    const m = /Unknown option '(-[^']*)'/.exec((e as Error).message);
    if (m) {
      throw new UsageError(
        `unknown option ${m[1]} (see cipherx ${command} --help); a cipher string that starts with \`-\` must come after \`--\`: cipherx ${command} -- '-ALL:HIGH'`,
      );
    }
    throw new UsageError((e as Error).message);
  }
}
