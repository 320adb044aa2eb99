// The recorded table of each library, registered once (src/data.ts registers them all; the CLI
// only the one it needs) and compiled on first use, one compiled table per library.
import {
  boringsslRegistered,
  boringsslTarget,
  registerBoringsslData,
  type BoringsslTarget,
} from '../boringssl/table.js';
import { getTarget, registerTargetData } from '../table/registry.js';
import type { Target, TargetData } from '../table/target.js';
import type { Library } from './registry.js';

/** Makes the recorded table of `lib` known (data/<name>.json, as generated). */
export function registerLibraryData(lib: Library, data: unknown): void {
  if (lib.family === 'boringssl') registerBoringsslData(data);
  else registerTargetData(data as TargetData);
}

/** Whether the table of `lib` has been registered. */
export function isLoaded(lib: Library): boolean {
  if (lib.family === 'boringssl') return boringsslRegistered();
  try {
    return getTarget(lib.name) !== undefined;
  } catch {
    return false;
  }
}

/** The compiled table of an OpenSSL-family library. */
export function opensslTable(lib: Library): Target {
  if (lib.family !== 'openssl') throw new Error(`${lib.name} is not of the OpenSSL family`);
  return getTarget(lib.name)!;
}

/** The compiled table of a BoringSSL-family library. */
export function boringsslTable(lib: Library): BoringsslTarget {
  if (lib.family !== 'boringssl') throw new Error(`${lib.name} is not of the BoringSSL family`);
  return boringsslTarget();
}
