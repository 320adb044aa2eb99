// Bundles the command line for start-up time (npm run build, after tsc; README: Speed): the
// compiled CLI (dist/src/cli/main.js) and everything it imports become one minified entry,
// dist/src/cli/cipherx.min.js, which bin/cipherx.js imports, and one chunk per command beside
// it, loaded only when that command runs (main.ts imports each command dynamically). Node loads
// a few files instead of about a hundred modules, each resolved, read and compiled apart.
// The tables stay JSON files in dist/data/, read by src/cli/load-target.ts from `../../data/`:
// the same path from dist/src/cli/, which is why the bundle lives there. The library entry
// (dist/src/index.js) is not bundled: library users get the modules as tsc wrote them.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// What `expand` does not need (the views and what only they use): its own chunk, so `expand` does
// not load it. A module left out here only costs start-up time, never correctness.
const VIEWS = new RegExp(
  [
    '/dist/src/(lint|policy|explain|negotiate|scan|write)/',
    '/dist/src/(diff|convert)\\.js$',
    '/dist/src/format/(check|explain|negotiate|scan)-text\\.js$',
    '/dist/src/format/sarif\\.js$',
    '/dist/src/cli/(check-command|finding-options|read-file|config-host|peer-file-text)\\.js$',
  ].join('|'),
);
const dist = (path: string) => fileURLToPath(new URL(`dist/${path}`, import.meta.url));

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
        format: 'es',
        entryFileNames: 'cipherx.min.js',
        chunkFileNames: 'cipherx.min-[name]-[hash].js',
        // What two or more commands use is one chunk, not one per combination of commands.
        codeSplitting: {
          groups: [
            { name: 'start', tags: ['$initial'], priority: 2 },
            { name: 'core', test: (id) => !VIEWS.test(id.replace(/\\/g, '/')), minShareCount: 2, priority: 1 },
            { name: 'views', minShareCount: 2 },
          ],
        },
      },
    },
  },
  // Bundle every import: the package has no run-time dependency, and node: built-ins stay imports.
  ssr: { noExternal: true },
});
