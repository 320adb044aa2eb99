import { diffResults, type CipherListDiff, type Side } from '../diff.js';
import { expand } from '../expand.js';
import type { Library } from '../library/registry.js';
import type { TargetName } from '../library/registry.js';
import type { ExpandOptions } from '../types.js';
import { UsageError, parseCommandArgs } from './args.js';
import type { Command, Io } from './command.js';
import { contextHelp, contextOptions, readLibrary, targetHelp } from './options.js';

export const DIFF_HELP = (): string => `Usage: cipherx diff [--target NAME] [options] [--] <string-a> <string-b>
       cipherx diff --target BEFORE --target AFTER [options] [--] <string>

Compares two final cipher lists and says what changes from the first (before) to the
second (after): suites added, suites removed, suites that moved relative to the others,
and whether the first preference changes. Two uses:

  two strings, one release     what an edit of the string does
  one string, two releases     what an upgrade does to a string that stays the same

Examples:
  cipherx diff 'HIGH' 'HIGH:!aNULL'                   which suites !aNULL takes out (on 3.0)
  cipherx diff 'AES128-SHA:AES256-SHA' 'AES256-SHA:AES128-SHA'
                                                      same suites, new order: one moved
  cipherx diff --target openssl-1.1.1 --target openssl-3.5 'HIGH:!aNULL'
                                                      upgrade impact of 1.1.1 -> 3.5
  cipherx diff --target openssl-1.0.2 --target openssl-3.0 'DEFAULT' 'HIGH:!aNULL'
                                                      a string on 1.0.2 and its replacement on 3.0
  cipherx diff --ciphersuites '' -- '-ALL:HIGH' 'HIGH'
                                                      TLS 1.2 and below only; strings starting
                                                      with - go after --

Options:
${targetHelp('; give it twice for before and after (with one string, twice is required)')}\
  --ciphersuites LIST  the TLS 1.3 list on both sides (':'-separated IANA names, '' for none;
                       default: each release's own); ignored by a release without TLS 1.3
${contextHelp(['seclevel', 'strict'])}\
  --json               the comparison as one JSON object (positions counted from 0)
  -h, --help           this text

Output: a header line per side (release, string, accepted or the error, number of
suites), then the suites removed (-), added (+) and moved (~), the first preference, a
summary. For example:

  $ cipherx diff --ciphersuites '' 'AES128-SHA:AES256-SHA:CAMELLIA128-SHA' \\
        'AES256-SHA:AES128-SHA:AES128-GCM-SHA256'
  --- openssl-3.0 \`AES128-SHA:AES256-SHA:CAMELLIA128-SHA\`: accepted, 3 suites
  +++ openssl-3.0 \`AES256-SHA:AES128-SHA:AES128-GCM-SHA256\`: accepted, 3 suites
  - CAMELLIA128-SHA    (was at 3)
  + AES128-GCM-SHA256  (at 3)
  ~ AES128-SHA         1 -> 2
  first preference: AES128-SHA -> AES256-SHA
  added 1, removed 1, moved 1, unchanged 1

Positions count from 1 (1 is the most preferred), TLS 1.3 suites included. "Moved" is the
smallest set of suites that, taken out, leaves the others in the same order on both sides;
a suite that only shifts because others were added or removed before it is unchanged;
of two suites that swapped places, the one that now comes later is shown as moved.
A side that OpenSSL rejects has no list: everything on the other side is added or removed.

Exit status: 0 the lists are the same, 1 they differ or a side is rejected, 2 usage error
(as diff(1)). To see why a suite is in one list, use cipherx explain.
`;

/** A side to evaluate: the string, the release, its options. */
interface Job {
  input: string;
  target: TargetName;
  options: ExpandOptions;
}

/** `cipherx diff`: exit 0 identical, 1 different or a side rejected, 2 usage (as diff(1)). */
export const diffCommand: Command = {
  name: 'diff',
  usage: 'diff [options] [--] <string> [string]',
  summary: 'two strings, or one string on two releases',
  help: DIFF_HELP,
  run,
};

async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs('diff', args, {
    target: { type: 'string', multiple: true },
    ciphersuites: { type: 'string' },
    seclevel: { type: 'string' },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(DIFF_HELP());
    return 0;
  }
  const jobs = await plan(values.target ?? [], positionals, values, io.stderr);
  const d = diffResults(expand(jobs[0].input, jobs[0].options), expand(jobs[1].input, jobs[1].options));
  io.stdout.write(values.json ? JSON.stringify(d) + '\n' : renderDiff(d, jobs));
  return exitCode(d);
}

