// The text of a scan report: per file, each setting with what the library receives and
// offers, and the findings with carets at their real place in the file.
import { escapeControls } from '../core/characters.js';
import type { Diagnostic, Severity } from '../core/types.js';
import type { ScanProblem, ScanReport, ScanSetting, SettingValue } from '../scan/types.js';
import { renderProblem } from './diagnostic-text.js';
import type { DiagnosticSources, SourceText } from './source-text.js';

/** The texts of the scanned files, by path (for carets under the findings). */
export type FileTexts = ReadonlyMap<string, string>;

/** Where a setting's string and TLS 1.3 list are, for rendering its findings. */
export function settingSources(s: ScanSetting, texts: FileTexts): DiagnosticSources {
  const sources: DiagnosticSources = { 'cipher-list': sourceOf(s.stringFrom, s.string, texts) };
  if (s.ciphersuitesFrom) sources.ciphersuites = sourceOf(s.ciphersuitesFrom, s.ciphersuites ?? '', texts);
  return sources;
}

function sourceOf(v: SettingValue, value: string, texts: FileTexts): SourceText {
  const text = v.place ? texts.get(v.place.file) : undefined;
  // A value written with quotes or escapes is not the file's text character for character:
  // its findings are shown on the value itself, under the directive's place.
  if (v.place && text !== undefined && text.startsWith(value, v.place.offset)) {
    return { name: v.place.file, text, start: v.place.offset };
  }
  return {
    name: v.place ? `${v.place.file}:${v.place.line}:${v.place.column} (${v.from})` : `<${v.from}>`,
    text: value,
  };
}

/** Renders a whole report, grouped by file, the problems of each file first. */
export function renderScan(report: ScanReport, texts: FileTexts, severities: ReadonlySet<Severity>): string {
  const files = [...new Set([...report.problems.map((p) => p.file), ...report.settings.map((s) => s.file)])];
  let out = '';
  for (const file of files) {
    out += `${escapeControls(file)}\n`;
    for (const p of report.problems.filter((x) => x.file === file)) out += indent(renderScanProblem(p, texts));
    for (const s of report.settings.filter((x) => x.file === file)) out += indent(renderSetting(s, texts, severities));
  }
  const count = (sev: Severity, noun: string) =>
    counted(
      report.problems.filter((p) => p.severity === sev).length +
        report.settings.reduce((n, s) => n + s.diagnostics.filter((d) => d.severity === sev).length, 0),
      noun,
    );
  const settings = new Set(report.settings.map((s) => `${s.file}:${s.line}:${s.column}:${s.role}`)).size;
  out += `${counted(report.files.length, 'file')}, ${counted(settings, 'setting')}; ${count('error', 'error')}, ${count('warning', 'warning')}, ${count('info', 'note')}\n`;
  return out;
}

/** One problem of reading a file, with a caret at its place. */
export function renderScanProblem(p: ScanProblem, texts: FileTexts): string {
  const text = texts.get(p.file) ?? '';
  return renderProblem({ ...p, span: text === '' ? null : p.span }, { 'cipher-list': { name: p.file, text } });
}

function renderSetting(s: ScanSetting, texts: FileTexts, severities: ReadonlySet<Severity>): string {
  const r = s.result;
  const offer = r.supported?.ciphers ?? [];
  const head = `${s.line}:${s.column} ${s.product} ${s.role} (${escapeControls(s.context)}) on ${s.target}`;
  const lines = [
    head,
    `  cipher string: ${escapeControls(s.string)}  [${describe(s.stringFrom)}]`,
    `  TLS 1.3 list:  ${s.ciphersuites === null ? "the library's default" : escapeControls(s.ciphersuites) || '(none)'}${s.ciphersuitesFrom ? `  [${describe(s.ciphersuitesFrom)}]` : ''}`,
    `  protocols:     ${s.protocols.join(' ') || '(none)'}${s.role === 'server' && s.serverPreference !== null ? `; server order ${s.serverPreference ? 'on' : 'off'}` : ''}`,
    r.ok
      ? `  offers ${offer.length} of ${r.ciphers.length} suites: ${offer
          .slice(0, 6)
          .map((c) => c.name)
          .join(' ')}${offer.length > 6 ? ' ...' : ''}`
      : `  rejected: ${r.error!.message}`,
  ];
  let out = lines.join('\n') + '\n';
  const sources = settingSources(s, texts);
  for (const d of s.diagnostics.filter((x: Diagnostic) => severities.has(x.severity))) {
    // A finding on the whole list (the security rules) needs no caret: one line, and its help.
    out += indent(d.span ? renderProblem(d, sources) : compact(d));
  }
  return out;
}

function compact(d: Diagnostic): string {
  return `${d.severity}[${d.code}]: ${escapeControls(d.message)}\n${d.fix ? `  = help: ${escapeControls(d.fix.description)}\n` : ''}`;
}

function describe(v: SettingValue): string {
  return v.place
    ? `${v.from} at ${escapeControls(v.place.file)}:${v.place.line}:${v.place.column}`
    : escapeControls(v.from);
}

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, '  ');
}

/** `1 file`, `2 files`. */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
