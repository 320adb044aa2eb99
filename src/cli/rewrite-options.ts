// The options `cipherx minimize` and `cipherx fix` share: several --target, the context of each.
import type { TargetName } from '../types.js';
import type { ProofOptions } from '../write/proof.js';
import { UsageError } from './args.js';
import type { Io } from './command.js';
import { readLibraries, sharedContext } from './options.js';

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
  const libs = await readLibraries(values.target, stderr);
  return { targets: libs.map((l) => l.name), proof: sharedContext(libs, values) };
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
