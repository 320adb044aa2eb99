import { expand } from '../expand.js';
import { severityOf } from '../diagnostics/registry.js';
import { renderProblem } from '../format/diagnostic-text.js';
import { formatCiphers, type OutputFormat } from '../format/openssl-text.js';
import type { Library } from '../library/registry.js';
import type { SupportedOptions } from '../supported/supported.js';
import type { ExpandOptions, ExpandResult } from '../types.js';
import { UsageError, parseCommandArgs } from './args.js';
import { EXIT_OK, EXIT_REJECTED, type Command, type Io } from './command.js';
import { EXPAND_HELP } from './help.js';
import { CONTEXT_OPTIONS, contextOptions, readLibrary } from './options.js';
import { BatchOutput, longLineMessage } from './batch-output.js';
import { AnswerCache, NumberedText } from './batch-cache.js';
import { readLineBatches, type BatchLine } from './read-lines.js';
import { cliSources } from './sources.js';
import type { DiagnosticSources } from '../format/source-text.js';

/** `cipherx expand`: what a string expands to, printed as the library's own tool prints it. */
export const expandCommand: Command = {
  name: 'expand',
  usage: 'expand [options] [--] [<cipher-string>]',
  summary: 'what the string expands to',
  help: EXPAND_HELP,
  run,
};

interface ExpandCli {
  lib: Library;
  format: OutputFormat;
  json: boolean;
  options: ExpandOptions;
}

/** OpenSSL's single-dash spellings of the options cipherx shares with `openssl ciphers`. */
const OPENSSL_SPELLINGS: ReadonlySet<string> = new Set([
  '-help',
  '-stdname',
  '-ciphersuites',
  '-tls1',
  '-tls1_1',
  '-tls1_2',
  '-tls1_3',
  '-psk',
  '-srp',
]);

/** `-ciphersuites`, `-ciphersuites=VALUE` → `--ciphersuites`, `--ciphersuites=VALUE`; other arguments as they are. */
function longSpelling(arg: string): string {
  const eq = arg.indexOf('=');
  return OPENSSL_SPELLINGS.has(eq === -1 ? arg : arg.slice(0, eq)) ? `-${arg}` : arg;
}

/** `openssl ciphers -tls1_2` and friends: the context negotiates that one version only. */
const PROTOCOL_FLAGS = { tls1: 'TLSv1', tls1_1: 'TLSv1.1', tls1_2: 'TLSv1.2', tls1_3: 'TLSv1.3' } as const;

