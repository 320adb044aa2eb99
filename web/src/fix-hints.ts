// A finding's fix hint as it applies to the selected target. The library writes one hint per
// rule for every release ("Append `:!kRSA:!kPSK` (and `:!kRSAPSK` from OpenSSL 1.1.0 on,
// `:!kDH:!kECDH` on 1.0.2, ...)"); the page shows only the parts whose words the target knows,
// asked of the library itself (the trace of `expand`), so a hint never tells a reader to type a
// word the release ignores (or, in BoringSSL's strict mode, rejects).
import { expand, type TargetName } from '../../src/index.js';
import { capabilities } from './library.js';

/** Whether `target` knows `word` as a suite, an alias or a command (not one it ignores). */
function knowsWord(target: TargetName, word: string): boolean {
  const key = `${target}\u0000${word}`;
  let known = WORDS.get(key);
  if (known === undefined) {
    try {
      const kinds = expand(word, { target, trace: true }).trace?.flatMap((e) => e.words.map((w) => w.kind)) ?? [];
      known = kinds.length > 0 && kinds.every((k) => k === 'suite' || k === 'alias' || k === 'command');
    } catch {
      known = false;
    }
    WORDS.set(key, known);
  }
  return known;
}
const WORDS = new Map<string, boolean>();

/** Whether `target` has a TLS 1.3 list and the TLS 1.3 suite `name` in it. */
function hasTls13Suite(target: TargetName, name: string): boolean {
  const caps = capabilities(target);
  if (!caps.tls13) return false;
  try {
    const r = expand('ALL', { target, ciphersuites: name, ...(caps.seclevel ? { seclevel: 0 } : {}) });
    return r.ciphers.some((c) => c.protocol === 'TLSv1.3' && c.stdname === name);
  } catch {
    return false;
  }
}

/** A cipher-string fragment of a hint (`:!kRSA:!kPSK`) with only the elements `target` knows every word of. */
function knownElements(snippet: string, target: TargetName): string {
  const elements = snippet.split(':').filter((e) => e !== '');
  const kept = elements.filter((e) =>
    e
      .replace(/^[!+-]/, '')
      .split('+')
      .every((w) => knowsWord(target, w)),
  );
  return kept.length === 0 ? '' : (snippet.startsWith(':') ? ':' : '') + kept.join(':');
}

/** A clause of a hint, split at `, ` and `; `: its text and the parenthetical remarks in it. */
interface Clause {
  /** The separator before it (`, `, `; `), empty for the first. */
  sep: string;
  parts: Array<string | Clause[]>;
}

/** Splits `text` into clauses at `, ` and `; ` outside backquotes; `( … )` nests. */
function parse(text: string): Clause[] {
  let i = 0;
  const group = (): Clause[] => {
    const clauses: Clause[] = [];
    let clause: Clause = { sep: '', parts: [] };
    let buf = '';
    const flush = () => {
      if (buf) clause.parts.push(buf);
      buf = '';
    };
    while (i < text.length) {
      const c = text[i]!;
      if (c === '`') {
        const end = text.indexOf('`', i + 1);
        const stop = end === -1 ? text.length : end + 1;
        buf += text.slice(i, stop);
        i = stop;
      } else if (c === '(') {
        flush();
        i++;
        clause.parts.push(group());
      } else if (c === ')') {
        i++;
        break;
      } else if ((c === ',' || c === ';') && text[i + 1] === ' ') {
        flush();
        clauses.push(clause);
        clause = { sep: `${c} `, parts: [] };
        i += 2;
      } else {
        buf += c;
        i++;
      }
    }
    flush();
    clauses.push(clause);
    return clauses;
  };
  return group();
}

const CONJUNCTION = /^(and|or) /;

/**
 * The clauses that apply to `target`: a clause naming a word or TLS 1.3 suite the target does not
 * have goes, and so does a clause without names that comments on one that went; fragments keep
 * the elements the target knows. A remark in parentheses goes whole when every clause in it
 * that names something went (what is left only qualifies those). `null` when the first clause
 * of the hint goes.
 */
function filter(clauses: Clause[], target: TargetName, top = false): Clause[] | null {
  const out: Clause[] = [];
  let named = 0;
  let namedKept = 0;
  let previousKept = true;
  let carried: { sep: string; conjunction: string } | null = null;
  for (const [index, clause] of clauses.entries()) {
    let names = 0;
    let dead = false;
    const parts: Clause['parts'] = [];
    for (const part of clause.parts) {
      if (typeof part !== 'string') {
        const inner = filter(part, target);
        if (inner && inner.length) parts.push(inner);
        else if (parts.length && typeof parts.at(-1) === 'string') parts.push((parts.pop() as string).trimEnd());
        continue;
      }
      const text = part
        .replace(/`([^`]*)`/g, (whole, code: string) => {
          if (!/^:?[!+-]?[A-Za-z0-9]/.test(code) || /\s/.test(code)) return whole;
          names++;
          const kept = knownElements(code, target);
          if (!kept) dead = true;
          return `\`${kept}\``;
        })
        .replace(/\bTLS_[A-Z0-9_]+\b/g, (name) => {
          names++;
          if (!hasTls13Suite(target, name)) dead = true;
          return name;
        });
      parts.push(text);
    }
    const keep: boolean = names > 0 ? !dead : previousKept;
    previousKept = keep;
    if (names > 0) {
      named++;
      if (keep) namedKept++;
    }
    if (!keep) {
      if (index === 0 && top) return null;
      const first = typeof clause.parts[0] === 'string' ? (clause.parts[0] as string) : '';
      carried ??= { sep: clause.sep, conjunction: CONJUNCTION.exec(first)?.[0] ?? '' };
      continue;
    }
    if (carried) {
      // The clause takes the place of the ones that went: their separator, and their "and".
      const head = parts[0];
      if (typeof head === 'string' && !CONJUNCTION.test(head)) parts[0] = carried.conjunction + head;
      out.push({ sep: carried.sep, parts });
      carried = null;
    } else out.push({ sep: clause.sep, parts });
  }
  return !top && named > 0 && namedKept === 0 ? [] : out;
}

function render(clauses: Clause[]): string {
  return clauses
    .map((c) => c.sep + c.parts.map((p) => (typeof p === 'string' ? p : `(${render(p)})`)).join(''))
    .join('');
}

/**
 * The part of a finding's fix hint that applies to `target` (the whole hint where every part
 * does), or `null` where its first instruction names words the target does not have.
 */
export function fixFor(description: string, target: TargetName): string | null {
  const stop = description.endsWith('.') ? '.' : '';
  const kept = filter(parse(stop ? description.slice(0, -1) : description), target, true);
  return kept === null ? null : render(kept).trim() + stop;
}
