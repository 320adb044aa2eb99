import { parseArgs } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import { expand } from '../expand.js';
import { severityOf } from '../diagnostics/registry.js';
import { renderProblem } from '../format/diagnostic-text.js';
import { formatCiphers, type OutputFormat } from '../format/openssl-text.js';
import { TARGET_NAMES, getTarget, isTargetName } from '../table/registry.js';
import { describeTargets } from '../targets.js';
import { loadTarget } from './load-target.js';
import { EXPLAIN_HELP, LINT_HELP, explainCommand, lintCommand } from './lint-command.js';
import { UsageError, parseCommandArgs } from './args.js';
import { readLineBatches } from './read-lines.js';
import { once } from 'node:events';
import { DIFF_HELP, diffCommand } from './diff-command.js';
import { NEGOTIATE_HELP, negotiateCommand } from './negotiate-command.js';
import type { SupportedOptions } from '../supported/supported.js';
import type { ExpandOptions, ExpandResult, TargetName } from '../types.js';
import { HELP, EXPAND_HELP, TARGETS_HELP } from './help.js';

/** Where the CLI reads and writes; the bin script passes the process's streams. */
export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  version: string;
}

export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;

/** Runs `cipherx <argv>` and resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case undefined:
        io.stderr.write(HELP);
        return EXIT_USAGE;
      case '-h':
      case '--help':
        io.stdout.write(HELP);
        return EXIT_OK;
      case 'help': {
        const pages: Record<string, string> = {
          expand: EXPAND_HELP,
          targets: TARGETS_HELP,
          lint: LINT_HELP,
          explain: EXPLAIN_HELP,
          diff: DIFF_HELP,
          negotiate: NEGOTIATE_HELP,
        };
        io.stdout.write(pages[rest[0] ?? ''] ?? HELP);
        return EXIT_OK;
      }
      case '--version':
        io.stdout.write(`cipherx ${io.version}\n`);
        return EXIT_OK;
      case 'expand':
        return await expandCommand(rest, io);
      case 'targets':
        return await targetsCommand(rest, io);
      case 'lint':
        return await lintCommand(rest, io);
      case 'explain':
        return await explainCommand(rest, io);
      case 'diff':
        return await diffCommand(rest, io);
      case 'negotiate':
        return await negotiateCommand(rest, io);
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}; try \`cipherx --help\``);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`cipherx: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

async function targetsCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout.write(TARGETS_HELP);
    return EXIT_OK;
  }
  await Promise.all(TARGET_NAMES.map(loadTarget));
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

interface ExpandCli {
  format: OutputFormat;
  json: boolean;
  options: ExpandOptions;
}

/** OpenSSL's single-dash spellings of the options cipherx shares with `openssl ciphers`. */
const OPENSSL_SPELLINGS: Readonly<Record<string, string>> = {
  '-stdname': '--stdname',
  '-ciphersuites': '--ciphersuites',
  '-tls1': '--tls1',
  '-tls1_1': '--tls1_1',
  '-tls1_2': '--tls1_2',
  '-tls1_3': '--tls1_3',
  '-psk': '--psk',
  '-srp': '--srp',
};

/** `openssl ciphers -tls1_2` and friends: the context negotiates that one version only. */
const PROTOCOL_FLAGS = { tls1: 'TLSv1', tls1_1: 'TLSv1.1', tls1_2: 'TLSv1.2', tls1_3: 'TLSv1.3' } as const;