async function run(rawArgs: string[], io: Io): Promise<number> {
  const end = rawArgs.indexOf('--');
  const args = rawArgs.map((a, i) => (end !== -1 && i >= end ? a : longSpelling(a)));
  const parsed = parseCommandArgs('expand', args, {
    v: { type: 'boolean', short: 'v' },
    V: { type: 'boolean', short: 'V' },
    stdname: { type: 'boolean' },
    json: { type: 'boolean' },
    batch: { type: 'boolean' },
    ...CONTEXT_OPTIONS,
    supported: { type: 'boolean', short: 's' },
    tls1: { type: 'boolean' },
    tls1_1: { type: 'boolean' },
    tls1_2: { type: 'boolean' },
    tls1_3: { type: 'boolean' },
    psk: { type: 'boolean' },
    srp: { type: 'boolean' },
    'openssl-name': { type: 'boolean' },
    explain: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(EXPAND_HELP());
    return EXIT_OK;
  }
  if (values.json && (values.v || values.V || values.stdname)) {
    throw new UsageError('--json is an output mode of its own: drop -v, -V or --stdname');
  }
  const lib = await readLibrary(values.target, io.stderr);
  const caps = lib.capabilities;
  const context = contextOptions(lib, values);
  if (values.stdname && !caps.stdnameOutput) throw new UsageError(`the tool of ${lib.name} has no -stdname output`);
  if (values.V && !caps.idsOutput) throw new UsageError(`the tool of ${lib.name} has no -V output`);
  if (values['openssl-name'] && lib.family !== 'boringssl') {
    throw new UsageError(`--openssl-name is a layout of bssl ciphers; ${lib.tool} prints OpenSSL names anyway`);
  }
  const supported = supportedOptions(values, lib);
  const cli: ExpandCli = {
    lib,
    format: outputFormat(values),
    json: values.json === true,
    options: { ...context, ...(supported ? { supported } : {}) },
  };
  if (values.batch) {
    if (positionals.length > 0)
      throw new UsageError('--batch reads the strings from standard input; give no string argument');
    if (values.explain)
      throw new UsageError('--explain explains one string; run cipherx explain on the string rather than --batch');
    return batch(cli, io);
  }
  if (positionals.length > 1) {
    throw new UsageError(
      `expand takes one cipher string, got ${positionals.length}; quote the string so the shell keeps it whole`,
    );
  }
  // Without a string, `openssl ciphers` prints what a fresh context holds: DEFAULT's list.
  if (positionals.length === 0 && (lib.family !== 'openssl' || values.explain)) {
    throw new UsageError(
      `expand needs a cipher string here, e.g. cipherx expand "HIGH:!aNULL" (see cipherx expand --help)`,
    );
  }
  const input = positionals[0] ?? 'DEFAULT';
  if (values.explain) {
    if (supported) throw new UsageError('--explain shows the configured list; drop -s');
    if (cli.json) throw new UsageError('--explain prints text; for JSON use cipherx explain --json');
    const { explainCommand } = await import('./explain-command.js');
    return explainCommand.run(
      [
        '--target',
        lib.name,
        ...(values.ciphersuites !== undefined ? ['--ciphersuites', values.ciphersuites] : []),
        ...(values.strict ? ['--strict'] : []),
        '--',
        input,
      ],
      io,
    );
  }
  const r = expand(input, cli.options);
  if (cli.json) {
    io.stdout.write(JSON.stringify(r) + '\n');
  } else {
    if (r.ok) io.stdout.write(formatCiphers(shown(r), cli.format, cli.options.target));
    if (r.ok && r.supported?.ciphers.length === 0) io.stderr.write(nothingOffered(r));
    // stdout stays byte-identical to openssl; what OpenSSL does silently is said on stderr.
    const sources = cliSources(input, cli.options.ciphersuites);
    for (const d of r.diagnostics) io.stderr.write(renderProblem(d, sources));
    if (!r.ok) io.stderr.write(renderError(r, sources));
  }
  return r.ok ? EXIT_OK : EXIT_REJECTED;
}

/** The error of a rejected call, with a caret under the place. */
function renderError(r: ExpandResult, sources: DiagnosticSources): string {
  const e = r.error!;
  return renderProblem({ severity: severityOf(e.code), code: e.code, message: e.message, span: e.span }, sources);
}

/**
 * One line in, one result out, in order (see readLineBatches for what a line is). Streams:
 * reads and writes in chunks. Stops quietly when the reader of stdout goes away. A line seen
 * before is answered from memory (batch-cache.ts).
 */
async function batch(cli: ExpandCli, io: Io): Promise<number> {
  let exit = EXIT_OK;
  let number = 0;
  const out = new BatchOutput(io.stdout);
  const err = new BatchOutput(io.stderr);
  const oneLine = (cli.format === 'plain' && cli.lib.family === 'openssl') || cli.json;
  const cache = new AnswerCache<{ text: Uint8Array; ok: boolean; warnings: NumberedText | null }>();
  const answer = (line: string) => {
    const r = expand(line, cli.options);
    // What OpenSSL did silently goes to standard error, at the line it came from.
    const warnings =
      r.diagnostics.length > 0 && !cli.json
        ? new NumberedText((n) => {
            const sources = cliSources(line, cli.options.ciphersuites, n);
            return r.diagnostics.map((d) => renderProblem(d, sources)).join('');
          })
        : null;
    const text = Buffer.from(
      cli.json
        ? JSON.stringify(r) + '\n'
        : r.ok
          ? formatCiphers(shown(r), cli.format, cli.options.target)
          : batchError(r),
    );
    return { value: { text, ok: r.ok, warnings }, size: text.length + (warnings?.size ?? 0) };
  };
  /** Adds the answer to one line; true when the output should be flushed. */
  const add = (line: BatchLine): boolean => {
    const full = !oneLine && number > 1 && out.add('\n');
    if (typeof line !== 'string') {
      exit = EXIT_REJECTED;
      const message = longLineMessage(line, number);
      const text = cli.json
        ? JSON.stringify({ ok: false, error: { code: 'line-too-long', message } }) + '\n'
        : `error[line-too-long]: ${message}\n`;
      return out.add(text) || full;
    }
    const a = cache.get(line, () => answer(line));
    if (!a.ok) exit = EXIT_REJECTED;
    if (a.warnings) a.warnings.writeTo(err, number, Buffer.from(String(number)));
    return out.add(a.text) || full;
  };
  const flush = async () => {
    await err.flush();
    await out.flush();
  };
  // Written after every chunk of input: a caller feeding one line at a time gets each answer.
  for await (const lines of readLineBatches(io.stdin)) {
    for (const line of lines) {
      number++;
      if (add(line)) await flush();
    }
    await flush();
    if (out.closed) return exit;
  }
  await flush();
  return exit;
}

/** The list to print: the effective offer with -s, else the configured list. */
function shown(r: ExpandResult): ExpandResult['ciphers'] {
  return r.supported ? r.supported.ciphers : r.ciphers;
}

/** Why `-s` printed nothing (openssl prints an empty line and says nothing). */
function nothingOffered(r: ExpandResult): string {
  const v = r.supported!;
  if (v.protocols.length === 0) {
    return `cipherx: note: nothing is offered: no protocol version is left${v.seclevel !== null ? ` at security level ${v.seclevel}` : ''} in this range\n`;
  }
  const reasons = [...new Set(v.dropped.map((d) => d.reason))].join(', ');
  return `cipherx: note: nothing is offered: every suite is filtered out (${reasons || 'the list is empty'})\n`;
}

/** The -s view's settings from the flags, or null without -s (the flags need it). */
function supportedOptions(
  values: { supported?: boolean; psk?: boolean; srp?: boolean } & Partial<Record<keyof typeof PROTOCOL_FLAGS, boolean>>,
  lib: Library,
): SupportedOptions | null {
  const protocols = (Object.keys(PROTOCOL_FLAGS) as Array<keyof typeof PROTOCOL_FLAGS>).filter((f) => values[f]);
  const extras = [
    ...protocols.map((f) => `--${f}`),
    ...(values.psk ? ['--psk'] : []),
    ...(values.srp ? ['--srp'] : []),
  ];
  if (!values.supported) {
    if (extras.length > 0) throw new UsageError(`${extras[0]} shapes the effective offer: add -s`);
    return null;
  }
  if (protocols.length > 1)
    throw new UsageError(`give one protocol flag, not ${protocols.map((f) => `--${f}`).join(' and ')}`);
  if (values.srp && !lib.capabilities.srp) throw new UsageError(`${lib.name} has no SRP: --srp does not apply`);
  const only = protocols[0] ? PROTOCOL_FLAGS[protocols[0]] : undefined;
  if (only && !lib.protocols.includes(only))
    throw new UsageError(`${lib.name} has no ${only}: --${protocols[0]} does not apply`);
  return {
    ...(only ? { minProtocol: only, maxProtocol: only } : {}),
    ...(values.psk ? { psk: true } : {}),
    ...(values.srp ? { srp: true } : {}),
  };
}

/** A rejected string in --batch output: one line, on stdout, in the input's place. */
function batchError(r: ExpandResult): string {
  const e = r.error!;
  return `error[${e.code}]: ${e.message}${e.span ? ` (at ${e.span.start + 1})` : ''}\n`;
}

/** The output mode the flags ask for. */
function outputFormat(f: { v?: boolean; V?: boolean; stdname?: boolean; 'openssl-name'?: boolean }): OutputFormat {
  if (f['openssl-name']) return 'openssl-name';
  // As `openssl ciphers`: -V and -stdname each imply -v.
  if (f.V) return f.stdname ? 'V+stdname' : 'V';
  if (f.stdname) return 'stdname';
  return f.v ? 'v' : 'plain';
}
