import { parseArgs } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import { expand } from '../expand.js';
import { renderProblem } from '../format/diagnostic-text.js';
import { formatCiphers, type OutputFormat } from '../format/openssl-text.js';
import { TARGET_NAMES, getTarget } from '../table/registry.js';
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

class UsageError extends Error {}

/** Runs `cipherx <argv>` and resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(HELP);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      case '--version':
        io.stdout.write(`cipherx ${io.version}\n`);
        return EXIT_OK;
      case 'expand':
        return await expandCommand(rest, io);
      case 'targets':
        return targetsCommand(rest, io);
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

function targetsCommand(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout.write(TARGETS_HELP);
    return EXIT_OK;
  }
  const rows = TARGET_NAMES.map((name) => {
    const d = getTarget(name)!.data;
    return { name, release: d.release, versionText: d.versionText, origin: d.origin };
  });
  io.stdout.write(
    values.json
      ? JSON.stringify(rows) + '\n'
      : rows.map((r) => `${r.name.padEnd(14)} ${r.versionText}\n${' '.repeat(15)}${r.origin}\n`).join(''),
  );
  return EXIT_OK;
}

interface ExpandCli {
  format: OutputFormat;
  json: boolean;
  options: ExpandOptions;
}

async function expandCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        v: { type: 'boolean', short: 'v' },
        V: { type: 'boolean', short: 'V' },
        stdname: { type: 'boolean' },
        json: { type: 'boolean' },
        batch: { type: 'boolean' },
        ciphersuites: { type: 'string' },
        target: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    const m = /Unknown option '(-[^']*)'/.exec((e as Error).message);
    if (m) {
      throw new UsageError(
        `unknown option ${m[1]}; a cipher string that starts with \`-\` must come after \`--\` (cipherx expand -- '-ALL:HIGH')`,
      );
    }
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(EXPAND_HELP);
    return EXIT_OK;
  }
  const modes = [values.v && '-v', values.V && '-V', values.stdname && '--stdname', values.json && '--json'].filter(
    Boolean,
  );
  if (modes.length > 1) throw new UsageError(`choose one output mode, not ${modes.join(' and ')}`);
  const target = values.target ?? 'openssl-3.0';
  if (!getTarget(target)) {
    throw new UsageError(`unknown target ${JSON.stringify(target)}; known targets: ${TARGET_NAMES.join(', ')}`);
  }
  const data = getTarget(target)!.data;
  if (values.ciphersuites !== undefined && values.ciphersuites !== '' && !data.tls13) {
    throw new UsageError(`${target} has no TLS 1.3: --ciphersuites does not apply`);
  }
  if (values.stdname && data.layout.stdname === null) {
    throw new UsageError(`the openssl tool of ${target} has no -stdname output`);
  }
  const cli: ExpandCli = {
    format: values.V ? 'V' : values.v ? 'v' : values.stdname ? 'stdname' : 'plain',
    json: values.json === true,
    options: {
      target: target as TargetName,
      ...(values.ciphersuites !== undefined ? { ciphersuites: values.ciphersuites } : {}),
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
  const r = expand(input, cli.options);
  if (cli.json) {
    io.stdout.write(JSON.stringify(r) + '\n');
  } else {
    if (r.ok) io.stdout.write(formatCiphers(r.ciphers, cli.format, cli.options.target));
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
      { severity: 'error', code: e.code, message: e.message, span: e.span },
      ciphersuites,
      '--ciphersuites',
    );
  }
  return renderProblem({ severity: 'error', code: e.code, message: e.message, span: e.span }, input);
}

/** One line in, one result out, in order; streams, so it never holds more than a chunk. */
async function batch(cli: ExpandCli, io: Io): Promise<number> {
  // Loaded here, not at the top: only --batch needs it, and every module costs start-up time.
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let exit = EXIT_OK;
  let buf = '';
  let first = true;
  const flush = async () => {
    if (buf === '') return;
    const chunk = buf;
    buf = '';
    if (!io.stdout.write(chunk)) await new Promise<void>((res) => io.stdout.once('drain', () => res()));
  };
  for await (const line of rl) {
    const r = expand(line, cli.options);
    if (!r.ok) exit = EXIT_REJECTED;
    if (cli.json) buf += JSON.stringify(r) + '\n';
    else if (!r.ok)
      buf += `${cli.format === 'plain' || first ? '' : '\n'}error[${r.error!.code}]: ${r.error!.message}${r.error!.span ? ` (at ${r.error!.span.start + 1})` : ''}\n`;
    else if (cli.format === 'plain') buf += formatCiphers(r.ciphers, 'plain', cli.options.target);
    else buf += (first ? '' : '\n') + formatCiphers(r.ciphers, cli.format, cli.options.target);
    first = false;
    if (buf.length > 65536) await flush();
  }
  await flush();
  return exit;
}
