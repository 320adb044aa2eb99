import type { OpenSSLTargetName, TargetName } from '../types.js';
import { compileTarget } from './compile.js';
import type { Target, TargetData } from './target.js';

/** The OpenSSL targets, in release order. */
export const OPENSSL_TARGET_NAMES: readonly OpenSSLTargetName[] = [
  'openssl-1.0.2',
  'openssl-1.1.1',
  'openssl-3.0',
  'openssl-3.5',
  'openssl-3.6',
];

/** Names of all targets: the OpenSSL releases in order, then BoringSSL. */
export const TARGET_NAMES: readonly TargetName[] = [...OPENSSL_TARGET_NAMES, 'boringssl'];

/** The target every call uses unless told otherwise. */
export const DEFAULT_TARGET: TargetName = 'openssl-3.0';

export function isTargetName(name: unknown): name is TargetName {
  return typeof name === 'string' && (TARGET_NAMES as readonly string[]).includes(name);
}

const data = new Map<OpenSSLTargetName, TargetData>();
const compiled = new Map<OpenSSLTargetName, Target>();

/**
 * Makes a table of data/ known. The public entry (src/index.ts) registers every table; the CLI
 * registers only the one it needs, which keeps its start-up short.
 */
export function registerTargetData(d: TargetData): void {
  data.set(d.target, d);
  compiled.delete(d.target);
}

/** The compiled OpenSSL target of that name (built on first use); undefined for any other name. */
export function getTarget(name: string): Target | undefined {
  if (!(OPENSSL_TARGET_NAMES as readonly string[]).includes(name)) return undefined;
  const key = name as OpenSSLTargetName;
  let t = compiled.get(key);
  if (!t) {
    const d = data.get(key);
    if (!d) throw new Error(`${name}: table not loaded (import cipherx, not its internals)`);
    t = compileTarget(d);
    compiled.set(key, t);
  }
  return t;
}
