import type { DiagnosticSources } from '../format/source-text.js';

/**
 * Where a string the CLI evaluates comes from, for rendering diagnostics at their place: the
 * command line (`<argv>`) or line `line` of standard input (`<stdin>`), and the --ciphersuites
 * option as the second source.
 */
export function cliSources(input: string, ciphersuites: string | undefined, line?: number): DiagnosticSources {
  return {
    'cipher-list':
      line === undefined ? { name: '<argv>', text: input } : { name: '<stdin>', text: input, firstLine: line },
    ciphersuites: { name: '--ciphersuites', text: ciphersuites ?? '' },
  };
}
