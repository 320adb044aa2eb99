import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigHost } from '../../src/scan/types.js';

/** A ConfigHost over a Map of paths to texts (folders are the paths' prefixes). */
export function mapHost(files: Record<string, string>): ConfigHost {
  const texts = new Map(Object.entries(files));
  return {
    readFile: (path) => (texts.has(path) ? { text: texts.get(path)! } : { error: 'no such file' }),
    listDirectory: (path) => {
      const prefix = path === '/' ? '/' : `${path.replace(/\/$/, '')}/`;
      const names = new Set<string>();
      for (const p of texts.keys()) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
      return names.size > 0 && !texts.has(path) ? [...names] : null;
    },
  };
}

/** A fixture folder (test/fixtures/scan/<name>) as files under `root`. */
export function fixtureFiles(name: string, root: string): Record<string, string> {
  const base = new URL(`../fixtures/scan/${name}`, import.meta.url).pathname;
  const out: Record<string, string> = {};
  const walk = (dir: string, rel: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p, `${rel}/${f}`);
      else out[`${root}${rel}/${f}`] = readFileSync(p, 'utf8');
    }
  };
  walk(base, '');
  return out;
}

/** A setting's place, `file:line:column`. */
export function placeOf(s: { file: string; line: number; column: number }): string {
  return `${s.file}:${s.line}:${s.column}`;
}

/** The names of the suites a setting offers (its effective offer), joined as `openssl ciphers -s` prints them. */
export function offered(s: { result: { supported?: { ciphers: Array<{ name: string }> } } }): string {
  return (s.result.supported?.ciphers ?? []).map((c) => c.name).join(':');
}
