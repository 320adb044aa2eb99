// A scan report as SARIF 2.1.0, for code scanning in CI: one rule per diagnostic code (from
// the registry), one result per finding, located in the scanned file.
import { DIAGNOSTICS, diagnosticPage } from '../diagnostics/registry.js';
import type { Diagnostic, Severity } from '../core/types.js';
import type { ScanReport, ScanSetting } from '../scan/types.js';
import { locateInSource, type SourceText } from './source-text.js';
import { settingSources, type FileTexts } from './scan-text.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The SARIF log of a report. `version` is cipherx's; paths are written as given, `/` separated. */
export function scanToSarif(report: ScanReport, texts: FileTexts, version: string): object {
  const results: object[] = [];
  for (const p of report.problems) {
    const text = texts.get(p.file) ?? '';
    const end = text === '' ? { line: p.line, column: p.column } : locateInSource({ name: p.file, text }, p.span.end);
    results.push(result(p.code, p.severity, p.message, p.file, { line: p.line, column: p.column }, end));
  }
  for (const s of report.settings) {
    for (const d of s.diagnostics) results.push(settingResult(s, d, texts));
  }
  const used = new Set(results.map((r) => (r as { ruleId: string }).ruleId));
  const rules = Object.entries(DIAGNOSTICS)
    .filter(([code]) => used.has(code))
    .map(([code, info]) => ({
      id: code,
      name: code,
      shortDescription: { text: info.summary },
      fullDescription: {
        text: `${info.summary}. See ${diagnosticPage(code as keyof typeof DIAGNOSTICS)} in the cipherx package.`,
      },
      defaultConfiguration: { level: LEVEL[info.severity] },
      properties: { origin: info.origin },
    }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cipherx', version, informationUri: 'https://www.npmjs.com/package/cipherx', rules } },
        results: results.map((r) => ({
          ...r,
          ruleIndex: rules.findIndex((x) => x.id === (r as { ruleId: string }).ruleId),
        })),
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
}

function settingResult(s: ScanSetting, d: Diagnostic, texts: FileTexts): object {
  const sources = settingSources(s, texts);
  const source: SourceText = (d.source === 'ciphersuites' ? sources.ciphersuites : undefined) ?? sources['cipher-list'];
  const inFile = texts.get(source.name) === source.text;
  const message = `${d.message} (${s.product} ${s.role}, ${s.context}, on ${s.target})`;
  if (!inFile || !d.span) return result(d.code, d.severity, message, s.file, { line: s.line, column: s.column }, null);
  return result(
    d.code,
    d.severity,
    message,
    source.name,
    locateInSource(source, d.span.start),
    locateInSource(source, d.span.end),
  );
}

type At = { line: number; column: number };

function result(ruleId: string, severity: Severity, message: string, file: string, start: At, end: At | null): object {
  const region: Record<string, number> = { startLine: start.line, startColumn: start.column };
  if (end && (end.line > start.line || end.column > start.column)) {
    region.endLine = end.line;
    region.endColumn = end.column;
  }
  return {
    ruleId,
    level: LEVEL[severity],
    message: { text: message },
    locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(file) }, region } }],
  };
}

/** A path as a SARIF artifact URI: relative paths stay relative, characters URIs cannot hold are escaped. */
function fileUri(path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}
