// The options every command that evaluates a string shares (--target, --ciphersuites,
// --seclevel, --strict): read once here, checked against the library's capabilities, with
// help lines written from the library registry.
import { DEFAULT_TARGET, TARGET_NAMES, findLibrary, libraries, type Library } from '../library/registry.js';
import type { Writable } from 'node:stream';
import { closest } from '../core/closest.js';
import { libraryForVersionText } from '../library/version-text.js';
import { recordedRelease } from '../library/tables.js';
import type { ExpandOptions } from '../types.js';
import { UsageError } from './args.js';
import { loadTarget } from './load-target.js';

/** parseArgs configuration of the shared options. */
export const CONTEXT_OPTIONS = {
  target: { type: 'string' },
  ciphersuites: { type: 'string' },
  seclevel: { type: 'string' },
  strict: { type: 'boolean' },
} as const;

/** The values parseArgs gives for CONTEXT_OPTIONS. */
export interface ContextValues {
  ciphersuites?: string | undefined;
  seclevel?: string | undefined;
  strict?: boolean | undefined;
}

/**
 * The library `--target` names (default DEFAULT_TARGET), its table loaded: a target name, or a
 * version text as `openssl version` prints it (`"OpenSSL 3.0.13 30 Jan 2024"`), which names its
 * release line; a note on `stderr` when the release differs from the one recorded. A usage error
 * for anything else.
 */
