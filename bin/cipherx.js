#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { main } from '../dist/src/cli/cipherx.min.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// A reader that goes away (`cipherx expand -v ALL | head -1`) is not an error of ours.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, version }).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`cipherx: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 70;
  },
);
