// One found setting evaluated for one library: the string and TLS 1.3 list the library
// receives, the protocols it keeps, and lint's findings with the effective offer.
import { lint, type LintOptions } from '../lint/lint.js';
import { requireLibrary, type TargetName } from '../library/registry.js';
import { locateInSource } from '../format/source-text.js';
import { protocolRank, type ProtocolVersion } from '../supported/protocol.js';
import type { FoundSetting, ValueSource } from './product.js';
import { productDefaults } from './products/index.js';
import type { ProductId, ScanSetting, SettingValue } from './types.js';

/** lint's answers by their inputs: a tree of configurations repeats the same few strings. */
export type LintCache = Map<string, ReturnType<typeof lint>>;

/** Evaluates `found` for `target`; `seclevel` is the library's starting level (a distribution's). */
export function evaluateSetting(
  found: FoundSetting,
  product: ProductId,
  target: TargetName,
  seclevel: number | undefined,
  cache: LintCache = new Map(),
  policy?: string,
): ScanSetting {
  const lib = requireLibrary(target, 'scan');
  const defaults = productDefaults(product);
  const string = valueOf(found.cipherString, 'DEFAULT');
  const suites = lib.capabilities.tls13Configurable ? found.ciphersuites : ({ kind: 'library' } as const);
  const ciphersuites = suites.kind === 'library' ? null : valueOf(suites, '');
  const protocols = (lib.protocols as readonly ProtocolVersion[]).filter(
    (v) => found.protocols === null || found.protocols.includes(v),
  );
  const options: LintOptions = { target };
  if (ciphersuites !== null) options.ciphersuites = ciphersuites;
  const level = found.seclevel ?? seclevel;
  if (level !== undefined && lib.capabilities.securityLevels) options.seclevel = level;
  const range = rangeOf(protocols);
  options.supported = range ? { minProtocol: range[0], maxProtocol: range[1] } : true;
  // A policy is checked at the protocols the setting enables.
  if (policy !== undefined) Object.assign(options, { policy, protocols });
  const key = JSON.stringify([string, options]);
  let r = cache.get(key);
  if (!r) {
    if (cache.size >= 10_000) cache.clear();
    r = lint(string, options);
    cache.set(key, r);
  }
  const { trace: _trace, ...result } = r.result;
  const at = locateInSource({ name: found.file.path, text: found.file.text }, found.at.start);
  return {
    file: found.file.path,
    line: at.line,
    column: at.column,
    product,
    directive: found.directive,
    context: found.context,
    role: found.role,
    target,
    string,
    stringFrom: describe(found.cipherString, string),
    ciphersuites,
    ciphersuitesFrom: suites.kind === 'library' ? null : describe(suites, ciphersuites ?? ''),
    protocols,
    serverPreference: found.role === 'server' ? found.serverPreference : null,
    dhe: found.role === 'server' ? (found.dhe === undefined ? defaults.dhe : found.dhe) : null,
    prioritizeChaCha:
      found.role === 'server'
        ? found.prioritizeChaCha === undefined
          ? defaults.prioritizeChaCha
          : found.prioritizeChaCha
        : null,
    certificateChoice: found.role === 'server' ? defaults.certificateChoice : null,
    result: result as ScanSetting['result'],
    // Settings of one report with the same inputs share lint's answer (read-only data).
    diagnostics: r.diagnostics,
  };
}

function valueOf(v: ValueSource, libraryDefault: string): string {
  return v.kind === 'written' ? v.word.value : v.kind === 'product' ? v.value : libraryDefault;
}

function describe(v: ValueSource, value: string): SettingValue {
  if (v.kind !== 'written') {
    return {
      value,
      place: null,
      from: v.kind === 'product' ? v.from : "the library's default (the product makes no call)",
    };
  }
  const offset = v.word.valueAt ?? v.word.start;
  const at = locateInSource({ name: v.file.path, text: v.file.text }, offset);
  return { value, place: { file: v.file.path, line: at.line, column: at.column, offset }, from: v.directive };
}

/** The oldest and newest enabled version; null when none is. */
function rangeOf(versions: readonly ProtocolVersion[]): [ProtocolVersion, ProtocolVersion] | null {
  if (versions.length === 0) return null;
  const sorted = [...versions].sort((a, b) => protocolRank(a) - protocolRank(b));
  return [sorted[0]!, sorted.at(-1)!];
}
