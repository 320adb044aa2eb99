import type { Target } from './target.js';
import { diagnostic, report } from '../../diagnostics/sink.js';
import { cString } from '../../core/c-string.js';
import type { Cipher, Diagnostic, ExpandError } from '../../core/types.js';

export interface CiphersuitesResult {
  /** The suites placed before the cipher list, in configured order (duplicates kept before 4.0, as OpenSSL does). */
  ciphers: Cipher[];
  /** How many of them are not TLS 1.3 suites (they count against "no cipher match"). */
  nonTls13: number;
  error: ExpandError | null;
  diagnostics: Diagnostic[];
}

const isCSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

/**
 * SSL_CTX_set_ciphersuites(): CONF_parse_list() on `:` with white space trimmed, each element
 * looked up by IANA name (TLS 1.3 suites, then every compiled suite, then the SCSVs). 3.0+
 * skips unknown or over-long (> 79 bytes) names and fails only when the string is not empty
 * and no name was found, then leaves out suites whose algorithms the providers lack
 * (ssl_create_cipher_list); 1.1.1 fails on the first unknown name and keeps every suite.
 */
export function evaluateCiphersuites(t: Target, text: string): CiphersuitesResult {
  let perTarget = cache.get(t);
  if (!perTarget) cache.set(t, (perTarget = new Map()));
  let r = perTarget.get(text);
  if (!r) {
    if (perTarget.size >= 64) perTarget.clear();
    r = Object.freeze(parseCiphersuites(t, text));
    perTarget.set(text, r);
  }
  return r;
}

// A context parses its ciphersuites once, not on every cipher-list call; the same holds here.
// Results are frozen and shared: callers copy what they extend.
const cache = new WeakMap<Target, Map<string, CiphersuitesResult>>();

function parseCiphersuites(t: Target, fullText: string): CiphersuitesResult {
  const out: CiphersuitesResult = { ciphers: [], nonTls13: 0, error: null, diagnostics: [] };
  const { text, truncated } = cString(fullText, 'the ciphersuites list', 'OpenSSL'); // a C string ends at NUL
  if (truncated) out.diagnostics.push({ ...truncated, source: 'ciphersuites' });
  if (text === '') return out;
  const strict = t.data.tls13!.unknownNames === 'fail';
  const trim = t.data.tls13!.names === undefined;
  let found = 0;
  let pos = 0;
  for (const raw of text.split(':')) {
    let a = 0;
    let b = raw.length;
    // CONF_parse_list trims white space; LibreSSL's strsep() keeps it (the name then fails).
    while (trim && a < b && isCSpace(raw[a]!)) a++;
    while (trim && b > a && isCSpace(raw[b - 1]!)) b--;
    const name = raw.slice(a, b);
    const span = { start: pos + a, end: pos + b };
    pos += raw.length + 1;
    // OpenSSL skips names over 79 bytes; no suite name is that long, so the lookup alone agrees.
    const hit = t.ciphersuiteNames.get(name);
    if (!hit && strict) {
      // 1.1.1: one unknown name (an empty element too) fails the whole call.
      out.error = {
        code: 'invalid-ciphersuites',
        message:
          name === ''
            ? `an empty element in the ciphersuites list fails the call on ${t.name}`
            : `\`${name}\` is not a ciphersuite name, which fails the whole list on ${t.name}`,
        span,
      };
      return out;
    }
    if (!hit) {
      const message =
        name === ''
          ? 'empty element in the ciphersuites list'
          : `\`${name}\` is not a ciphersuite name; OpenSSL skips it`;
      report(out, diagnostic('unknown-ciphersuite', message, span, { name }, { source: 'ciphersuites' }));
      continue;
    }
    found++;
    if (!hit.usable) continue;
    if (t.data.tls13!.dropDuplicates && out.ciphers.includes(hit.cipher)) continue;
    out.ciphers.push(hit.cipher);
    if (!hit.tls13) out.nonTls13++;
  }
  if (found === 0) {
    out.error = {
      code: 'invalid-ciphersuites',
      message: 'no ciphersuite name in the list is known (SSL_CTX_set_ciphersuites fails: no cipher match)',
      span: { start: 0, end: text.length },
    };
  }
  return out;
}
