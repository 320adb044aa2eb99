import { productOf } from './product.js';
import type { SegmentNode, WordNode } from './parse.js';
import type { Target } from './target.js';
import { diagnostic } from '../../diagnostics/sink.js';
import type { DiagnosticCode } from '../../diagnostics/registry.js';
import type { Diagnostic } from '../../core/types.js';
import { wordSuggestion } from '../../core/suggestion.js';
import { foldAscii, sameName } from './case-fold.js';

/**
 * Why a word does nothing, as precisely as the target's table allows: `DEFAULT` off its place,
 * a Suite B keyword off its place, an IANA or TLS 1.3 name, an alias whose algorithms this
 * build lacks, or a word unknown here (with "did you mean" when exactly one known word differs
 * only in case).
 */
export function unknownWord(t: Target, w: WordNode, seg: SegmentNode, input: string, suggest = true): Diagnostic {
  const span = { start: w.start, end: w.end };
  const args: Record<string, string> = { word: w.text, target: t.name };
  const d = (code: DiagnosticCode, message: string): Diagnostic => diagnostic(code, message, span, args);

  const anyCase = t.data.caseInsensitiveWords;
  // 4.0+ reads every name in any case: compare as it does.
  const upper = anyCase ? w.text.toUpperCase() : w.text;
  if (upper === 'DEFAULT') {
    return d(
      'default-not-first',
      `\`DEFAULT\` only expands at the very start of the string; here ${productOf(t)} ignores it`,
    );
  }
  if (t.data.suiteBPrefixes && /^SUITEB(128|192)/.test(upper)) {
    return d(
      'suite-b-not-first',
      `\`${w.text}\` is a Suite B keyword only at the very start of the string; here ${productOf(t)} ignores it`,
    );
  }
  // Before 3.2 `_` is not a name character: an IANA name is read as the word `TLS`.
  const fullName = w.text === 'TLS' && input[w.end] === '_' ? input.slice(w.start, seg.end) : w.text;
  if ((anyCase ? foldAscii(fullName) : fullName).startsWith(anyCase ? 'tls_' : 'TLS_')) {
    const tls13 = t.data.tls13Suites.some((s) => sameName(s.stdname ?? '', fullName, anyCase));
    span.end = w.start + fullName.length;
    args.word = fullName;
    if (tls13) {
      return d(
        'tls13-suite-in-cipher-list',
        `\`${fullName}\` is a TLS 1.3 suite: those are set apart (--ciphersuites, SSL_CTX_set_ciphersuites); in the cipher list ${productOf(t)} ignores it`,
      );
    }
    if (t.data.ianaNamesInCipherList) {
      return d(
        'unknown-word',
        `\`${fullName}\` is not the IANA name of a suite ${t.name} provides; ${productOf(t)} ignores it`,
      );
    }
    // OpenSSL reads IANA names from 3.2 on; LibreSSL (TLS 1.3 suites list members) never does.
    const from = t.data.tls13?.inCipherList ? '' : ' (IANA names work from 3.2)';
    return d(
      'iana-name-unsupported',
      `\`${fullName}\` is an IANA name; ${t.name} reads only OpenSSL names in a cipher list${from}, so it ignores it`,
    );
  }
  if (t.unregisteredAliases.has(w.text)) {
    return d(
      'unavailable-alias',
      `\`${w.text}\` names algorithms this ${t.data.release} build does not provide, so it is not an alias there and ${productOf(t)} ignores it`,
    );
  }
  // The search costs more than the rest: only for a diagnostic that will be listed.
  const suggestion = suggest ? wordSuggestion(t, () => t.words.keys(), w.text) : null;
  if (suggestion !== null) {
    args.suggestion = suggestion;
    const caseOnly = suggestion.toLowerCase() === w.text.toLowerCase();
    return d(
      'unknown-word',
      `\`${w.text}\` is not a cipher or alias in ${t.name}${caseOnly ? ' (names are case-sensitive)' : ''}; did you mean \`${suggestion}\`?`,
    );
  }
  return d(
    'unknown-word',
    `\`${w.text}\` is not a cipher or alias in ${t.name}; ${productOf(t)} ignores it and the rest of its element`,
  );
}
