import { registerBoringsslData } from '../boringssl/table.js';
import { isTableDelta, resolveTargetTables, type TableDelta } from '../table/extend.js';
import { isTargetName, registerTargetData } from '../table/registry.js';
import type { TargetData } from '../table/target.js';
import type { TargetName } from '../types.js';

/**
 * Loads and registers the table of one target. The CLI does this instead of importing the
 * public entry, which loads every table: a command needs one, and start-up time counts. A table
 * stored as a delta (src/table/extend.ts) brings the tables it extends, and only those.
 */
export async function loadTarget(name: TargetName): Promise<void> {
  if (name === 'boringssl') {
    registerBoringsslData(await readData(name));
    return;
  }
  const stored: Record<string, TargetData | TableDelta> = {};
  for (let next: string | null = name; next !== null && !Object.hasOwn(stored, next);) {
    if (!isTargetName(next)) throw new Error(`${name}: its table extends ${next}, which is no target`);
    const table = (await readData(next)) as TargetData | TableDelta;
    stored[next] = table;
    next = isTableDelta(table) ? table.extends : null;
  }
  registerTargetData(resolveTargetTables(stored).get(name)!);
}

async function readData(name: TargetName): Promise<unknown> {
  const { default: d } = (await import(`../../data/${name}.json`, { with: { type: 'json' } })) as { default: unknown };
  return d;
}
