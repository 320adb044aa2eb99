import { findLibrary } from '../library/registry.js';
import { isLoaded, parentOf, registerLibraryData } from '../library/tables.js';
import type { TargetName } from '../library/registry.js';

/**
 * Loads and registers the table of one target. The CLI does this instead of importing the
 * public entry, which loads every table: a command needs one, and start-up time counts. A table
 * stored as a delta (src/library/extend.ts) brings the tables it extends, and only those.
 */
export async function loadTarget(name: TargetName): Promise<void> {
  for (let lib = findLibrary(name) ?? null; lib !== null && !isLoaded(lib);) {
    const { default: data } = (await import(`../../data/${lib.name}.json`, { with: { type: 'json' } })) as {
      default: unknown;
    };
    registerLibraryData(lib, data);
    lib = parentOf(data);
  }
}
