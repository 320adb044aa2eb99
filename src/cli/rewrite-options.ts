// The options `cipherx minimize` and `cipherx fix` share: several --target, the context of each.
import type { TargetName } from '../types.js';
import type { ProofOptions } from '../write/proof.js';
import { UsageError } from './args.js';
import type { Io } from './command.js';
import { readLibrary } from './options.js';

/** parseArgs configuration of the shared options. */
export const REWRITE_OPTIONS = {
  target: { type: 'string', multiple: true },
  ciphersuites: { type: 'string' },
  seclevel: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The targets named (the default one when none), their tables loaded, and the context of each. */
export async function readRewriteOptions(
  values: { target?: string[] | undefined; ciphersuites?: string | undefined; seclevel?: string | undefined },
  stderr: Io['stderr'],
): Promise<{ targets: TargetName[]; proof: ProofOptions }> {
  const libs = await Promise.all((values.target ?? [undefined]).map((t) => readLibrary(t, stderr)));
  const targets = [...new Set(libs.map((l) => l.name))];
  const proof: ProofOptions = {};
  if (values.ciphersuites !== undefined) {
    if (values.ciphersuites !== '' && !libs.some((l) => l.capabilities.tls13Configurable)) {
      throw new UsageError(`no target given has a configurable TLS 1.3 list: --ciphersuites does not apply`);
    }
    proof.ciphersuites = values.ciphersuites;
  }
  if (values.seclevel !== undefined) {
    if (!/^[0-5]$/.test(values.seclevel)) throw new UsageError('--seclevel takes one digit from 0 to 5');
    if (!libs.some((l) => l.capabilities.securityLevels)) {
      throw new UsageError('no target given has security levels: --seclevel does not apply');
    }
    proof.seclevel = Number(values.seclevel);
  }
  return { targets, proof };
}

/** The one cipher string a command takes. */
export function oneString(command: string, positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new UsageError(
      `${command} takes one cipher string, got ${positionals.length}; quote it so the shell keeps it whole (see cipherx ${command} --help)`,
    );
  }
  return positionals[0]!;
}
