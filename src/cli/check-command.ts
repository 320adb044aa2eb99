import { check } from '../policy/check.js';
import { renderCheck } from '../format/check-text.js';
import { isProtocolVersion, PROTOCOL_VERSIONS, type ProtocolVersion } from '../supported/protocol.js';
import { UsageError, parseCommandArgs } from './args.js';
import type { Command, Io } from './command.js';
import { CONTEXT_OPTIONS, contextHelp, readLibraries, sharedContext, targetHelp } from './options.js';
import { cliSources } from './sources.js';
import { policyHelp, readPolicy } from './policy-option.js';

export const CHECK_HELP =
  (): string => `Usage: cipherx check --policy NAME [--target NAME ...] [options] [--] <cipher-string>

Checks the list the string leaves on each target against a named policy: suites the
policy does not allow (each with the element of the string that brought it in), suites
it requires that are missing, allowed suites out of the order it asks for, and, with
--protocols, protocol versions outside its bounds. Key sizes a policy sets are not part
of a cipher string and are not checked.

Options:
  --policy NAME        the policy (required):
${policyHelp()}${targetHelp('(repeatable: the string is checked on each)')}${contextHelp(['ciphersuites', 'seclevel'])}  --protocols LIST     the versions the server enables (comma-separated, e.g.
                       TLSv1.2,TLSv1.3): suites none of them negotiates are not judged
  --json               the verdict as JSON
  --                   ends the options
  -h, --help           this text

Examples:
  cipherx check --policy mozilla-intermediate 'ECDHE+AESGCM:ECDHE+CHACHA20'
  cipherx check --policy mozilla-intermediate --target openssl-1.1.1 --target openssl-3.0 'HIGH:!aNULL'

lint --policy and scan --policy report the same findings among their others.
Exit status: 0 the string meets the policy on every target, 1 it does not, 2 usage error.
`;

/** `cipherx check`: does the string meet a policy on each target? */
export const checkCommand: Command = {
  name: 'check',
  usage: 'check --policy NAME [--target NAME ...] [--] <cipher-string>',
  summary: 'whether the list meets a named policy (Mozilla, BSI) on each target',
  help: () => CHECK_HELP(),
  run,
};

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, {
    target: { type: 'string', multiple: true },
    ciphersuites: CONTEXT_OPTIONS.ciphersuites,
    seclevel: CONTEXT_OPTIONS.seclevel,
    policy: { type: 'string' },
    protocols: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(CHECK_HELP());
    return 0;
  }
  const policy = readPolicy(values.policy);
  const libs = await readLibraries(values.target, io.stderr);
  if (positionals.length !== 1) throw new UsageError('check takes one cipher string (see cipherx check --help)');
  const input = positionals[0]!;
  const protocols = values.protocols === undefined ? undefined : readProtocolList(values.protocols);
  const r = check(input, {
    policy,
    targets: libs.map((l) => l.name),
    ...sharedContext(libs, values),
    ...(protocols ? { protocols } : {}),
  });
  io.stdout.write(
    values.json ? JSON.stringify({ input, ...r }) + '\n' : renderCheck(r, cliSources(input, values.ciphersuites)),
  );
  return r.pass ? 0 : 1;
}

function readProtocolList(text: string): ProtocolVersion[] {
  const list = text.split(',').map((p) => p.trim());
  const bad = list.find((p) => !isProtocolVersion(p));
  if (bad !== undefined) {
    throw new UsageError(
      `--protocols: ${JSON.stringify(bad)} is no protocol version; use ${PROTOCOL_VERSIONS.join(', ')}`,
    );
  }
  return list as ProtocolVersion[];
}
