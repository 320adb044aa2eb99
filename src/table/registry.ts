import { libraries, type OpenSSLTargetName } from '../library/registry.js';
import { compileTarget } from './compile.js';
import type { Target, TargetData } from './target.js';

const OPENSSL_NAMES: ReadonlySet<string> = new Set(
  libraries()
    .filter((l) => l.family === 'openssl')
    .map((l) => l.name),
);

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
  if (!OPENSSL_NAMES.has(name)) return undefined;
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
