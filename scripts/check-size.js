// The size a bundler gives users: the public entry (dist/src/index.js, which registers every
// target's table and the peer profiles) bundled by Vite for the browser, minified, as one ES
// module with every export kept. Fails when it is over the budget below.
//
//   npm run build && node scripts/check-size.js [--json]
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

// The budget, in bytes: about 8% above the measured size (453,300 minified, 74,700 gzipped).
const BUDGET = { minified: 490_000, gzip: 80_000 };

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const entry = resolve(root, 'dist/src/index.js');
if (!existsSync(entry)) {
  console.error(`check-size: ${entry} is missing; run \`npm run build\` first`);
  process.exit(2);
}

const result = await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    write: false,
    minify: true,
    target: 'es2022',
    copyPublicDir: false,
    modulePreload: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: entry,
      preserveEntrySignatures: 'strict',
      output: { format: 'es', entryFileNames: 'cipherx.js' },
    },
  },
});
const chunks = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
if (chunks.length !== 1) {
  console.error(`check-size: expected one chunk, got ${chunks.map((c) => c.fileName).join(', ')}`);
  process.exit(2);
}
const code = chunks[0].code;
const size = { minified: Buffer.byteLength(code), gzip: gzipSync(code).length };

if (process.argv.includes('--json')) console.log(JSON.stringify({ size, budget: BUDGET }));
else {
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`cipherx bundled with every table: ${kb(size.minified)} minified, ${kb(size.gzip)} gzipped`);
  console.log(`budget: ${kb(BUDGET.minified)} minified, ${kb(BUDGET.gzip)} gzipped`);
}
const over = Object.keys(BUDGET).filter((k) => size[k] > BUDGET[k]);
if (over.length > 0) {
  for (const k of over) console.error(`check-size: ${k} size ${size[k]} bytes is over the budget of ${BUDGET[k]}`);
  process.exit(1);
}