async function expandCommand(rawArgs: string[], io: Io): Promise<number> {
  const end = rawArgs.indexOf('--');
  const args = rawArgs.map((a, i) => (end !== -1 && i >= end ? a : (OPENSSL_SPELLINGS[a] ?? a)));
  const parsed = parseCommandArgs('expand', args, {
    v: { type: 'boolean', short: 'v' },
    V: { type: 'boolean', short: 'V' },
    stdname: { type: 'boolean' },
    json: { type: 'boolean' },
    batch: { type: 'boolean' },
    ciphersuites: { type: 'string' },
    seclevel: { type: 'string' },
    supported: { type: 'boolean', short: 's' },
    tls1: { type: 'boolean' },
    tls1_1: { type: 'boolean' },
    tls1_2: { type: 'boolean' },
    tls1_3: { type: 'boolean' },
    psk: { type: 'boolean' },
    srp: { type: 'boolean' },
    target: { type: 'string' },
    strict: { type: 'boolean' },
    'openssl-name': { type: 'boolean' },
    explain: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(EXPAND_HELP);
    return EXIT_OK;
  }
  if (values.json && (values.v || values.V || values.stdname)) {
    throw new UsageError('--json is an output mode of its own: drop -v, -V or --stdname');
  }
  if (values.v && (values.V || values.stdname)) throw new UsageError('-v cannot be combined with -V or --stdname');
  const target = values.target ?? 'openssl-3.0';
  if (!isTargetName(target)) {
    throw new UsageError(`unknown target ${JSON.stringify(target)}; known targets: ${TARGET_NAMES.join(', ')}`);
  }
  await loadTarget(target);
  const rules = targetRules(target);
  if (values.ciphersuites !== undefined && values.ciphersuites !== '' && !rules.tls13) {
    throw new UsageError(`${target} has no configurable TLS 1.3 list: --ciphersuites does not apply`);
  }
  if (values.stdname && !rules.stdname) throw new UsageError(`the tool of ${target} has no -stdname output`);
  if (values.V && !rules.ids) throw new UsageError(`the tool of ${target} has no -V output`);
  if (values.strict && target !== 'boringssl') throw new UsageError('--strict applies to --target boringssl only');
  if (values['openssl-name'] && target !== 'boringssl') {
    throw new UsageError('--openssl-name applies to --target boringssl only (openssl prints OpenSSL names anyway)');
  }
  let seclevel: number | undefined;
  if (values.seclevel !== undefined) {
    if (!rules.seclevel) throw new UsageError(`${target} has no security levels: --seclevel does not apply`);
    if (!/^[0-5]$/.test(values.seclevel)) throw new UsageError('--seclevel takes one digit from 0 to 5');
    seclevel = Number(values.seclevel);
  }
  const supported = supportedOptions(values, target);
  const cli: ExpandCli = {
    format: outputFormat(values),
    json: values.json === true,
    options: {
      target,
      ...(supported ? { supported } : {}),
      ...(values.ciphersuites
        ? { ciphersuites: values.ciphersuites }
        : values.ciphersuites === '' && rules.tls13
          ? { ciphersuites: '' }
          : {}),
      ...(values.strict ? { strict: true } : {}),
      ...(seclevel !== undefined ? { seclevel } : {}),
    },
  };
  if (values.batch) {
    if (positionals.length > 0)
      throw new UsageError('--batch reads the strings from standard input; give no string argument');
    return batch(cli, io);
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'expand needs a cipher string, e.g. cipherx expand "HIGH:!aNULL" (see cipherx expand --help)'
        : `expand takes one cipher string, got ${positionals.length}; quote the string so the shell keeps it whole`,
    );
  }
  const input = positionals[0]!;
  if (values.explain) {
    if (supported) throw new UsageError('--explain shows the configured list; drop -s');
    if (cli.json) throw new UsageError('--explain prints text; for JSON use cipherx explain --json');
    return explainCommand(
      [
        '--target',
        target,
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
    for (const d of r.diagnostics) {
      const text = d.source === 'ciphersuites' ? (cli.options.ciphersuites ?? '') : input;
      io.stderr.write(renderProblem(d, text, d.source === 'ciphersuites' ? '--ciphersuites' : '<argv>'));
    }
    if (!r.ok) io.stderr.write(renderError(r, input, cli.options.ciphersuites ?? ''));
  }
  return r.ok ? EXIT_OK : EXIT_REJECTED;
}

/** The error of a rejected call, with a caret under the place. */
function renderError(r: ExpandResult, input: string, ciphersuites: string): string {
  const e = r.error!;
  if (e.code === 'invalid-ciphersuites') {
    return renderProblem(
      { severity: severityOf(e.code), code: e.code, message: e.message, span: e.span },
      ciphersuites,
      '--ciphersuites',
    );
  }
  return renderProblem({ severity: severityOf(e.code), code: e.code, message: e.message, span: e.span }, input);
}

/**
 * One line in, one result out, in order. Streams: reads and writes in chunks. Lines end at
 * `\n`; one `\r` before it is dropped (files written on Windows), any other `\r` is part of
 * the string, as it would be for OpenSSL. Stops quietly when the reader of stdout goes away.
 */
async function batch(cli: ExpandCli, io: Io): Promise<number> {
  let exit = EXIT_OK;
  let out = '';
  let first = true;
  let closed = false;
  io.stdout.on('error', () => {
    closed = true; // EPIPE and the like: nobody reads any more
  });
  const flush = async () => {
    if (out === '' || closed) return;
    const chunk = out;
    out = '';
    if (!io.stdout.write(chunk)) await once(io.stdout, 'drain').catch(() => undefined);
  };
  const emit = (line: string) => {
    const r = expand(line, cli.options);
    if (!r.ok) exit = EXIT_REJECTED;
    if (cli.json) out += JSON.stringify(r) + '\n';
    else {
      const oneLine = cli.format === 'plain' && cli.options.target !== 'boringssl';
      const sep = oneLine || first ? '' : '\n';
      out += sep + (r.ok ? formatCiphers(shown(r), cli.format, cli.options.target) : batchError(r));
    }
    first = false;
  };
  // Written after every chunk of input: a caller feeding one line at a time gets each answer.
  for await (const lines of readLineBatches(io.stdin)) {
    for (const line of lines) {
      emit(line);
      if (out.length > 65536) await flush();
    }
    await flush();
    if (closed) return exit;
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
  target: TargetName,
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
  if (values.srp && target === 'boringssl') throw new UsageError('boringssl has no SRP: --srp does not apply');
  const only = protocols[0] ? PROTOCOL_FLAGS[protocols[0]] : undefined;
  if (only === 'TLSv1.3' && target === 'openssl-1.0.2')
    throw new UsageError('openssl-1.0.2 has no TLS 1.3: --tls1_3 does not apply');
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

/** Which options a target's tool has (BoringSSL: no TLS 1.3 list, no security levels, no -V). */
function targetRules(target: TargetName): { tls13: boolean; seclevel: boolean; stdname: boolean; ids: boolean } {
  if (target === 'boringssl') return { tls13: false, seclevel: false, stdname: true, ids: false };
  const d = getTarget(target)!.data;
  return {
    tls13: d.tls13 !== null,
    seclevel: d.defaultSeclevel !== null,
    stdname: d.layout.stdname !== null,
    ids: true,
  };
}

/** The output mode the flags ask for (validated before: -v excludes -V and --stdname). */
function outputFormat(f: { v?: boolean; V?: boolean; stdname?: boolean; 'openssl-name'?: boolean }): OutputFormat {
  if (f['openssl-name']) return 'openssl-name';
  if (f.V) return f.stdname ? 'V+stdname' : 'V';
  if (f.v) return 'v';
  return f.stdname ? 'stdname' : 'plain';
}
