// --fail-on and --ignore, as lint and scan read them.
import { closest } from '../core/closest.js';
import type { Severity } from '../core/types.js';
import { DIAGNOSTIC_CODES, isDiagnosticCode, type DiagnosticCode } from '../diagnostics/registry.js';
import { UsageError } from './args.js';

/** Severities, most severe first: a Map, so `--fail-on toString` is just unknown. */
const LEVELS: ReadonlyMap<string, number> = new Map([
  ['error', 0],
  ['warning', 1],
  ['info', 2],
]);

/** `--fail-on LEVEL` (default error; `never` to only report) as a test: does a finding of this severity fail the run? */
export function readFailOn(value: string | undefined): (severity: Severity) => boolean {
  if (value === 'never') return () => false;
  const limit = LEVELS.get(value ?? 'error');
  if (limit === undefined) throw new UsageError('--fail-on takes error, warning, info or never');
  return (severity) => LEVELS.get(severity)! <= limit;
}

/** A code given to `--ignore`: one of the registry's, or a usage error with the closest one. */
export function readIgnoredCode(code: string): DiagnosticCode {
  if (isDiagnosticCode(code)) return code;
  const meant = closest(code, DIAGNOSTIC_CODES);
  throw new UsageError(
    `--ignore ${JSON.stringify(code)} is no diagnostic code${meant ? ` (did you mean \`${meant}\`?)` : ''}; the codes are listed in docs/diagnostics/`,
  );
}
