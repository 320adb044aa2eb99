import type { Diagnostic, Span } from '../core/types.js';
import { severityOf, type DiagnosticCode } from './registry.js';

/** The parts of a finding beyond code, message, span and args. */
export type DiagnosticExtra = Pick<Diagnostic, 'source' | 'related' | 'fix'>;

/** A finding with the severity the registry gives its code. */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  span: Span | null,
  args: Diagnostic['args'] = {},
  extra?: DiagnosticExtra,
): Diagnostic {
  const d: Diagnostic = {
    code,
    severity: severityOf(code),
    message,
    span: span && { start: span.start, end: span.end },
    args,
  };
  // Most findings have no extra parts: no copy of an empty object for them.
  return extra === undefined ? d : Object.assign(d, extra);
}

/** The most diagnostics one call reports; a string of 100,000 unknown words gets one summary. */
export const MAX_DIAGNOSTICS = 100;

/**
 * The one sink of both families' evaluators: adds a diagnostic, up to MAX_DIAGNOSTICS, then one
 * `too-many-diagnostics` that counts how many more there were.
 */
export function report(sink: { diagnostics: Diagnostic[] }, d: Diagnostic): void {
  const n = sink.diagnostics.length;
  if (n < MAX_DIAGNOSTICS) {
    sink.diagnostics.push(d);
    return;
  }
  if (n === MAX_DIAGNOSTICS) sink.diagnostics.push(diagnostic('too-many-diagnostics', '', null, { more: 0 }));
  const last = sink.diagnostics[MAX_DIAGNOSTICS]!;
  last.args.more = (last.args.more as number) + 1;
  last.message = `${last.args.more} more diagnostics not listed`;
}
