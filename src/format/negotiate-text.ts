import type { HazardFinding, Negotiation } from '../negotiate/negotiate.js';
import type { ProtocolVersion } from '../supported/protocol.js';
import { escapeControls } from '../core/characters.js';

/** Wraps prose at `width` columns, every line after the first indented by `indent`. */
function wrap(text: string, indent: string, width = 92): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width - indent.length) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

/** Versions given oldest first, printed newest first. */
function range(versions: readonly ProtocolVersion[]): string {
  return versions.length === 0 ? 'none' : [...versions].reverse().join(' ');
}

/** Errors and warnings in full with their sources; notes in one line (--json has them whole). */
function renderHazard(h: HazardFinding): string {
  const indent = '            ';
  let out = `  ${h.severity.padEnd(8)}  [${h.id}] ${h.title}\n`;
  if (h.severity === 'info') return out;
  out += `${indent}${wrap(h.description, indent)}\n`;
  for (const s of h.sources) out += `${indent}source: ${s.title} <${s.url}>\n`;
  return out;
}

/**
 * One negotiation as text: the two sides, the version and suite, why, and the hazards. The
 * peer's name (a profile of the caller's, a file's name) is printed with control characters escaped.
 */
export function renderNegotiation(n: Negotiation): string {
  const ours = `${n.local.target} (${n.local.role})`;
  let out = `${ours}  <->  ${escapeControls(n.peer.name)} (${n.peer.role})\n`;
  out += `  protocols  ours: ${range(n.local.offer.protocols)}; theirs: ${range(n.peer.protocols)}\n`;
  if (n.protocol) out += `  protocol   ${n.protocol}\n`;
  if (n.suite) {
    const c = n.suite;
    out += `  suite      ${c.name}${c.stdname ? `  ${c.stdname}` : ''}\n`;
    out += `             Kx=${c.kx} Au=${c.au} Enc=${c.enc} Mac=${c.mac}\n`;
    const server = n.local.role === 'server' ? 'ours' : 'theirs';
    out += `  chosen by  the ${n.preference}'s order (the server is ${server}); ${n.shared.length} usable by both\n`;
    if (n.shared.length > 1) {
      out += `  next       ${n.shared
        .slice(1, 4)
        .map((s) => s.name)
        .join(', ')}\n`;
    }
  }
  out += n.ok ? '  result     the handshake completes\n' : `  result     FAILS: ${n.failure!.message}\n`;
  if (n.hazards.length) out += `\nhazards:\n${n.hazards.map(renderHazard).join('')}`;
  return out;
}

/** Many negotiations of one string as a table: one peer per row (ids with control characters escaped). */
export function renderNegotiationMatrix(rows: readonly Negotiation[]): string {
  const head = ['peer', 'role', 'protocol', 'suite', 'result'];
  const cells = rows.map((n) => [
    escapeControls(n.peer.id),
    n.peer.role,
    n.protocol ?? '-',
    n.suite?.name ?? '-',
    n.ok
      ? `ok${
          n.hazards.some((h) => h.severity === 'warning')
            ? ' (warnings: ' +
              n.hazards
                .filter((h) => h.severity === 'warning')
                .map((h) => h.id)
                .join(', ') +
              ')'
            : ''
        }`
      : `FAILS: ${n.failure!.code === 'hazard' ? n.failure!.hazard! : n.failure!.code}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd() + '\n';
  return line(head) + cells.map(line).join('');
}
