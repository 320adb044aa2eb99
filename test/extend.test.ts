import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTargets, tableDelta } from '../scripts/generate-data.js';
import {
  extendTable,
  extendTargetData,
  isTableDelta,
  resolveTargetTables,
  type TableDelta,
} from '../src/library/extend.js';
import { findLibrary, libraries } from '../src/library/registry.js';
import { opensslTable } from '../src/library/tables.js';
import type { TargetData } from '../src/family/openssl/target.js';
import { RECORDED_TABLES, readRecordedTable } from './helpers/tables.js';

const OPENSSL_TARGET_NAMES = libraries()
  .filter((l) => l.family === 'openssl')
  .map((l) => l.name);
const getTarget = (name: string) => opensslTable(findLibrary(name)!);

// Tables stored as deltas against the table they extend (src/library/extend.ts, data/README.md).

const KEYS = { items: 'id' };
const parent = {
  $comment: 'parent',
  name: 'p',
  flag: true,
  items: [
    { id: 'a', v: 1 },
    { id: 'b', v: 2, extra: 'x' },
    { id: 'c', v: 3 },
  ],
  plain: [1, 2, 3],
};
const extend = (delta: Omit<TableDelta, 'extends'>) =>
  extendTable(parent, { extends: 'p', ...delta }, KEYS) as Record<string, unknown>;

describe('extendTable', () => {
  // Proves fields the delta leaves out are the parent's, its own replace the parent's in place,
  // new fields go last, and `extends` is not part of the result.
  it('replaces top-level fields in the parent order', () => {
    const out = extend({ $comment: 'child', flag: false, added: 1 });
    expect(JSON.stringify(out)).toBe(
      JSON.stringify({ $comment: 'child', name: 'p', flag: false, items: parent.items, plain: [1, 2, 3], added: 1 }),
    );
  });
  // Proves an unkeyed list is replaced whole.
  it('replaces a list that is not keyed', () => {
    expect(extend({ plain: [3] }).plain).toEqual([3]);
  });
  // Proves an insert lands right after the element it names, or first with after: null, and
  // that later edits see earlier ones (an insert after an inserted element).
  it('inserts after the named element, or first', () => {
    const out = extend({
      items: [
        { after: null, insert: { id: 'z' } },
        { after: 'b', insert: { id: 'b2' } },
        { after: 'b2', insert: { id: 'b3' } },
        { after: 'c', insert: { id: 'd' } },
      ],
    });
    expect((out.items as Array<{ id: string }>).map((e) => e.id)).toEqual(['z', 'a', 'b', 'b2', 'b3', 'c', 'd']);
  });
  // Proves a removal drops exactly the element named, keeping the others in order.
  it('removes by key', () => {
    const out = extend({ items: [{ remove: 'b' }, { remove: 'a' }] });
    expect(out.items).toEqual([{ id: 'c', v: 3 }]);
  });
  // Proves a change keeps the element in place and its field order, appends a new field, drops unset fields.
  it('changes fields in place', () => {
    const out = extend({ items: [{ change: 'b', set: { v: 20, more: true }, unset: ['extra'] }] });
    expect(JSON.stringify(out.items)).toBe(
      JSON.stringify([
        { id: 'a', v: 1 },
        { id: 'b', v: 20, more: true },
        { id: 'c', v: 3 },
      ]),
    );
  });
  // Proves a removed element can come back elsewhere (a move is a remove and an insert).
  it('moves an element by removing and inserting it', () => {
    const out = extend({ items: [{ remove: 'a' }, { after: 'c', insert: { id: 'a', v: 1 } }] });
    expect((out.items as Array<{ id: string }>).map((e) => e.id)).toEqual(['b', 'c', 'a']);
  });
  // Proves the parent is left as it was and unchanged elements are shared, not copied.
  it('leaves the parent alone', () => {
    const before = JSON.stringify(parent);
    const out = extend({ items: [{ change: 'a', set: { v: 9 } }, { remove: 'c' }] });
    expect(JSON.stringify(parent)).toBe(before);
    expect((out.items as unknown[])[1]).toBe(parent.items[1]);
  });
  // Proves an edit naming a missing key, or inserting a key already there, fails loudly.
  it('refuses edits that do not fit the list', () => {
    expect(() => extend({ items: [{ remove: 'q' }] })).toThrow(/q/);
    expect(() => extend({ items: [{ change: 'q', set: {} }] })).toThrow(/q/);
    expect(() => extend({ items: [{ after: 'q', insert: { id: 'n' } }] })).toThrow(/q/);
    expect(() => extend({ items: [{ after: null, insert: { id: 'a' } }] })).toThrow(/holds/);
    expect(() => extend({ items: [{ bogus: 1 }] })).toThrow(/unknown edit/);
  });
});