/** Checks the arguments, loads the tables needed, and returns the before and after sides. */
async function plan(
  targets: string[],
  strings: string[],
  values: { ciphersuites?: string; seclevel?: string; strict?: boolean },
  stderr: Io['stderr'],
): Promise<[Job, Job]> {
  if (targets.length > 2) {
    throw new UsageError(`--target is given at most twice (before, after), got ${targets.length}`);
  }
  const libs = await Promise.all((targets.length === 0 ? [undefined] : targets).map((t) => readLibrary(t, stderr)));
  if (strings.length === 0) {
    throw new UsageError(
      "diff needs two cipher strings, or one string and two --target options: cipherx diff 'HIGH' 'HIGH:!aNULL' (see cipherx diff --help)",
    );
  }
  if (strings.length > 2) {
    throw new UsageError(
      `diff takes one or two cipher strings, got ${strings.length}; quote each string so the shell keeps it whole`,
    );
  }
  if (strings.length === 1 && targets.length < 2) {
    throw new UsageError(
      `one string is compared across two releases: give --target twice, e.g. cipherx diff --target openssl-1.1.1 --target openssl-3.5 <string>; or give two strings`,
    );
  }
  const before = libs[0]!;
  const after = libs[libs.length - 1]!;
  const { ciphersuites } = values;
  const tls13 = (l: Library) => l.capabilities.tls13Configurable;
  if (ciphersuites !== undefined && ciphersuites !== '' && !tls13(before) && !tls13(after)) {
    throw new UsageError(
      `${before === after ? `${before.name} has no` : `neither ${before.name} nor ${after.name} has a`} configurable TLS 1.3 list: --ciphersuites does not apply`,
    );
  }
  // The TLS 1.3 list applies to the sides that have one; the other options to both.
  const job = (input: string, lib: Library): Job => ({
    input,
    target: lib.name,
    options: contextOptions(lib, { ...values, ...(tls13(lib) ? {} : { ciphersuites: undefined }) }),
  });
  return [job(strings[0]!, before), job(strings[strings.length - 1]!, after)];
}

/** 0 when the two lists are the same, 1 when they differ or a side is rejected (as diff(1)). */
function exitCode(d: CipherListDiff): number {
  return d.identical ? 0 : 1;
}

/**
 * The text of a comparison. One line each, in this order:
 *
 *   --- <before target> `<string>`: accepted, <n> suites     (or: rejected (error[<code>]: <message>), 0 suites)
 *   +++ <after target> `<string>`: ...
 *   - <name>  (was at <i>)      removed, in before order
 *   + <name>  (at <i>)          added, in after order
 *   ~ <name>  <i> -> <j>        moved, in after order
 *   first preference: <name> (unchanged)   or   first preference: <name|none> -> <name|none>
 *   security level: <n|none> -> <n|none>   (only when the two sides end at different levels)
 *   added <a>, removed <r>, moved <m>, unchanged <u>
 *
 * Positions count from 1. Names are padded to one column; strings longer than 72 characters
 * are cut in the middle, control characters are escaped.
 */
function renderDiff(d: CipherListDiff, [before, after]: [Job, Job]): string {
  const width = Math.max(before.target.length, after.target.length);
  const header = (mark: string, job: Job, s: Side) =>
    `${mark} ${job.target.padEnd(width)} \`${shorten(job.input)}\`: ` +
    (s.ok
      ? `accepted, ${s.count} ${s.count === 1 ? 'suite' : 'suites'}`
      : `rejected (error[${s.error!.code}]: ${escapeControls(s.error!.message)}), 0 suites`) +
    '\n';
  const nameWidth = Math.max(0, ...[...d.removed, ...d.added, ...d.moved].map((x) => x.name.length));
  const line = (mark: string, name: string, rest: string) => `${mark} ${name.padEnd(nameWidth)}  ${rest}\n`;
  const fp = d.firstPreference;
  return (
    header('---', before, d.before) +
    header('+++', after, d.after) +
    d.removed.map((x) => line('-', x.name, `(was at ${x.position + 1})`)).join('') +
    d.added.map((x) => line('+', x.name, `(at ${x.position + 1})`)).join('') +
    d.moved.map((x) => line('~', x.name, `${x.from + 1} -> ${x.to + 1}`)).join('') +
    (fp.changed
      ? `first preference: ${fp.before ?? 'none'} -> ${fp.after ?? 'none'}\n`
      : `first preference: ${fp.before ?? 'none'} (unchanged)\n`) +
    (d.before.seclevel !== d.after.seclevel
      ? `security level: ${d.before.seclevel ?? 'none'} -> ${d.after.seclevel ?? 'none'}\n`
      : '') +
    `added ${d.added.length}, removed ${d.removed.length}, moved ${d.moved.length}, unchanged ${d.unchanged}\n`
  );
}

/** A string for a header line: control characters escaped, cut in the middle when long. */
function shorten(s: string): string {
  const cps = [...s];
  const shown = cps.length <= 72 ? s : cps.slice(0, 40).join('') + '…' + cps.slice(-31).join('');
  return escapeControls(shown);
}

function escapeControls(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
