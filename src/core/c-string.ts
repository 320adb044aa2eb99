import { diagnostic } from '../diagnostics/sink.js';
import type { Diagnostic } from './types.js';

/**
 * What a C caller passes: the string up to its first NUL, and when there is one, the
 * `nul-truncates` finding over the rest. `what` names the input, `library` who reads it.
 */
export function cString(input: string, what: string, library: string): { text: string; truncated: Diagnostic | null } {
  const nul = input.indexOf('\0');
  if (nul === -1) return { text: input, truncated: null };
  return {
    text: input.slice(0, nul),
    truncated: diagnostic(
      'nul-truncates',
      `${what} contains a NUL character; ${library} reads only what comes before it`,
      { start: nul, end: input.length },
    ),
  };
}
