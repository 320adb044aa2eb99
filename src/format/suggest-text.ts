// The text of a `suggest` answer: the string alone (standard output), and the proof and notes
// (standard error).
import type { Suggestion, Tls13Setting } from '../write/suggest.js';

/** What goes to standard output: the string and a newline, or nothing when no string serves every target. */
export function renderSuggestionString(s: Suggestion): string {
  return s.ok && s.string !== null ? `${s.string}\n` : '';
}

/**
 * The proof and notes, one block each:
 *
 *   proof: the list the string gives on each target (TLS 1.2 and below), as asked:
 *     <target>  <suite>:<suite>:...
 *   <target> lacks <suite>, <suite>            (one line per target that lacks requested suites)
 *   TLS 1.3 suites are set apart:
 *     <target>  ciphersuites <value>  (the default already gives them) | fixed by the library: ... | no TLS 1.3
 *
 * and, when no string serves every target, the closest common string with what differs per
 * target, then one string per target.
 */
export function renderSuggestionNotes(s: Suggestion): string {
  const width = Math.max(...s.wanted.map((w) => w.target.length));
  const pad = (t: string) => t.padEnd(width);
  let out = '';
  if (s.ok) {
    out += 'proof: the list the string gives on each target (TLS 1.2 and below), as asked:\n';
    for (const p of s.proof) out += `  ${pad(p.target)}  ${p.ciphers.join(':')}\n`;
  } else if (s.wanted.every((w) => w.wanted.length === 0)) {
    out += s.cipherStringRequested
      ? 'no string: no target given has any of the requested TLS 1.2-or-below suites (what each lacks is below),\n' +
        'and OpenSSL refuses a cipher string that selects none\n'
      : 'no string: the request has no TLS 1.2-or-below suite, and OpenSSL refuses a cipher string that selects none\n' +
        '(turn TLS 1.2 off and the cipher string is not used; set the TLS 1.3 suites below)\n';
  } else {
    out += 'no single string gives every target its list.\n';
    if (s.closest) {
      out += `closest common string: ${s.closest.string}\n`;
      for (const d of s.closest.differences) {
        const parts = [
          d.missing.length ? `missing ${d.missing.join(', ')}` : '',
          d.extra.length ? `extra ${d.extra.join(', ')}` : '',
          d.moved.length ? `out of order ${d.moved.join(', ')}` : '',
        ].filter(Boolean);
        const proof = s.closest.proof.find((p) => p.target === d.target);
        const verdict =
          proof && !proof.ok ? 'rejects it (it selects no suite there)' : parts.length ? parts.join('; ') : 'as asked';
        out += `  ${pad(d.target)}  ${verdict}\n`;
      }
    }
    out += 'one string per target:\n';
    for (const p of s.perTarget) {
      out += `  ${pad(p.target)}  ${p.string ?? 'none: it has none of the requested TLS 1.2-or-below suites'}\n`;
    }
  }
  for (const w of s.wanted) {
    if (w.missing.length) out += `${w.target} lacks ${w.missing.join(', ')}\n`;
  }
  if (s.tls13) {
    out += 'TLS 1.3 suites are set apart from the cipher string:\n';
    for (const t of s.tls13) out += `  ${pad(t.target)}  ${tls13Line(t)}\n`;
  }
  if (!s.ordered && s.ok) out += 'note: the policy does not ask for an order; the string keeps the order it lists\n';
  return out;
}

function tls13Line(t: Tls13Setting): string {
  if (t.kind === 'none') return 'no TLS 1.3';
  if (t.kind === 'fixed') {
    return `fixed by the library: ${t.suites.join(':')}${t.defaultMatches ? ' (the requested ones)' : ''}`;
  }
  if (t.value === null) return `no ciphersuites value gives the requested suites; the default is ${t.suites.join(':')}`;
  if (t.value === '') return "ciphersuites '' (none requested)";
  return `ciphersuites ${t.value}${t.defaultMatches ? '  (the default already gives these)' : ''}`;
}
