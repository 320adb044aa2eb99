import type { TargetData } from '../family/openssl/target.js';

/**
 * A table stored as its differences from another library's table (data/README.md, "Tables that
 * extend another"). Releases of one family share most of their table, so data/ keeps one full
 * table per family base and a delta for each other release; {@link extendTable} gives back the
 * full table. `scripts/generate-data.js` writes the deltas and checks that resolving each one
 * against its parent gives exactly the table it built from the recorded material.
 *
 * A delta holds:
 * - `extends`: the name of the parent table (itself full or a delta);
 * - each top-level field whose value differs from the parent's, in full (`$comment`, `target`
 *   and `release` always differ);
 * - for the keyed lists ({@link OPENSSL_KEYED_LISTS}: suites and SCSVs by `id`, aliases by
 *   `name`), a list of {@link ListEdit}s applied in order to a copy of the parent's list.
 */
export interface TableDelta {
  $comment?: string;
  /** The table this one extends. */
  extends: string;
  [field: string]: unknown;
}

/**
 * One edit of a keyed list. `remove` drops the element with that key; `insert` puts a new
 * element right after the element keyed `after` (null: first); `change` replaces the `set`
 * fields of the element with that key (a field the element lacks goes last) and drops its
 * `unset` fields, leaving the element where it is.
 */
export type ListEdit =
  | { remove: string }
  | { insert: Record<string, unknown>; after: string | null }
  | { change: string; set?: Record<string, unknown>; unset?: string[] };

/** The lists of an OpenSSL table that deltas edit element by element, and the field that keys each. */
export const OPENSSL_KEYED_LISTS: Readonly<Record<string, string>> = {
  suites: 'id',
  tls13Suites: 'id',
  scsvs: 'id',
  aliases: 'name',
};

/** True when a stored table is a delta (it names the table it extends). */
export function isTableDelta(stored: unknown): stored is TableDelta {
  return typeof stored === 'object' && stored !== null && typeof (stored as TableDelta).extends === 'string';
}

/**
 * The full table a delta describes, given its parent's full table. Pure: neither argument is
 * modified; elements the delta leaves alone are shared with the parent. Fields keep the
 * parent's order (a field the parent lacks goes last); `extends` is not part of the result.
 * Throws when an edit names a key the list does not hold (or, for an insert, already holds).
 */
export function extendTable<T extends object>(
  parent: T,
  delta: TableDelta,
  keyedLists: Readonly<Record<string, string>>,
): T {
  const out: Record<string, unknown> = {};
  const base = parent as Record<string, unknown>;
  const fields = [...Object.keys(base), ...Object.keys(delta).filter((f) => f !== 'extends' && !(f in base))];
  for (const field of fields) {
    if (!Object.hasOwn(delta, field)) out[field] = base[field];
    else if (Object.hasOwn(keyedLists, field))
      out[field] = editList(base[field], delta[field], keyedLists[field]!, `${delta.extends} ${field}`);
    else out[field] = delta[field];
  }
  return out as T;
}

/** {@link extendTable} for the OpenSSL family's tables. */
export function extendTargetData(parent: TargetData, delta: TableDelta): TargetData {
  return extendTable(parent, delta, OPENSSL_KEYED_LISTS);
}

type Element = Record<string, unknown>;

function editList(list: unknown, edits: unknown, key: string, what: string): Element[] {
  if (!Array.isArray(list)) throw new Error(`${what}: the parent has no list to edit`);
  if (!Array.isArray(edits)) throw new Error(`${what}: the delta's edits are not a list`);
  const out = [...(list as Element[])];
  const indexOf = (k: unknown, edit: string): number => {
    const i = out.findIndex((e) => e[key] === k);
    if (i < 0) throw new Error(`${what}: ${edit} names ${String(k)}, which the list does not hold`);
    return i;
  };
  for (const edit of edits as ListEdit[]) {
    if ('remove' in edit) out.splice(indexOf(edit.remove, 'remove'), 1);
    else if ('insert' in edit) {
      const k = edit.insert[key];
      if (out.some((e) => e[key] === k)) throw new Error(`${what}: insert of ${String(k)}, which the list holds`);
      out.splice(edit.after === null ? 0 : indexOf(edit.after, 'insert after') + 1, 0, edit.insert);
    } else if ('change' in edit) {
      const i = indexOf(edit.change, 'change');
      const changed: Element = { ...out[i]!, ...edit.set };
      for (const f of edit.unset ?? []) delete changed[f];
      out[i] = changed;
    } else throw new Error(`${what}: unknown edit ${JSON.stringify(edit)}`);
  }
  return out;
}

/**
 * Every stored OpenSSL table resolved, each once and its parent first. `stored` holds, by target
 * name, what data/ stores: a full table or a delta, whose parent must be in `stored` too.
 */
export function resolveTargetTables(
  stored: Readonly<Record<string, TargetData | TableDelta>>,
): Map<string, TargetData> {
  const out = new Map<string, TargetData>();
  const resolve = (name: string, path: readonly string[]): TargetData => {
    const done = out.get(name);
    if (done) return done;
    const table = stored[name];
    if (!table) throw new Error(`${path.at(-1)} extends ${name}, whose table is not loaded`);
    if (path.includes(name)) throw new Error(`tables extend each other in a circle: ${[...path, name].join(' > ')}`);
    const full = isTableDelta(table) ? extendTargetData(resolve(table.extends, [...path, name]), table) : table;
    out.set(name, full);
    return full;
  };
  for (const name of Object.keys(stored)) resolve(name, []);
  return out;
}