describe('resolveTargetTables', () => {
  const full = { target: 'x', v: 1 } as unknown as TargetData;
  const delta = (target: string, ext: string): TableDelta => ({ extends: ext, target });
  // Proves a chain resolves parents first whatever the order given, each table once.
  it('resolves a chain in any order', () => {
    const out = resolveTargetTables({ z: delta('z', 'y'), y: delta('y', 'x'), x: full });
    expect([...out.keys()]).toEqual(['x', 'y', 'z']);
    expect(out.get('z')).toEqual({ target: 'z', v: 1 });
    expect(isTableDelta(out.get('z'))).toBe(false);
  });
  // Proves a missing parent and a circle are errors, not hangs.
  it('refuses a missing parent and a circle', () => {
    expect(() => resolveTargetTables({ y: delta('y', 'x') })).toThrow(/not loaded/);
    expect(() => resolveTargetTables({ a: delta('a', 'b'), b: delta('b', 'a') })).toThrow(/circle/);
  });
});

// The generator builds every full table from data/source/ and stores some as deltas; the tables
// the library resolves must be exactly those it built.
describe('the stored tables', () => {
  const built = buildTargets() as Map<string, { extends: string | null; data: TargetData }>;
  // Proves each registered (resolved) table equals the generator's full table, field and element order included.
  it.each(OPENSSL_TARGET_NAMES)('%s resolves to the table the generator builds', (name) => {
    expect(JSON.stringify(getTarget(name)!.data)).toBe(JSON.stringify(built.get(name)!.data));
  });
  // Proves the committed file is a delta exactly when the facts name a parent, and that the deltas keep data/ small.
  it.each(OPENSSL_TARGET_NAMES)('%s is stored as the facts say', (name) => {
    const stored = JSON.parse(readFileSync(new URL(`../data/${name}.json`, import.meta.url), 'utf8')) as unknown;
    const parentName = built.get(name)!.extends;
    expect(isTableDelta(stored) ? stored.extends : null).toBe(parentName);
    if (parentName !== null) {
      expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(built.get(name)!.data).length / 5);
    }
  });
  // Proves the delta between any two of the real tables resolves back, whichever way round
  // (the generator's diff and the library's resolver agree beyond the chain in use).
  it('round-trips every pair of real tables', () => {
    for (const a of OPENSSL_TARGET_NAMES)
      for (const b of OPENSSL_TARGET_NAMES) {
        if (a === b) continue;
        const from = built.get(a)!.data;
        const to = built.get(b)!.data;
        const delta = tableDelta(a, from, to) as TableDelta;
        expect(JSON.stringify(extendTargetData(from, delta)), `${a} -> ${b}`).toBe(JSON.stringify(to));
      }
  });
});

interface Recorded {
  ciphers: Array<{ id: string }>;
  tls13_ciphersuites: Array<{ id: string }> | null;
  alias_table_order: string[];
}

// Checked against the tables recorded from the real builds, not against our own output.
describe('each resolved table against its recorded build', () => {
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  it.each(RECORDED_TABLES)('%s', (name, file) => {
    const table = readRecordedTable<Recorded>(file);
    const data = getTarget(name)!.data;
    const available = data.suites.filter((s) => s.available).map((s) => s.id);
    const listed = table.ciphers.map((c) => c.id).sort(byId);
    // The suites the build lists: their number, first and last by id, and the whole set.
    expect(available.length).toBe(listed.length);
    expect([available[0], available.at(-1)]).toEqual([listed[0], listed.at(-1)]);
    expect(available).toEqual(listed);
    expect(data.tls13Suites.map((s) => s.id)).toEqual((table.tls13_ciphersuites ?? []).map((c) => c.id));
    expect(data.aliases.map((a) => a.name)).toEqual(table.alias_table_order);
  });
});
