// Writing generated files, or checking that the committed ones are current.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/** One top-level key per line, one array element per line: small, and diffs stay readable. */
export function compactJson(obj) {
  const lines = Object.entries(obj).map(([k, v]) => {
    const body =
      Array.isArray(v) && v.length && typeof v[0] === 'object'
        ? '[\n' + v.map((x) => '  ' + JSON.stringify(x)).join(',\n') + '\n ]'
        : JSON.stringify(v);
    return ` ${JSON.stringify(k)}: ${body}`;
  });
  return '{\n' + lines.join(',\n') + '\n}\n';
}

/**
 * Writes `text` to `file`, or with `check` reports whether the file already holds exactly that.
 * Returns false when a check finds the file stale.
 */
export function writeOrCheck(file, text, { check, root, regenerate }) {
  const name = relative(root, file);
  if (!check) {
    writeFileSync(file, text);
    console.log(`wrote ${name}`);
    return true;
  }
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return true;
  console.error(`${name} is stale: run ${regenerate}`);
  return false;
}
