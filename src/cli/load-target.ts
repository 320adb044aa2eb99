import { findLibrary } from '../library/registry.js';
import { registerLibraryData } from '../library/tables.js';
import type { TargetName } from '../types.js';

/**
 * Loads and registers the table of one target. The CLI does this instead of importing the
 * public entry, which loads every table: a command needs one, and start-up time counts.
 */
export async function loadTarget(name: TargetName): Promise<void> {
  const { default: d } = (await import(`../../data/${name}.json`, { with: { type: 'json' } })) as { default: unknown };
  registerLibraryData(findLibrary(name)!, d);
}