export async function readLibrary(value: string | undefined, stderr?: Writable): Promise<Library> {
  const lib = findLibrary(value ?? DEFAULT_TARGET);
  if (lib) {
    loadTarget(lib.name);
    return lib;
  }
  const version = libraryForVersionText(value ?? '');
  if (version?.lib) {
    loadTarget(version.lib.name);
    const recorded = recordedRelease(version.lib);
    if (recorded !== version.release) {
      stderr?.write(
        `cipherx: note: ${version.release} is evaluated as ${version.lib.name}, whose tables were recorded from ${recorded}: releases of one line share their tables, but a patch release may differ\n`,
      );
    }
    return version.lib;
  }
  if (version) {
    const lines = TARGET_NAMES.flatMap((n) => findLibrary(n)!.versionLine ?? []).join(', ');
    throw new UsageError(
      `there is no ${version.line} line (${JSON.stringify(value)}); the lines cipherx has: ${lines}`,
    );
  }
  const meant = closest(value ?? '', TARGET_NAMES);
  throw new UsageError(
    `unknown target ${JSON.stringify(value)}${meant ? ` (did you mean \`${meant}\`?)` : ''}; known targets: ${TARGET_NAMES.join(', ')}, or a version text such as "OpenSSL 3.0.13"`,
  );
}

/**
 * `--target` given any number of times (check, suggest, fix, minimize): each read as
 * readLibrary reads one, in order, each library once; the default target when none is given.
 */
export async function readLibraries(values: readonly string[] | undefined, stderr?: Writable): Promise<Library[]> {
  const libs: Library[] = [];
  for (const v of values && values.length > 0 ? values : [undefined]) {
    const lib = await readLibrary(v, stderr);
    // A target given twice is evaluated once, as scan does.
    if (!libs.includes(lib)) libs.push(lib);
  }
  return libs;
}

/**
 * The context options that apply across several targets: `--ciphersuites` goes to those with a
 * TLS 1.3 list apart (a usage error when none has one, unless it is ''), `--seclevel` to those with
 * levels (a usage error when none has them).
 */
export function sharedContext(
  libs: readonly Library[],
  values: ContextValues,
): { ciphersuites?: string; seclevel?: number } {
  const out: { ciphersuites?: string; seclevel?: number } = {};
  if (values.ciphersuites !== undefined) {
    if (values.ciphersuites !== '' && !libs.some((l) => l.capabilities.tls13Configurable)) {
      throw new UsageError(`none of the targets has a configurable TLS 1.3 list: --ciphersuites does not apply`);
    }
    out.ciphersuites = values.ciphersuites;
  }
  if (values.seclevel !== undefined) {
    const leveled = libs.find((l) => l.capabilities.securityLevels);
    if (!leveled) throw new UsageError('none of the targets has security levels: --seclevel does not apply');
    out.seclevel = readSeclevel(leveled, values.seclevel);
  }
  return out;
}

/** Loads the table of every library (for commands that look words up across releases). */
export async function loadAllLibraries(): Promise<void> {
  loadLibraries(() => true);
}

/** Loads the tables of the libraries `which` picks. */
export function loadLibraries(which: (lib: Library) => boolean): void {
  for (const lib of libraries()) if (which(lib)) loadTarget(lib.name);
}

/**
 * The context options for `lib`: a usage error for an option it does not have. `--ciphersuites ''`
 * means no TLS 1.3 suites, which a library without a TLS 1.3 list has anyway.
 */
export function contextOptions(lib: Library, values: ContextValues): ExpandOptions {
  const caps = lib.capabilities;
  const o: ExpandOptions = { target: lib.name };
  if (values.ciphersuites !== undefined) {
    if (caps.tls13Configurable) o.ciphersuites = values.ciphersuites;
    else if (values.ciphersuites !== '') {
      throw new UsageError(`${lib.name} has no configurable TLS 1.3 list: --ciphersuites does not apply`);
    }
  }
  if (values.seclevel !== undefined) o.seclevel = readSeclevel(lib, values.seclevel);
  if (values.strict) {
    if (!caps.strict) throw new UsageError(`--strict applies to ${withCapability('strict')} only`);
    o.strict = true;
  }
  return o;
}

/** `--seclevel N` for `lib`. */
export function readSeclevel(lib: Library, text: string): number {
  if (!lib.capabilities.securityLevels) {
    throw new UsageError(`${lib.name} has no security levels: --seclevel does not apply`);
  }
  if (!/^[0-5]$/.test(text)) throw new UsageError('--seclevel takes one digit from 0 to 5');
  return Number(text);
}

/** `--target a` or `--target a, b`: the libraries that have a capability, for messages. */
export function withCapability(cap: keyof Library['capabilities']): string {
  return libraries()
    .filter((l) => l.capabilities[cap])
    .map((l) => `--target ${l.name}`)
    .join(', ');
}

/** Words wrapped to `width` columns, continuation lines indented by `indent` spaces. */
function wrap(words: readonly string[], first: string, indent: number, width = 90): string {
  let line = first;
  let out = '';
  for (const w of words) {
    if (line.length + 1 + w.length > width && line.trim() !== '') {
      out += line + '\n';
      line = ' '.repeat(indent) + w;
    } else line += (line.endsWith(' ') ? '' : ' ') + w;
  }
  return out + line + '\n';
}

const COLUMN = 23;

/** The help lines of `--target` (every library, the default marked), then `more` if given. */
export function targetHelp(more = ''): string {
  const names = libraries().map(
    (l, i, all) => `${l.name}${l.name === DEFAULT_TARGET ? ' (default)' : ''}${i < all.length - 1 ? ',' : ''}`,
  );
  const versions = 'or a version text as `openssl version` prints it ("OpenSSL 3.0.13 30 Jan 2024")';
  if (more.startsWith(';')) more = more.slice(1).trim();
  const words = [...names, ...versions.split(' ')];
  // A note in parentheses follows as it is; a sentence after a semicolon.
  if (more && !more.startsWith('(')) words[words.length - 1] += ';';
  return wrap([...words, ...(more ? more.split(' ') : [])], '  --target NAME'.padEnd(COLUMN), COLUMN);
}

/** The help lines of the library-specific options a command takes, written from the registry. */
export function contextHelp(options: ReadonlyArray<'ciphersuites' | 'seclevel' | 'strict'>): string {
  const lines: Record<(typeof options)[number], string> = {
    ciphersuites:
      "  --ciphersuites LIST  the TLS 1.3 list, as `openssl ciphers -ciphersuites` (':'-separated\n" +
      "                       IANA names; '' for none; default: the target's)\n",
    seclevel:
      '  --seclevel N         the security level before the string (0-5; default: the\n' +
      "                       release's own, which distributions change: Debian's 3.0 uses 2)\n",
    strict: wrap(
      `${withCapability('strict').replace(/--target /g, '')}: reject unknown words (SSL_CTX_set_strict_cipher_list)`.split(
        ' ',
      ),
      '  --strict'.padEnd(COLUMN),
      COLUMN,
    ),
  };
  return options.map((o) => lines[o]).join('');
}
