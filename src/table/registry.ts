import openssl102 from '../../data/openssl-1.0.2.json' with { type: 'json' };
import openssl111 from '../../data/openssl-1.1.1.json' with { type: 'json' };
import openssl30 from '../../data/openssl-3.0.json' with { type: 'json' };
import openssl35 from '../../data/openssl-3.5.json' with { type: 'json' };
import openssl36 from '../../data/openssl-3.6.json' with { type: 'json' };
import type { OpenSSLTargetName, TargetName } from '../types.js';
import { compileTarget } from './compile.js';
import type { Target, TargetData } from './target.js';

const DATA: Record<OpenSSLTargetName, TargetData> = {
  'openssl-1.0.2': openssl102 as unknown as TargetData,
  'openssl-1.1.1': openssl111 as unknown as TargetData,
  'openssl-3.0': openssl30 as unknown as TargetData,
  'openssl-3.5': openssl35 as unknown as TargetData,
  'openssl-3.6': openssl36 as unknown as TargetData,
};

/** The target every call uses unless told otherwise. */
export const DEFAULT_TARGET: TargetName = 'openssl-3.0';

/** The OpenSSL targets, in release order. */
export const OPENSSL_TARGET_NAMES = Object.keys(DATA) as readonly OpenSSLTargetName[];

/** Names of all targets: the OpenSSL releases in order, then BoringSSL. */
export const TARGET_NAMES: readonly TargetName[] = [...OPENSSL_TARGET_NAMES, 'boringssl'];

export function isTargetName(name: unknown): name is TargetName {
  return typeof name === 'string' && (TARGET_NAMES as readonly string[]).includes(name);
}

const compiled = new Map<OpenSSLTargetName, Target>();

/** The compiled OpenSSL target of that name (built on first use); undefined for any other name. */
export function getTarget(name: string): Target | undefined {
  if (!Object.prototype.hasOwnProperty.call(DATA, name)) return undefined;
  const key = name as OpenSSLTargetName;
  let t = compiled.get(key);
  if (!t) {
    t = compileTarget(DATA[key]);
    compiled.set(key, t);
  }
  return t;
}
