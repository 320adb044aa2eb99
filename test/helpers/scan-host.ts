import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
