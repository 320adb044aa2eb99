import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how a command was called: printed as `cipherx: <message>`, exit status 2. */
export class UsageError extends Error {}

/** A file named on the command line that cannot be read: a usage error whose cause is the file, not the call. */
export class FileError extends UsageError {}

/** The commands whose operand is a cipher string, which may start with `-` (`-ALL:HIGH`). */
const TAKES_CIPHER_STRING: ReadonlySet<string> = new Set([
  'expand',
  'lint',
  'explain',
  'diff',
  'check',
  'minimize',
  'fix',
  'negotiate',
]);

/**
 * parseArgs for one command, with positionals allowed and its errors turned into usage errors
 * in the CLI's own words, each pointing at the command's help; an unknown option to a command
 * that takes a cipher string gets the reminder that a string starting with `-` goes after `--`.
 * OpenSSL's `-help` asks for the help on every command (before `--`).
 */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>> {
  const end = args.indexOf('--');
  const help = args.indexOf('-help');
  const given = [...args];
  if (help !== -1 && (end === -1 || help < end)) given[help] = '--help';
  let parsed;
  try {
    parsed = parseArgs({ args: given, allowPositionals: true, options, tokens: true });
  } catch (e) {
    throw new UsageError(usageMessage(command, (e as Error).message, given.slice(0, end === -1 ? undefined : end)));
  }
  // An option that takes one value, given twice: parseArgs keeps the last; say so instead.
  const seen = new Map<string, string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option' || options[t.name]?.type !== 'string' || options[t.name]?.multiple) continue;
    const before = seen.get(t.name);
    if (before !== undefined) {
      throw new UsageError(
        `option --${t.name} is given twice (${JSON.stringify(before)}, then ${JSON.stringify(t.value)}); it takes one value (see cipherx ${command} --help)`,
      );
    }
    seen.set(t.name, t.value ?? '');
  }
  const { tokens: _, ...result } = parsed;
  return result as never;
}

/** parseArgs' message about `command`'s arguments, as the CLI says it. */
function usageMessage(command: string, message: string, args: readonly string[]): string {
  const see = `see cipherx ${command} --help`;
  const unknown = /^Unknown option '(-[^']*)'/.exec(message);
  if (unknown) {
    // parseArgs reads `-ALL` as the short options -A -L -L and names -A: name what was typed.
    const flag = unknown[1]!;
    const typed = /^-\w$/.test(flag) ? (args.find((a) => a.startsWith(flag) && !a.startsWith('--')) ?? flag) : flag;
    return TAKES_CIPHER_STRING.has(command)
      ? `unknown option ${typed} (${see}); a cipher string that starts with \`-\` must come after \`--\`: cipherx ${command} -- '-ALL:HIGH'`
      : `unknown option ${typed} (${see})`;
  }
  const missing = /^Option '(?:-\w, )?(--?[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return `option ${missing[1]} needs a value (${see})`;
  const ambiguous = /^Option '(--?[\w-]+)' argument is ambiguous/.exec(message);
  if (ambiguous)
    return `option ${ambiguous[1]} needs a value, and is followed by another option (${see}); a value that starts with \`-\` is written ${ambiguous[1]}=-VALUE`;
  const noValue = /^Option '(?:-\w, )?(--?[\w-]+)' does not take an argument/.exec(message);
  if (noValue) return `option ${noValue[1]} takes no value (${see})`;
  return message;
}
