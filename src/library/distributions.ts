// Distribution builds that change what a context starts with (data/distributions.json):
// named, so that a scan or lint for "Debian 12" uses the release and level Debian ships.
import data from '../../data/distributions.json' with { type: 'json' };
import { findLibrary, type TargetName } from './registry.js';

/** A distribution's OpenSSL: which release line, and the security level a context starts at. */
export interface Distribution {
  /** Its id, e.g. `debian-12`. */
  id: string;
  /** Its name, e.g. `Debian 12 (bookworm)`. */
  name: string;
  /** The release line it ships. */
  target: TargetName;
  /** The security level a new context has there. */
  seclevel: number;
  /** Where that is written. */
  source: string;
}

const BY_ID: ReadonlyMap<string, Distribution> = new Map(
  Object.entries(data as Record<string, unknown>).flatMap(([id, d]) => {
    if (id.startsWith('$')) return [];
    const e = d as { name: string; target: string; seclevel: number; $source: string };
    const lib = findLibrary(e.target);
    if (!lib) throw new Error(`data/distributions.json: ${id} names no target (${e.target})`);
    return [[id, Object.freeze({ id, name: e.name, target: lib.name, seclevel: e.seclevel, source: e.$source })]];
  }),
);

/** Every distribution, in data order. */
export const DISTRIBUTION_IDS: readonly string[] = [...BY_ID.keys()];

/** A distribution by id (a Map: ids typed by a user are only looked up). */
export function findDistribution(id: string): Distribution | undefined {
  return BY_ID.get(id);
}
