// Bundles the command line for start-up time (npm run build, after tsc; README: Speed): the
// compiled CLI (dist/src/cli/main.js) and everything it imports become one minified entry,
// dist/src/cli/cipherx.min.cjs (CommonJS: Node starts it without its ES module loader), which
// bin/cipherx.cjs requires, and one chunk per command beside
// it, loaded only when that command runs (main.ts imports each command dynamically). Node loads
// a few files instead of about a hundred modules, each resolved, read and compiled apart.
// The tables stay JSON files in dist/data/, read by src/cli/load-target.ts from `../../data/`:
// the same path from dist/src/cli/, which is why the bundle lives there. The library entry
// (dist/src/index.js) is not bundled: library users get the modules as tsc wrote them.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const dist = (path: string) => fileURLToPath(new URL(`dist/${path}`, import.meta.url));

/**
 * The modules `cipherx expand` loads: the static imports of its command, followed through the
 * compiled files. They make the `core` chunk, which every command loads; what the other commands
 * share beyond it makes the `views` chunk, which `expand` never loads.
 */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^'";]*?from\s*'(\.[^']+)'/gm)) {
      if (!m[1]!.endsWith('.json')) visit(resolve(dirname(file), m[1]!));
    }
  };
  visit(entry);
  return seen;
}
const EXPAND = staticClosure(dist('src/cli/expand-command.js'));
const inCore = (id: string) => EXPAND.has(resolve(id)) && !id.endsWith('expand-command.js');

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: dist('src/cli/main.js'),
    outDir: dist('src/cli'),
    // tsc's output is in the same folder.
    emptyOutDir: false,
    target: 'node20',
    minify: true,
    copyPublicDir: false,
    rollupOptions: {
      output: {
        format: 'cjs',
        entryFileNames: 'cipherx.min.cjs',
        chunkFileNames: 'cipherx.min-[name]-[hash].cjs',
        // Three shared pieces, not one chunk per combination of commands: what main.ts imports
        // stays in the entry; `core` is what expand needs (every command loads it); `views` is
        // what two or more other commands share beyond it (lint, policies, fixes).
        codeSplitting: {
          groups: [
            { name: 'start', tags: ['$initial'], priority: 2 },
            { name: 'core', test: inCore, priority: 1 },
            { name: 'views', minShareCount: 2 },
          ],
        },
      },
    },
  },
  // Bundle every import: the package has no run-time dependency, and node: built-ins stay imports.
  ssr: { noExternal: true },
});
