import { closest } from '../core/closest.js';
import type { Severity } from '../core/types.js';
import { renderScan } from '../format/scan-text.js';
import { scanToSarif } from '../format/sarif.js';
import type { TargetName } from '../library/registry.js';
import { DISTRIBUTION_IDS, findDistribution, type Distribution } from '../library/distributions.js';
import { PRODUCT_IDS, productById } from '../scan/products/index.js';
import { scan } from '../scan/scan.js';
import type { ProductId, ScanReport } from '../scan/types.js';
import { readPolicy } from './policy-option.js';
import { UsageError, parseCommandArgs } from './args.js';
import { readFailOn, readIgnoredCode } from './finding-options.js';
import type { Command, Io } from './command.js';
import { fileSystemHost } from './config-host.js';
import { loadAllLibraries, readLibrary, targetHelp } from './options.js';

const SCAN_HELP = (): string => `Usage: cipherx scan [options] <path>...

Finds every TLS setting in the configuration files given (folders are read
recursively, leaving out names that start with '.', node_modules, documentation
and source code such as *.md or *.js; includes are followed, an absolute one
on this machine), works out what the product hands to the
library (its defaults, how it composes the string, its TLS 1.3 and protocol
settings) and reports for each: where it is, the product and role, the cipher
string and TLS 1.3 list the library receives, the protocols, the suites it offers
and every lint finding, with carets in the configuration file.
A value cipherx cannot know (a variable, a template) or a file it cannot read is
reported in its place; the rest is still scanned.

Products: ${PRODUCT_IDS.join(', ')}.

Options:
${targetHelp('(repeatable: each setting is evaluated for each target)')}  --product NAME       read every file as this product instead of recognising it
  --seclevel N         the security level the library starts with (a distribution's
                       build setting: Debian and Ubuntu build OpenSSL with 2)
  --distro NAME        the OpenSSL a distribution ships: its release line and its
                       security level (not its TLS 1.2 minimum: Debian 11's openssl.cnf and
                       Ubuntu's level-2 patch are not applied); --target and --seclevel still
                       win. Known:
${DISTRIBUTION_IDS.map((id) => `                       ${id.padEnd(13)}${findDistribution(id)!.target} at level ${findDistribution(id)!.seclevel}`).join('\n')}
  --json               the report as one JSON object: settings, problems, files
  --sarif              the report as SARIF 2.1.0 (for code scanning in CI)
  --fail-on LEVEL      exit 1 when a finding is at least this severe: error (default),
                       warning or info; never: only report
  --ignore CODE        leave out findings with this code (repeatable)
  --policy NAME        check every setting against a named policy at the protocols it
                       enables (policy-* errors; see cipherx check --help)
  -h, --help           this text

Exit status: 0 nothing at or above --fail-on, 1 something is, 2 usage error.
`;

/** `cipherx scan`: the TLS settings of configuration files, as the library receives them. */
export const scanCommand: Command = {
  name: 'scan',
  usage: 'scan [options] <path>...',
  summary: 'the TLS settings of configuration files, evaluated',
  help: SCAN_HELP,
  run,
};

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('scan', args, {
    target: { type: 'string', multiple: true },
    product: { type: 'string' },
    distro: { type: 'string' },
    seclevel: { type: 'string' },
    json: { type: 'boolean' },
    sarif: { type: 'boolean' },
    'fail-on': { type: 'string' },
    ignore: { type: 'string', multiple: true },
    policy: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(SCAN_HELP());
    return 0;
  }
  if (positionals.length === 0)
    throw new UsageError('scan takes one or more files or folders (see cipherx scan --help)');
  if (values.json && values.sarif) throw new UsageError('--json and --sarif: choose one');
  const distro = values.distro === undefined ? undefined : readDistro(values.distro);
  const targets: TargetName[] = [];
  for (const t of values.target ?? [distro?.target]) {
    const lib = await readLibrary(t, io.stderr);
    if (!targets.includes(lib.name)) targets.push(lib.name);
  }
  const failsOn = readFailOn(values['fail-on']);
  const ignore = new Set((values.ignore ?? []).map(readIgnoredCode));
  const product = values.product === undefined ? undefined : readProduct(values.product);
  const seclevel = values.seclevel === undefined ? distro?.seclevel : readLevel(values.seclevel);
  const policy = values.policy === undefined ? {} : { policy: readPolicy(values.policy) };

  // Every release's table: lint says which other releases know a word this one does not.
  await loadAllLibraries();
  const texts = new Map<string, string>();
  const report = filtered(scan(positionals, fileSystemHost(texts), { targets, product, seclevel, ...policy }), ignore);
  const severities = [...report.problems, ...report.settings.flatMap((s) => s.diagnostics)].map((d) => d.severity);
  const fails = severities.some(failsOn);
  if (values.sarif) io.stdout.write(JSON.stringify(scanToSarif(report, texts, io.version), null, 2) + '\n');
  else if (values.json) io.stdout.write(JSON.stringify(report) + '\n');
  else io.stdout.write(renderScan(report, texts, new Set<Severity>(['error', 'warning', 'info'])));
  return fails ? 1 : 0;
}

function filtered(report: ScanReport, ignore: ReadonlySet<string>): ScanReport {
  if (ignore.size === 0) return report;
  return {
    ...report,
    problems: report.problems.filter((p) => !ignore.has(p.code)),
    settings: report.settings.map((s) => ({ ...s, diagnostics: s.diagnostics.filter((d) => !ignore.has(d.code)) })),
  };
}

function readProduct(name: string): ProductId {
  const p = productById(name);
  if (p) return p.id;
  const meant = closest(name, PRODUCT_IDS);
  throw new UsageError(
    `unknown product ${JSON.stringify(name)}${meant ? ` (did you mean \`${meant}\`?)` : ''}; the products: ${PRODUCT_IDS.join(', ')}`,
  );
}

function readDistro(id: string): Distribution {
  const d = findDistribution(id);
  if (d) return d;
  const meant = closest(id, DISTRIBUTION_IDS);
  throw new UsageError(
    `unknown distribution ${JSON.stringify(id)}${meant ? ` (did you mean \`${meant}\`?)` : ''}; cipherx knows ${DISTRIBUTION_IDS.join(', ')}`,
  );
}

function readLevel(text: string): number {
  if (!/^[0-5]$/.test(text)) throw new UsageError(`--seclevel takes a level from 0 to 5, not ${JSON.stringify(text)}`);
  return Number(text);
}
