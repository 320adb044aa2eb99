// The size a bundler gives users: the public entry (dist/src/index.js, which registers every
// target's table and the peer profiles) bundled by Vite for the browser, minified, as one ES
// module with every export kept. Also the data files the package ships (dist/data/*.json, which
// the CLI loads one target's chain of), each gzipped at level 9 and in total. Fails when either
// is over the budget below.
//
//   npm run build && node scripts/check-size.js [--json]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

// The budget, in bytes, for the library with every target's table: 85 kB gzipped (and a minified
// size in proportion), as planned for all the libraries cipherx evaluates for; `data` is the
// gzipped total of dist/data/*.json, held to the 45 kB planned for the data of all targets. Tables
// that extend another are stored as deltas (data/README.md), which keeps both well inside.
const BUDGET = { minified: 420_000, gzip: 85_000, data: 45_000 };
// `cipherx/scan` (the main entry, the product readers and their data) bundled the same way, and
// the data only scan reads (product defaults, distributions), gzipped: not part of the above.
const SCAN_BUDGET = { gzip: 120_000, data: 10_000 };
const SCAN_DATA = new Set(['products.json', 'distributions.json']);
// `cipherx/write` (the main entry, suggest's search, minimize and fix) bundled the same way.
const WRITE_BUDGET = { gzip: 100_000 };

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const entry = resolve(root, 'dist/src/index.js');
if (!existsSync(entry)) {
  console.error(`check-size: ${entry} is missing; run \`npm run build\` first`);
  process.exit(2);
}

/** The entry bundled for the browser, minified, as one ES module with every export kept. */
async function bundle(input) {
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
        input,
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
  return chunks[0].code;
}
const code = await bundle(entry);
const scanCode = await bundle(resolve(root, 'dist/src/scan/index.js'));
const writeCode = await bundle(resolve(root, 'dist/src/write/index.js'));
const writeSize = { gzip: gzipSync(writeCode).length };

const dataDir = resolve(root, 'dist/data');
const dataFiles = Object.fromEntries(
  readdirSync(dataDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, gzipSync(readFileSync(resolve(dataDir, f)), { level: 9 }).length]),
);
const dataTotal = Object.entries(dataFiles).reduce((a, [f, n]) => a + (SCAN_DATA.has(f) ? 0 : n), 0);
const size = { minified: Buffer.byteLength(code), gzip: gzipSync(code).length, data: dataTotal };
const scanSize = {
  gzip: gzipSync(scanCode).length,
  data: Object.entries(dataFiles).reduce((a, [f, n]) => a + (SCAN_DATA.has(f) ? n : 0), 0),
};

if (process.argv.includes('--json'))
  console.log(
    JSON.stringify({
      size,
      budget: BUDGET,
      dataFiles,
      scan: { size: scanSize, budget: SCAN_BUDGET },
      write: { size: writeSize, budget: WRITE_BUDGET },
    }),
  );
else {
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`cipherx bundled with every table: ${kb(size.minified)} minified, ${kb(size.gzip)} gzipped`);
  console.log(`budget: ${kb(BUDGET.minified)} minified, ${kb(BUDGET.gzip)} gzipped`);
  const files = Object.entries(dataFiles).map(([f, n]) => `${f} ${kb(n)}`);
  console.log(`data files, gzipped: ${files.join(', ')}`);
  console.log(`data total: ${kb(size.data)} gzipped (budget ${kb(BUDGET.data)}), scan's data not counted`);
  console.log(
    `cipherx/scan bundled (with the main entry): ${kb(scanSize.gzip)} gzipped (budget ${kb(SCAN_BUDGET.gzip)}); its own data ${kb(scanSize.data)} (budget ${kb(SCAN_BUDGET.data)})`,
  );
  console.log(
    `cipherx/write bundled (with the main entry): ${kb(writeSize.gzip)} gzipped (budget ${kb(WRITE_BUDGET.gzip)})`,
  );
}
const over = Object.keys(BUDGET).filter((k) => size[k] > BUDGET[k]);
if (over.length > 0) {
  for (const k of over) console.error(`check-size: ${k} size ${size[k]} bytes is over the budget of ${BUDGET[k]}`);
  process.exit(1);
}
const scanOver = Object.keys(SCAN_BUDGET).filter((k) => scanSize[k] > SCAN_BUDGET[k]);
if (scanOver.length > 0) {
  for (const k of scanOver)
    console.error(`check-size: cipherx/scan ${k} size ${scanSize[k]} bytes is over the budget of ${SCAN_BUDGET[k]}`);
  process.exit(1);
}
if (writeSize.gzip > WRITE_BUDGET.gzip) {
  console.error(
    `check-size: cipherx/write gzip size ${writeSize.gzip} bytes is over the budget of ${WRITE_BUDGET.gzip}`,
  );
  process.exit(1);
}
