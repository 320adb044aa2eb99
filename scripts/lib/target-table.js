// The full table of an OpenSSL target as the library resolves it: data/<target>.json, and when
// that is a delta, the tables it extends (src/library/extend.ts). Uses the built resolver in dist/
// (`npm run build` first).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function readTargetTable(root, name) {
  const { isTableDelta, resolveTargetTables } = await import(
    pathToFileURL(join(root, 'dist', 'src', 'library', 'extend.js')).href
  );
  const stored = {};
  for (let next = name; next !== null && !(next in stored);) {
    const table = JSON.parse(readFileSync(join(root, 'data', `${next}.json`), 'utf8'));
    stored[next] = table;
    next = isTableDelta(table) ? table.extends : null;
  }
  return resolveTargetTables(stored).get(name);
}
