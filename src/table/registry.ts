import openssl30 from '../../data/openssl-3.0.json' with { type: 'json' };
import type { TargetName } from '../types.js';
import { compileTarget } from './compile.js';
import type { Target, TargetData } from './target.js';

const DATA: Record<TargetName, TargetData> = {
  'openssl-3.0': openssl30 as unknown as TargetData,
};

/** The target every call uses unless told otherwise. */
export const DEFAULT_TARGET: TargetName = 'openssl-3.0';

/** Names of all targets, in release order. */
export const TARGET_NAMES = Object.keys(DATA) as TargetName[];

const compiled = new Map<TargetName, Target>();

/** The compiled target of that name (built on first use); undefined for an unknown name. */
export function getTarget(name: string): Target | undefined {
  if (!Object.prototype.hasOwnProperty.call(DATA, name)) return undefined;
  const key = name as TargetName;
  let t = compiled.get(key);
  if (!t) {
    t = compileTarget(DATA[key]);
    compiled.set(key, t);
  }
  return t;
}
