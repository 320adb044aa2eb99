import { registerBoringsslData } from '../boringssl/table.js';
import { registerTargetData } from '../table/registry.js';
import type { TargetData } from '../table/target.js';
import type { TargetName } from '../types.js';

/**
 * Loads and registers the table of one target. The CLI does this instead of importing the
 * public entry, which loads every table: a command needs one, and start-up time counts.
 */
export async function loadTarget(name: TargetName): Promise<void> {
  const { default: d } = (await import(`../../data/${name}.json`, { with: { type: 'json' } })) as { default: unknown };
  if (name === 'boringssl') registerBoringsslData(d);
  else registerTargetData(d as TargetData);
}
