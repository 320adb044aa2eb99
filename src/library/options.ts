import { readSupportedOptions, type SupportedOptions } from '../supported/supported.js';
import type { ExpandOptions } from '../types.js';
import { libraries, requireLibrary, type Library } from './registry.js';

/** `ExpandOptions` checked against the library they name: what a family's evaluator receives. */
export interface CheckedOptions {
  lib: Library;
  /** The TLS 1.3 list; undefined for the library's default (or where it has none). */
  ciphersuites: string | undefined;
  /** The starting security level; undefined for the library's default (or where it has none). */
  seclevel: number | undefined;
  strict: boolean;
  trace: boolean;
  /** The `-s` view's settings (seclevel folded into `seclevel`), or null when not asked for. */
  supported: SupportedOptions | null;
}

/**
 * The one check of `ExpandOptions` (expand, lint, explain, diff and negotiate all pass through
 * it): a TypeError naming `where` and the field for a wrong type, an unknown target, or an option
 * the library does not have (its `capabilities` say which).
 */
export function checkExpandOptions(options: ExpandOptions, where: string): CheckedOptions {
  if (options === null || typeof options !== 'object') throw new TypeError(`${where}: options must be an object`);
  const lib = requireLibrary(options.target, where);
  if (
    options.ciphersuites === undefined &&
    options.seclevel === undefined &&
    options.strict === undefined &&
    options.trace === undefined &&
    options.supported === undefined
  ) {
    return plainOptions(lib);
  }
  const caps = lib.capabilities;
  const { ciphersuites, seclevel, strict } = options;
  if (ciphersuites !== undefined) {
    if (typeof ciphersuites !== 'string') throw new TypeError(`${where}: options.ciphersuites must be a string`);
    if (ciphersuites !== '' && !caps.tls13Configurable) {
      throw new TypeError(`${where}: ${lib.name} has no configurable TLS 1.3 list, so it takes no ciphersuites option`);
    }
  }
  if (strict !== undefined) {
    if (!caps.strict) throw new TypeError(`${where}: options.strict applies to ${strictNames()} only, not ${lib.name}`);
    if (typeof strict !== 'boolean') throw new TypeError(`${where}: options.strict must be a boolean`);
  }
  if (options.trace !== undefined && typeof options.trace !== 'boolean') {
    throw new TypeError(`${where}: options.trace must be a boolean`);
  }
  let level = checkSeclevel(lib, seclevel, where, 'options.seclevel');
  let supported: SupportedOptions | null = null;
  if (options.supported !== undefined && options.supported !== false) {
    const read = readSupportedOptions(options.supported, where);
    const inner = checkSeclevel(lib, read.seclevel, where, 'options.supported.seclevel');
    if (inner !== undefined && level !== undefined && inner !== level) {
      throw new TypeError(`${where}: options.seclevel and options.supported.seclevel disagree; give one`);
    }
    level ??= inner;
    if (read.options.srp && !caps.srp) throw new TypeError(`${where}: ${lib.name} has no SRP (supported.srp)`);
    supported = read.options;
  }
  return {
    lib,
    ciphersuites:
      ciphersuites === undefined || (ciphersuites === '' && !caps.tls13Configurable) ? undefined : ciphersuites,
    seclevel: level,
    strict: strict ?? false,
    trace: options.trace ?? false,
    supported,
  };
}

const plain = new Map<Library, CheckedOptions>();

/** The options of a call that sets nothing but the target: one frozen object per library. */
function plainOptions(lib: Library): CheckedOptions {
  let o = plain.get(lib);
  if (o === undefined) {
    o = Object.freeze({
      lib,
      ciphersuites: undefined,
      seclevel: undefined,
      strict: false,
      trace: false,
      supported: null,
    });
    plain.set(lib, o);
  }
  return o;
}

function checkSeclevel(lib: Library, value: unknown, where: string, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new TypeError(`${where}: ${field} must be a number`);
  if (!lib.capabilities.securityLevels) throw new TypeError(`${where}: ${lib.name} has no security levels`);
  if (!(Number.isInteger(value) && value >= 0 && value <= 5)) {
    throw new TypeError(`${where}: ${field} must be an integer from 0 to 5`);
  }
  return value;
}

function strictNames(): string {
  return libraries()
    .filter((l) => l.capabilities.strict)
    .map((l) => l.name)
    .join(', ');
}
