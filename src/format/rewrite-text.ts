// The text `cipherx minimize` and `cipherx fix` write to standard error: the proof (each target's
// list, one line of names) and a line per change. The string itself goes to standard output alone.
import type { FixResult } from '../write/fix.js';
import type { MinimizeResult } from '../write/minimize.js';
import type { TargetList } from '../write/proof.js';

/** One target's list: a header line, then the names on one line (BoringSSL groups as `[A|B]`). */
export function renderTargetList(l: TargetList, indent = '  '): string {
  if (!l.ok) return `${indent}${l.target}: rejected\n`;
  const level = l.seclevel === null ? '' : `, security level ${l.seclevel}`;
  const grouped = new Set(l.groupedWithNext);
  let names = '';
  l.ciphers.forEach((n, i) => {
    const before = i > 0 && grouped.has(i - 1);
    if (grouped.has(i) && !before) names += '[';
    names += n;
    if (grouped.has(i)) names += '|';
    else {
      if (before) names += ']';
      if (i < l.ciphers.length - 1) names += ':';
    }
  });
  const count = `${l.ciphers.length} ${l.ciphers.length === 1 ? 'suite' : 'suites'}`;
  return `${indent}${l.target}: ${count}${level}\n${indent}  ${names}\n`;
}

/** The proof and the changes of a minimize() result. */
export function renderMinimize(r: MinimizeResult): string {
  let out = '';
  if (!r.ok) {
    for (const n of r.notes) out += `note: ${n}\n`;
    return out + r.proof.map((l) => renderTargetList(l)).join('');
  }
  const targets = r.proof.map((l) => l.target).join(', ');
  const saved = r.input.length - r.string.length;
  out += `minimize: ${r.input.length} -> ${r.string.length} characters (${saved} shorter); the same list on ${targets}, proven by evaluation\n`;
  const lines = [
    ...r.removed.map((x) => ({ at: x.span.start, text: `removed   \`${x.text}\`` })),
    ...r.shortened.map((x) => ({ at: x.span.start, text: `shortened \`${x.from}\` -> \`${x.to}\`` })),
  ].sort((a, b) => a.at - b.at);
  for (const x of lines) out += `  ${x.text} (at ${x.at + 1})\n`;
  for (const n of r.notes) out += `note: ${n}\n`;
  out += 'lists (before and after):\n';
  return out + r.proof.map((l) => renderTargetList(l)).join('');
}

/** The changes, notes and lists before and after of a fix() result. */
export function renderFix(r: FixResult): string {
  let out = '';
  if (r.ok) out += `fix: ${r.changes.length} ${r.changes.length === 1 ? 'change' : 'changes'}\n`;
  for (const c of r.changes) {
    out += `${c.code}: ${c.description} (at ${c.span.start + 1})\n`;
    const moved = c.effects.filter((e) => e.removed.length + e.added.length > 0 || e.reordered);
    if (moved.length === 0) out += '  no list changes\n';
    for (const e of moved) {
      const parts = [
        e.removed.length > 0 ? `-${e.removed.length} (${shortList(e.removed)})` : '',
        e.added.length > 0 ? `+${e.added.length} (${shortList(e.added)})` : '',
        e.reordered ? 'order changed' : '',
      ].filter(Boolean);
      out += `  ${e.target}: ${parts.join(', ')}\n`;
    }
  }
  for (const n of r.notes) out += `note: ${n}\n`;
  for (const l of r.lists) {
    const d = l.diff;
    out += `${l.target}: ${l.before.ciphers.length} -> ${l.after.ciphers.length} suites (removed ${d.removed.length}, added ${d.added.length}, moved ${d.moved.length})\n`;
    out += renderTargetList(l.after);
  }
  return out;
}

function shortList(names: readonly string[]): string {
  return names.length <= 4 ? names.join(', ') : `${names.slice(0, 4).join(', ')} and ${names.length - 4} more`;
}
