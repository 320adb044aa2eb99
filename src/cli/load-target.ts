import { readFileSync } from 'node:fs';
import { findLibrary } from '../library/registry.js';
import { isLoaded, parentOf, registerLibraryData } from '../library/tables.js';
import type { TargetName } from '../library/registry.js';

/**
 * Loads and registers the table of one target. The CLI does this instead of importing the
 * public entry, which loads every table: a command needs one, and start-up time counts. A table
 * stored as a delta (src/library/extend.ts) brings the tables it extends, and only those.
 * Read as a file, not imported: the same JSON, without a module's loading steps. The path is the
 * same from src/cli/ (tests), dist/src/cli/ and the CLI bundle beside it (vite.cli.config.ts).
 */
export function loadTarget(name: TargetName): void {
  for (let lib = findLibrary(name) ?? null; lib !== null && !isLoaded(lib);) {
    const data: unknown = JSON.parse(readFileSync(new URL(`../../data/${lib.name}.json`, import.meta.url), 'utf8'));
    registerLibraryData(lib, data);
    lib = parentOf(data);
  }
}
