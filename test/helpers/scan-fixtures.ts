// The scan fixtures as a ConfigHost: files under test/fixtures/scan only, so that an absolute
// include (`/etc/lighttpd/conf-enabled/*.conf`) never reads this machine's own configuration.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileSystemHost } from '../../src/cli/config-host.js';
import type { ConfigHost } from '../../src/scan/types.js';
import { scan } from '../../src/scan/scan.js';
import type { ScanReport, ScanSetting } from '../../src/scan/types.js';

const ROOT = 'test/fixtures/scan/';

export function fixtureHost(): ConfigHost {
  const fs = fileSystemHost(new Map());
  const inside = (path: string) => path.startsWith(ROOT) || `${path}/` === ROOT;
  return {
    readFile: (path) => (inside(path) ? fs.readFile(path) : { error: 'no such file' }),
    listDirectory: (path) => (inside(path) ? fs.listDirectory(path) : null),
  };
}

/** Scans fixture paths (relative to test/fixtures/scan/). */
export function scanFixtures(...paths: string[]): ScanReport {
  return scan(
    paths.map((p) => ROOT + p),
    fixtureHost(),
  );
}

/** `file:line:column` of a setting; a fixture's file relative to test/fixtures/scan/. */
export function placeOf(s: { file: string; line: number; column: number }): string {
  const file = s.file.startsWith(ROOT) ? s.file.slice(ROOT.length) : s.file;
  return `${file}:${s.line}:${s.column}`;
}

/** The setting with this context and role. */
export function settingAt(report: ScanReport, context: string, role: 'server' | 'client' = 'server'): ScanSetting {
  const found = report.settings.filter((s) => s.context === context && s.role === role);
  if (found.length !== 1)
    throw new Error(
      `${found.length} settings for ${role} ${context}: ${report.settings.map((s) => `${s.role} ${s.context}`).join(', ')}`,
    );
  return found[0]!;
}

/** The names of the suites the setting's context would offer (its effective offer). */
export function offered(s: Pick<ScanSetting, 'result'>): string[] {
  return (s.result.supported?.ciphers ?? []).map((c) => c.name);
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
