// The recorded table of each library, registered once as data/ stores it (src/data.ts registers
// them all; the CLI only the chain of the one it needs), resolved against the table it extends
// where it is stored as a delta, and compiled on first use: one compiled table per library.
import { compileBoringsslTable, type BoringsslData, type BoringsslTarget } from '../family/boringssl/table.js';
import { compileTarget } from '../family/openssl/compile.js';
import { extendTable, extendTargetData, isTableDelta, type TableDelta } from './extend.js';
import type { Target, TargetData } from '../family/openssl/target.js';
import { findLibrary, type Library } from './registry.js';

const stored = new Map<string, unknown>();
const resolved = new Map<string, TargetData>();
const compiled = new Map<string, Target>();
const compiledBoringssl = new Map<string, BoringsslTarget>();

/** Makes the table of `lib` known, as data/<name>.json stores it (full, or a delta). */
export function registerLibraryData(lib: Library, data: unknown): void {
  stored.set(lib.name, data);
  registrations++;
  // A table that extends this one resolves anew too.
  resolved.clear();
  compiled.clear();
  compiledBoringssl.clear();
}

let registrations = 0;

/** How many tables have been registered so far: what was worked out from the loaded tables holds while it stays the same. */
export function tablesRegistered(): number {
  return registrations;
}

/** Whether the table of `lib` has been registered. */
export function isLoaded(lib: Library): boolean {
  return stored.has(lib.name);
}

/** The library a stored table extends, or null for a full table. */
export function parentOf(data: unknown): Library | null {
  if (!isTableDelta(data)) return null;
  const parent = findLibrary(data.extends);
  if (!parent) throw new Error(`a table extends ${JSON.stringify(data.extends)}, which is no library`);
  return parent;
}

/** The full table of an OpenSSL-family library, its delta resolved against its parent's. */
export function opensslData(lib: Library, path: readonly string[] = []): TargetData {
  const done = resolved.get(lib.name);
  if (done) return done;
  if (path.includes(lib.name))
    throw new Error(`tables extend each other in a circle: ${[...path, lib.name].join(' > ')}`);
  const data = stored.get(lib.name);
  if (data === undefined) throw new Error(`${lib.name}: table not loaded (import cipherx, not its internals)`);
  const parent = parentOf(data);
  const full = parent
    ? extendTargetData(opensslData(parent, [...path, lib.name]), data as never)
    : (data as TargetData);
  resolved.set(lib.name, full);
  return full;
}

/** The compiled table of an OpenSSL-family library. */
export function opensslTable(lib: Library): Target {
  if (lib.family !== 'openssl') throw new Error(`${lib.name} is not of the OpenSSL family`);
  return compiledOnce(compiled, lib, () => compileTarget(opensslData(lib)));
}

/** The compiled table of `lib` in `cache`, made by `compile` on first use. */
function compiledOnce<T>(cache: Map<string, T>, lib: Library, compile: () => T): T {
  let t = cache.get(lib.name);
  if (t === undefined) {
    t = compile();
    cache.set(lib.name, t);
  }
  return t;
}

/** The lists of a BoringSSL-family table that deltas edit element by element, and their keys. */
export const BORINGSSL_KEYED_LISTS: Readonly<Record<string, string>> = { suites: 'id', aliases: 'name' };

/** The full table of a BoringSSL-family library, its delta resolved against its parent's. */
export function boringsslData(lib: Library, path: readonly string[] = []): BoringsslData {
  if (path.includes(lib.name))
    throw new Error(`tables extend each other in a circle: ${[...path, lib.name].join(' > ')}`);
  const data = stored.get(lib.name);
  if (data === undefined) throw new Error(`${lib.name}: table not loaded (import cipherx, not its internals)`);
  const parent = parentOf(data);
  if (!parent) return data as BoringsslData;
  return extendTable(boringsslData(parent, [...path, lib.name]), data as TableDelta, BORINGSSL_KEYED_LISTS);
}

/** The compiled table of a BoringSSL-family library. */
export function boringsslTable(lib: Library): BoringsslTarget {
  if (lib.family !== 'boringssl') throw new Error(`${lib.name} is not of the BoringSSL family`);
  return compiledOnce(compiledBoringssl, lib, () => compileBoringsslTable(boringsslData(lib)));
}

/** The exact release a library's table was recorded from (`OpenSSL 3.0.20`). */
export function recordedRelease(lib: Library): string {
  return lib.family === 'boringssl' ? boringsslTable(lib).data.release : opensslTable(lib).data.release;
}
