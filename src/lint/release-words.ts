// Words whose meaning changes between releases of one product line, beyond a word simply
// unknown elsewhere (lint.ts otherReleases): names a release reads in any case
// (TargetData.caseInsensitiveWords, OpenSSL 4.0+) and aliases a release dropped from its table.
import type { TermTrace } from '../core/trace.js';
import type { Diagnostic, Span } from '../core/types.js';
import { severityOf } from '../diagnostics/registry.js';
import { CaseFoldedMap } from '../family/openssl/case-fold.js';
import type { Target, TargetData } from '../family/openssl/target.js';
import { releaseLine, type Library } from '../library/registry.js';
import { isLoaded, opensslData, opensslTable } from '../library/tables.js';

/** The releases of the same product line as `lib` whose tables are loaded, in release order. */
function line(lib: Library): Library[] {
  return releaseLine(lib).filter(isLoaded);
}

/** The name as `t` spells it when `word` matches it only because `t` ignores case; else null. */
function caseVariantOf(t: Target, word: string): string | null {
  if (!(t.words instanceof CaseFoldedMap)) return null;
  const spelling = t.words.spelling(word);
  return spelling !== undefined && spelling !== word ? spelling : null;
}

/** `@strength` → `STRENGTH` where that is a command of the release; else null. */
function commandVariant(data: TargetData, word: string): string | null {
  const upper = word.toUpperCase();
  const known =
    (upper === 'STRENGTH' && data.specials.includes('STRENGTH')) ||
    (/^SECLEVEL=[0-5]$/.test(upper) && data.specials.includes('SECLEVEL'));
  return known && upper !== word ? upper : null;
}

/** The names of the alias table of a release (registered or not). */
const aliasNames = new WeakMap<TargetData, Set<string>>();
function aliasTable(data: TargetData): Set<string> {
  let s = aliasNames.get(data);
  if (!s) aliasNames.set(data, (s = new Set(data.aliases.map((a) => a.name))));
  return s;
}

/**
 * Findings for the words of an OpenSSL-family string that other releases of its line read
 * differently: `case-insensitive-match` (a word that matches a name only where case is ignored,
 * or is ignored only where it is not) and `removed-alias` (an alias this release or a later one
 * dropped from its table).
 */
export function releaseWords(
  trace: readonly TermTrace[],
  input: string,
  lib: Library,
  emit: (d: Diagnostic) => void,
): void {
  if (lib.family !== 'openssl') return;
  const releases = line(lib);
  const here = opensslTable(lib);
  // The other releases' data; a compiled table only where a word is looked up in it.
  const others = releases.filter((l) => l !== lib).map((l) => ({ lib: l, data: opensslData(l) }));
  const anyCase = others.filter((o) => o.data.caseInsensitiveWords);
  const later = others.filter((o) => releases.indexOf(o.lib) > releases.indexOf(lib));
  const seen = new Set<string>();
  const once = (key: string, d: () => Diagnostic) => {
    if (seen.has(key)) return;
    seen.add(key);
    emit(d());
  };

  for (const e of trace) {
    for (const w of e.words) {
      // The word as written, read only where a finding may quote it.
      const text =
        here.data.caseInsensitiveWords || w.kind === 'unknown' || w.kind === 'command'
          ? input.slice(w.span.start, w.span.end)
          : '';
      if (here.data.caseInsensitiveWords) {
        // This release reads the word whatever its case: say so where others would not.
        const real =
          w.kind === 'command'
            ? commandVariant(here.data, text)
            : w.kind === 'alias' && w.text === 'DEFAULT' && text !== 'DEFAULT'
              ? 'DEFAULT'
              : w.kind === 'suite' || w.kind === 'alias'
                ? caseVariantOf(here, text)
                : null;
        if (real !== null) {
          once(`case:${w.span.start}`, () =>
            caseFinding(
              w.span,
              w.kind === 'command'
                ? `\`@${text}\` means \`@${real}\` on ${lib.name} only because it reads names in any case; releases before ${lib.name} reject the string: write \`@${real}\``
                : `\`${text}\` means \`${real}\` on ${lib.name} only because it reads names in any case; releases before ${lib.name} ignore \`${text}\`: write \`${real}\``,
              { word: text, name: real, target: lib.name },
              real,
            ),
          );
        }
      } else if (w.kind === 'unknown' || w.kind === 'command') {
        // Ignored (or rejected) here, but a release that ignores case reads it.
        for (const o of anyCase) {
          const atStart = w.span.start === 0 && /^default/i.test(text) && !text.startsWith('DEFAULT');
          const real =
            w.kind === 'command'
              ? commandVariant(o.data, text)
              : atStart
                ? 'DEFAULT'
                : caseVariantOf(opensslTable(o.lib), text);
          if (real === null) continue;
          once(`case:${w.span.start}`, () =>
            caseFinding(
              w.span,
              w.kind === 'command'
                ? `\`@${text}\` is no command on ${lib.name}, whose names are case-sensitive, but ${o.lib.name} reads it as \`@${real}\`: there the string is accepted`
                : `\`${text}\` means nothing on ${lib.name}, whose names are case-sensitive, but ${o.lib.name} reads names in any case and takes it as \`${real}\`: the string selects other suites there`,
              { word: text, name: real, target: o.lib.name },
              real,
            ),
          );
          break;
        }
      }

      if (w.kind === 'alias' && w.text !== 'DEFAULT') {
        // An alias a later release of the line dropped from its table.
        const gone = later.find((o) => !aliasTable(o.data).has(w.text) && aliasTable(here.data).has(w.text));
        if (gone) {
          once(`removed:${w.span.start}`, () => ({
            code: 'removed-alias',
            severity: severityOf('removed-alias'),
            message: `\`${w.text}\` is an alias here, but ${gone.lib.name} removed it: there ${gone.lib.product} ignores it and the string selects other suites`,
            span: w.span,
            args: { word: w.text, removedIn: gone.lib.name },
          }));
        }
      }
    }
  }
}

function caseFinding(span: Span, message: string, args: Record<string, string>, replacement: string): Diagnostic {
  return {
    code: 'case-insensitive-match',
    severity: severityOf('case-insensitive-match'),
    message,
    span,
    args,
    fix: {
      description: `write \`${replacement}\`, which every release reads`,
      replacement: { span, text: replacement },
    },
  };
}

/**
 * For a word unknown on `lib`: the release just before it in its line, when that release's alias
 * table had the word and `lib`'s has not (4.0 dropped `SSLv3`, `FIPS`...); else null.
 */
export function removedBefore(lib: Library, word: string): Library | null {
  if (lib.family !== 'openssl') return null;
  const releases = line(lib);
  const i = releases.indexOf(lib);
  if (i <= 0) return null;
  const prev = releases[i - 1]!;
  return aliasTable(opensslData(prev)).has(word) && !aliasTable(opensslData(lib)).has(word) ? prev : null;
}
